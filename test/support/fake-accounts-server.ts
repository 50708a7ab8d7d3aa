/**
 * A loopback stand-in for Zoho's accounts server that speaks the real protocol (shared/zoho-protocol.md):
 * `/login` issues tickets to registered accounts and refuses by CAUSE; `/logout` releases them. Tests can
 * script any response (recorded bodies, WARNING refusals, HTML, 5xx, redirects, a body that never ends,
 * an oversize body, a dropped connection), and every request is recorded for assertions.
 *
 * It listens on 127.0.0.1 only. The end-to-end harness and the demo mode reuse it.
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { successBody } from './recorded-bodies';

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query, e.g. `/login` or `/prefix/login`. */
  readonly path: string;
  /** The raw query string without `?` (empty when none). */
  readonly rawQuery: string;
  readonly contentType: string | undefined;
  /** The raw request body as sent. */
  readonly rawBody: string;
  /** Parameters from the query and the form body, decoded (body wins). */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A scripted answer, used instead of the protocol logic. */
export type Scenario =
  | { readonly kind: 'body'; readonly body: string; readonly status?: number; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string }
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: number }
  /** Headers and the start of a body, then nothing, forever (until the client gives up). */
  | { readonly kind: 'never-ending' }
  /** Accepts the request and never answers at all. */
  | { readonly kind: 'hang' }
  /** A body of `bytes` bytes, sent in chunks, with or without a Content-Length. */
  | { readonly kind: 'oversize'; readonly bytes: number; readonly declareLength?: boolean }
  /** Closes the connection without an answer. */
  | { readonly kind: 'drop' };

/** A registered Zoho user. */
export interface FakeAccount {
  readonly password: string;
  /** Refuse every login with this CAUSE (e.g. `WEB_LOGIN_REQUIRED`, `ACCOUNT_REGISTRATION_NOT_CONFIRMED`). */
  readonly refuseWith?: string;
}

export interface FakeAccountsServerOptions {
  /** Serve HTTPS with this key and certificate instead of HTTP. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** Clock for ticket stamps (epoch ms). */
  readonly now?: () => number;
  /** Tickets one user may hold at once (Zoho: 20). */
  readonly maxActiveTickets?: number;
}

/** Formats a date like Java's `Date.toString()` in Zoho's Pacific time: `Fri May 20 08:27:30 PDT 2011`. */
export function javaDateString(epochMs: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'short',
      month: 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      year: 'numeric',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return `${parts['weekday']} ${parts['month']} ${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']} ${parts['timeZoneName']} ${parts['year']}`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The fake accounts server. Create with {@link FakeAccountsServer.start}. */
export class FakeAccountsServer {
  /** Every request, oldest first. */
  readonly requests: RecordedRequest[] = [];
  /** Tickets released through `/logout`, oldest first. */
  readonly releasedTickets: string[] = [];
  readonly #accounts = new Map<string, FakeAccount>();
  /** Active tickets per login id. */
  readonly #active = new Map<string, Set<string>>();
  readonly #queue: Scenario[] = [];
  #always: Scenario | undefined;
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;
  readonly #now: () => number;
  readonly #maxActive: number;
  readonly #protocol: 'http' | 'https';

  private constructor(options: FakeAccountsServerOptions) {
    this.#now = options.now ?? Date.now;
    this.#maxActive = options.maxActiveTickets ?? 20;
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      this.#handle(req, res).catch(() => res.destroy());
    };
    this.#protocol = options.tls ? 'https' : 'http';
    this.#server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
    this.#server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    // TLS handshakes that the client rejects surface as socket errors; they are expected in tests.
    this.#server.on('tlsClientError', () => undefined);
  }

  /** Starts a server on 127.0.0.1 with an ephemeral port. */
  static async start(options: FakeAccountsServerOptions = {}): Promise<FakeAccountsServer> {
    const server = new FakeAccountsServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', reject);
      server.#server.listen(0, '127.0.0.1', () => resolve());
    });
    return server;
  }

  /** The base URL, e.g. `http://127.0.0.1:43210` (append a prefix to test path prefixes). */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `${this.#protocol}://127.0.0.1:${port}`;
  }

  /** Registers a user the protocol logic knows. */
  addAccount(loginId: string, account: FakeAccount): this {
    this.#accounts.set(loginId.toLowerCase(), account);
    return this;
  }

  /** Answers the next request with `scenario` (queued; each is used once). */
  respondNext(...scenarios: Scenario[]): this {
    this.#queue.push(...scenarios);
    return this;
  }

  /** Answers every request with `scenario` until {@link reset}. Queued scenarios go first. */
  respondAlways(scenario: Scenario | undefined): this {
    this.#always = scenario;
    return this;
  }

  /** Tickets currently active for a login id. */
  activeTickets(loginId: string): string[] {
    return [...(this.#active.get(loginId.toLowerCase()) ?? [])];
  }

  /** Forgets scripted answers and recorded requests (accounts and tickets stay). */
  reset(): void {
    this.#queue.length = 0;
    this.#always = undefined;
    this.requests.length = 0;
  }

  /** Stops listening and cuts open connections (never-ending bodies included). */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const contentType = req.headers['content-type'];
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      Object.assign(params, Object.fromEntries(new URLSearchParams(rawBody)));
    }
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      rawQuery: url.search.slice(1),
      contentType,
      rawBody,
      params,
      headers: { ...req.headers },
    });
    const scenario = this.#queue.shift() ?? this.#always;
    if (scenario) return this.#play(scenario, res);
    if (url.pathname.endsWith('/login')) return this.#send(res, 200, this.#login(params));
    if (url.pathname.endsWith('/logout') && req.method === 'POST') return this.#send(res, 200, this.#logout(params));
    return this.#send(res, 404, '<html><body>Not found</body></html>', 'text/html;charset=UTF-8');
  }

  #login(params: Record<string, string>): string {
    const stamp = javaDateString(this.#now());
    const refuse = (cause: string) => `#\n#${stamp}\nCAUSE=${cause}\nRESULT=FALSE\n`;
    if (params['servicename'] !== 'ZohoCRM' || params['FROM_AGENT'] !== 'true' || !params['LOGIN_ID'] || !params['PASSWORD']) {
      return `#\n#${stamp}\nGETUSERNAME=null\nWARNING=Invalid parameters\nPASS_EXPIRY=-1\nTICKET=null\nRESULT=FALSE\n`;
    }
    const loginId = params['LOGIN_ID'].toLowerCase();
    const account = this.#accounts.get(loginId);
    if (!account) return refuse('NO_SUCH_USER');
    if (account.password !== params['PASSWORD']) return refuse('INVALID_PASSWORD');
    if (account.refuseWith) return refuse(account.refuseWith);
    const active = this.#active.get(loginId) ?? new Set<string>();
    if (active.size >= this.#maxActive) return refuse('EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS');
    const ticket = randomBytes(16).toString('hex');
    active.add(ticket);
    this.#active.set(loginId, active);
    return successBody(ticket, stamp);
  }

  #logout(params: Record<string, string>): string {
    const ticket = params['ticket'] ?? '';
    for (const tickets of this.#active.values()) {
      if (tickets.delete(ticket)) {
        this.releasedTickets.push(ticket);
        return `#\n#${javaDateString(this.#now())}\nRESULT=TRUE\n`;
      }
    }
    return `#\n#${javaDateString(this.#now())}\nCAUSE=INVALID_TICKET\nRESULT=FALSE\n`;
  }

  #send(res: ServerResponse, status: number, body: string, contentType = 'text/html;charset=UTF-8', headers: Readonly<Record<string, string>> = {}): void {
    res.writeHead(status, { 'content-type': contentType, ...headers });
    res.end(body);
  }

  #play(scenario: Scenario, res: ServerResponse): void {
    switch (scenario.kind) {
      case 'body':
        return this.#send(res, scenario.status ?? 200, scenario.body, scenario.headers?.['content-type'] ?? 'text/html;charset=UTF-8', scenario.headers);
      case 'status':
        return this.#send(res, scenario.status, scenario.body ?? `<html><body>Error ${scenario.status}</body></html>`);
      case 'redirect':
        res.writeHead(scenario.status ?? 302, { location: scenario.location });
        res.end();
        return;
      case 'never-ending': {
        res.writeHead(200, { 'content-type': 'text/html;charset=UTF-8' });
        res.write('#\n#Fri May 20 08:27:30 PDT 2011\n');
        return; // never ends; close() destroys the socket
      }
      case 'hang':
        return;
      case 'oversize': {
        const headers: Record<string, string> = { 'content-type': 'text/html;charset=UTF-8' };
        if (scenario.declareLength) headers['content-length'] = String(scenario.bytes);
        res.writeHead(200, headers);
        const chunk = Buffer.alloc(16 * 1024, 'A');
        let left = scenario.bytes;
        const pump = () => {
          while (left > 0) {
            const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
            left -= piece.length;
            if (!res.write(piece)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'drop':
        res.socket?.destroy();
        return;
    }
  }
}
