/**
 * The client for Zoho's accounts server: requests a CRM API ticket (`/login`) and releases one
 * (`/logout`). Plain TypeScript over an injected `fetch`, so the app can pass Electron's `net.fetch`
 * (system proxy, OS certificate store) and tests a loopback server.
 */
import { zohoTicketCredential, type ZohoTicketCredential } from './credential';
import { accountsBaseUrl, endpointUrl, type AccountsEndpoint } from './data-centres';
import { refusalError, TicketError } from './errors';
import { nodeHttpFetch } from './node-transport';
import { redactUrl, scrubSecrets } from './redact';
import { readTicketAnswer, type NotTicketAnswerReason } from './ticket-answer';

/** The subset of `fetch` the client uses; `globalThis.fetch` and Electron's `net.fetch` both fit. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** How the login request is sent: `post` (form body, required by Zoho since 2011) or `get` (2009 form). */
export type RequestMethod = 'post' | 'get';

/** The request methods, for validation. */
export const REQUEST_METHODS: readonly RequestMethod[] = ['post', 'get'];

/** The non-secret facts needed to request a ticket for an account. */
export interface TicketAccount {
  /** Our id for the account; copied onto the credential. */
  readonly id: string;
  /** Zoho user name or e-mail address. */
  readonly loginId: string;
  readonly endpoint: AccountsEndpoint;
  readonly method: RequestMethod;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with a `cancelled` {@link TicketError}. */
  readonly signal?: AbortSignal;
  /** Overrides the client's timeout for this call (ms). */
  readonly timeoutMs?: number;
}

/** The port the rest of the app uses to get and release credentials. */
export interface AccountsClient {
  /**
   * Requests a new ticket.
   *
   * @throws TicketError of any kind; never a bare Error
   */
  requestTicket(account: TicketAccount, password: string, options?: RequestOptions): Promise<ZohoTicketCredential>;
  /**
   * Releases a ticket so it stops counting against Zoho's limit of 20 concurrent tickets.
   *
   * @throws TicketError of any kind
   */
  releaseTicket(account: TicketAccount, ticket: string, options?: RequestOptions): Promise<void>;
}

/** Construction options for {@link ZohoAccountsClient}. */
export interface ZohoAccountsClientOptions {
  /** The transport. Defaults to {@link nodeHttpFetch}; the Electron app passes `net.fetch`. */
  readonly fetch?: FetchLike;
  /** Whole-exchange limit, headers and body (default 20 s). */
  readonly timeoutMs?: number;
  /** Largest body we read (default 64 KiB); a real answer is about 150 bytes. */
  readonly maxBodyBytes?: number;
  /** Our clock (epoch ms) for the ticket's issue time. Defaults to `Date.now`. */
  readonly now?: () => number;
}

/** Default whole-exchange time limit. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Longest time limit a caller may ask for. */
export const MAX_TIMEOUT_MS = 10 * 60_000;
/** Default response body cap. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const MAX_LOGIN_ID_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Throws `invalid-input` for a login id, password or timeout we would never send. */
export function validateTicketRequest(loginId: string, password: string, timeoutMs: number): void {
  const trimmed = loginId.trim();
  if (trimmed === '') {
    throw new TicketError('invalid-input', 'The login id is empty.', { field: 'loginId', code: 'LOGIN_ID_EMPTY' });
  }
  if (trimmed.length > MAX_LOGIN_ID_LENGTH) {
    throw new TicketError('invalid-input', `The login id is longer than ${MAX_LOGIN_ID_LENGTH} characters.`, {
      field: 'loginId',
      code: 'LOGIN_ID_TOO_LONG',
    });
  }
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new TicketError('invalid-input', 'The login id contains control characters.', {
      field: 'loginId',
      code: 'LOGIN_ID_INVALID',
    });
  }
  if (password === '') {
    throw new TicketError('invalid-input', 'The password is empty.', { field: 'password', code: 'PASSWORD_EMPTY' });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new TicketError('invalid-input', `The password is longer than ${MAX_PASSWORD_LENGTH} characters.`, {
      field: 'password',
      code: 'PASSWORD_TOO_LONG',
    });
  }
  validateTimeout(timeoutMs);
}

function validateTimeout(timeoutMs: number): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new TicketError('invalid-input', `The timeout must be more than 0 and at most ${MAX_TIMEOUT_MS / 1000} seconds.`, {
      field: 'timeout',
      code: 'TIMEOUT_INVALID',
    });
  }
}

/**
 * Builds the login request: a form body for POST (the password never in the URL), query parameters for
 * GET. Parameter names are case-sensitive; values are form-encoded by `URLSearchParams`.
 */
export function buildLoginRequest(
  baseUrl: string,
  loginId: string,
  password: string,
  method: RequestMethod,
): { url: URL; init: RequestInit } {
  const params = new URLSearchParams({
    servicename: 'ZohoCRM',
    FROM_AGENT: 'true',
    LOGIN_ID: loginId.trim(),
    PASSWORD: password,
  });
  const url = endpointUrl(baseUrl, '/login');
  if (method === 'get') {
    url.search = params.toString();
    return { url, init: { method: 'GET' } };
  }
  return {
    url,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: params.toString(),
    },
  };
}

/** Builds the release request: always POST `ticket=…&FROM_AGENT=true` to `/logout`. */
export function buildLogoutRequest(baseUrl: string, ticket: string): { url: URL; init: RequestInit } {
  return {
    url: endpointUrl(baseUrl, '/logout'),
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({ ticket, FROM_AGENT: 'true' }).toString(),
    },
  };
}

const TLS_CODE = /^(CERT_|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|ERR_TLS|ERR_SSL|ERR_CERT|HOSTNAME_MISMATCH|ERR_OSSL)/;
const TLS_MESSAGE = /net::ERR_(CERT|SSL)_|certificate|ssl|tls/i;
const TIMEOUT_CODE = /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/;
const TIMEOUT_MESSAGE = /net::ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)/;

/** Walks an error's `cause` chain collecting codes and messages (undici nests the system error). */
function describeFailure(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (typeof current === 'object') {
      const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
      if (typeof code === 'string') codes.push(code);
      if (typeof message === 'string') messages.push(message);
      current = cause;
    } else {
      messages.push(String(current));
      current = undefined;
    }
  }
  return { codes, messages };
}

/**
 * Maps a failed `fetch` (or body read) to `tls`, `timeout` or `network`. Works for Node's undici
 * (`cause.code` like `ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`) and Electron's `net.fetch`
 * (`net::ERR_CERT_AUTHORITY_INVALID` in the message).
 */
function classifyTransportFailure(error: unknown, host: string, secrets: readonly string[]): TicketError {
  const { codes, messages } = describeFailure(error);
  const code = codes.find((c) => c !== 'UND_ERR_SOCKET') ?? codes[0];
  const netCode = messages.map((m) => /net::ERR_[A-Z_]+/.exec(m)?.[0]).find((m) => m !== undefined);
  const codeDetails = (code ?? netCode) === undefined ? {} : { code: (code ?? netCode) as string };
  // Without a code, the innermost message (e.g. undici's "bad port") is the best clue; it is scrubbed
  // and shortened because lower layers may quote the request.
  const innermost = messages.at(-1);
  const clue =
    innermost !== undefined && innermost !== 'fetch failed' && messages.length > 1
      ? scrubSecrets(redactUrl(innermost), secrets).slice(0, 120)
      : undefined;
  const shownCode = code ?? netCode ?? clue;
  if (codes.some((c) => TLS_CODE.test(c)) || messages.some((m) => TLS_MESSAGE.test(m))) {
    return new TicketError(
      'tls',
      `The secure connection to ${host} could not be trusted${shownCode ? ` (${shownCode})` : ''}; check the accounts URL, the system clock, or a proxy that intercepts HTTPS.`,
      codeDetails,
    );
  }
  if (codes.some((c) => TIMEOUT_CODE.test(c)) || messages.some((m) => TIMEOUT_MESSAGE.test(m))) {
    return new TicketError('timeout', `${host} did not answer in time${shownCode ? ` (${shownCode})` : ''}.`, codeDetails);
  }
  return new TicketError(
    'network',
    `Could not reach ${host}${shownCode ? ` (${shownCode})` : ''}; check the network connection and the data centre.`,
    codeDetails,
  );
}

function charsetOf(contentType: string | null): string {
  const match = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1] ?? 'utf-8';
}

function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an unknown charset label: Zoho sends UTF-8 anyway
  }
}

function oversizeError(host: string, maxBodyBytes: number): TicketError {
  return new TicketError(
    'protocol',
    `${host} sent more than ${Math.round(maxBodyBytes / 1024)} KiB: that is not a ticket answer.`,
    { code: 'OVERSIZE' },
  );
}

/**
 * Reads the body incrementally, stopping (and cancelling the stream) as soon as it exceeds the cap,
 * so a hostile or broken server cannot flood memory. A body that never ends is cut by the caller's
 * abort signal.
 */
async function readCappedBody(response: Response, maxBodyBytes: number, host: string): Promise<string> {
  const contentType = response.headers.get('content-type');
  const declaredHeader = response.headers.get('content-length');
  const declared = declaredHeader === null ? Number.NaN : Number(declaredHeader);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw oversizeError(host, maxBodyBytes);
  }
  if (!response.body) return '';
  if (Number.isInteger(declared) && declared >= 0) {
    // The length is declared and within the cap, and fetch rejects a body longer than declared:
    // let it read natively (the common case; a real answer is ~150 bytes).
    return decodeBody(new Uint8Array(await response.arrayBuffer()), contentType);
  }
  // No declared length (chunked): read incrementally and stop as soon as the cap is passed.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      throw oversizeError(host, maxBodyBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return decodeBody(chunks[0] as Uint8Array, contentType);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeBody(bytes, contentType);
}

const NOT_A_TICKET_MESSAGES: Readonly<Record<NotTicketAnswerReason, (host: string) => string>> = {
  html: (host) =>
    `${host} answered with a web page, not a ticket answer (a login page, captive portal or proxy may be in the way).`,
  'no-result': (host) => `${host} answered without a RESULT: that is not an answer from the Zoho ticket service.`,
  'unknown-result': (host) => `${host} answered with a RESULT that is neither TRUE nor FALSE.`,
  'missing-ticket': (host) => `${host} answered RESULT=TRUE but sent no ticket.`,
};

/** The Zoho accounts client. Stateless apart from its options; safe to share. */
export class ZohoAccountsClient implements AccountsClient {
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #maxBodyBytes: number;
  readonly #now: () => number;

  constructor(options: ZohoAccountsClientOptions = {}) {
    this.#fetch = options.fetch ?? nodeHttpFetch;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.#now = options.now ?? Date.now;
    validateTimeout(this.#timeoutMs);
  }

  async requestTicket(
    account: TicketAccount,
    password: string,
    options: RequestOptions = {},
  ): Promise<ZohoTicketCredential> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    validateTicketRequest(account.loginId, password, timeoutMs);
    const baseUrl = accountsBaseUrl(account.endpoint);
    const { url, init } = buildLoginRequest(baseUrl, account.loginId, password, account.method);
    const secrets = [password];
    const body = await this.#exchange(url, init, timeoutMs, options.signal, secrets);
    const host = url.host;
    const answer = readTicketAnswer(body);
    switch (answer.kind) {
      case 'ticket':
        return zohoTicketCredential(
          account.id,
          { ...answer, warning: answer.warning === null ? null : scrubSecrets(answer.warning, secrets) },
          this.#now(),
        );
      case 'refusal':
        throw refusalError(
          answer.cause === null ? null : scrubSecrets(answer.cause, secrets),
          answer.warning === null ? null : scrubSecrets(answer.warning, secrets),
        );
      case 'not-a-ticket-answer':
        throw new TicketError('protocol', NOT_A_TICKET_MESSAGES[answer.reason](host), {
          code: `NOT_TICKET_ANSWER_${answer.reason.toUpperCase().replace(/-/g, '_')}`,
        });
    }
  }

  async releaseTicket(account: TicketAccount, ticket: string, options: RequestOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    validateTimeout(timeoutMs);
    if (ticket.trim() === '') {
      throw new TicketError('invalid-input', 'There is no ticket to release.', { code: 'TICKET_EMPTY' });
    }
    const { url, init } = buildLogoutRequest(accountsBaseUrl(account.endpoint), ticket);
    await this.#exchange(url, init, timeoutMs, options.signal, [ticket]);
  }

  /**
   * One HTTP exchange with every guard: no redirects followed, one deadline over headers and body,
   * caller abort, capped body, status 200 only. Resolves with the decoded body; errors are
   * {@link TicketError}s whose text never holds `secrets`.
   */
  async #exchange(
    target: URL,
    init: RequestInit,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
    secrets: readonly string[],
  ): Promise<string> {
    const host = target.host;
    if (callerSignal?.aborted) throw cancelledError();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = callerSignal ? AbortSignal.any([deadline.signal, callerSignal]) : deadline.signal;
    const whyAborted = (error: unknown): TicketError => {
      if (callerSignal?.aborted) return cancelledError();
      if (deadline.signal.aborted) {
        return new TicketError('timeout', `${host} did not answer within ${formatSeconds(timeoutMs)}.`, {
          code: 'TIMEOUT',
        });
      }
      if (error instanceof TicketError) return error;
      return classifyTransportFailure(error, host, secrets);
    };
    try {
      let response: Response;
      try {
        response = await this.#fetch(target.href, {
          ...init,
          redirect: 'manual',
          signal,
          cache: 'no-store',
          credentials: 'omit',
        });
      } catch (error) {
        throw whyAborted(error);
      }
      if (response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        throw redirectError(host, response, target, secrets);
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        const statusText = response.statusText ? ` ${scrubSecrets(response.statusText, secrets)}` : '';
        throw new TicketError('protocol', `${host} answered HTTP ${response.status}${statusText} instead of a ticket answer.`, {
          code: 'HTTP_STATUS',
          status: response.status,
        });
      }
      try {
        return await readCappedBody(response, this.#maxBodyBytes, host);
      } catch (error) {
        throw whyAborted(error);
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

function cancelledError(): TicketError {
  return new TicketError('cancelled', 'The request was cancelled.', { code: 'CANCELLED' });
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function redirectError(host: string, response: Response, requestUrl: URL, secrets: readonly string[]): TicketError {
  const raw = response.headers.get('location');
  if (raw === null || response.type === 'opaqueredirect') {
    return new TicketError('protocol', `${host} answered with a redirect; redirects are not followed.`, {
      code: 'REDIRECT',
      status: response.status,
    });
  }
  let location: string;
  try {
    location = new URL(raw, requestUrl).toString();
  } catch {
    location = raw;
  }
  location = scrubSecrets(redactUrl(location), secrets);
  const insecure = location.startsWith('http:') ? ' (to plain http)' : '';
  return new TicketError(
    'protocol',
    `${host} redirected${insecure} to ${location}; redirects are not followed: check the data centre or accounts URL.`,
    { code: 'REDIRECT', status: response.status, location },
  );
}
