import { describe, expect, it } from 'vitest';
import {
  buildLoginRequest,
  buildLogoutRequest,
  ZohoAccountsClient,
  type FetchLike,
  type TicketAccount,
} from '../../../main/engine/accounts-client';
import { TicketError } from '../../../main/engine/errors';
import { RECORDED_2011 } from '../../support/recorded-bodies';

const TRICKY_PASSWORD = 'p&ss=w#rd+ü %2B';
const account: TicketAccount = { id: 'a1', loginId: 'me@example.com', endpoint: { dataCentre: 'us' }, method: 'post' };

async function failure(promise: Promise<unknown>): Promise<TicketError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TicketError) return error;
    throw error;
  }
  throw new Error('expected a TicketError');
}

describe('buildLoginRequest', () => {
  it('POSTs a form body and keeps the password out of the URL', () => {
    const { url, init } = buildLoginRequest('https://accounts.zoho.com', 'me@example.com', TRICKY_PASSWORD, 'post');
    expect(url.href).toBe('https://accounts.zoho.com/login');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(init.body).toBe('servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=me%40example.com&PASSWORD=p%26ss%3Dw%23rd%2B%C3%BC+%252B');
    expect(Object.fromEntries(new URLSearchParams(init.body as string))).toEqual({
      servicename: 'ZohoCRM',
      FROM_AGENT: 'true',
      LOGIN_ID: 'me@example.com',
      PASSWORD: TRICKY_PASSWORD,
    });
  });

  it('GETs with URL-encoded query parameters on request (the 2009 form)', () => {
    const { url, init } = buildLoginRequest('https://accounts.zoho.com', 'me@example.com', TRICKY_PASSWORD, 'get');
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/login');
    expect(parsed.searchParams.get('PASSWORD')).toBe(TRICKY_PASSWORD);
    expect(parsed.search).toContain('PASSWORD=p%26ss%3Dw%23rd%2B%C3%BC+%252B');
  });

  it('appends /login after a path prefix', () => {
    expect(buildLoginRequest('https://sso.example.com/zoho/v1', 'a', 'b', 'post').url.href).toBe('https://sso.example.com/zoho/v1/login');
  });

  it('builds the release request', () => {
    const { url, init } = buildLogoutRequest('https://sso.example.com/zoho', 'tk+1');
    expect(url.href).toBe('https://sso.example.com/zoho/logout');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('ticket=tk%2B1&FROM_AGENT=true');
  });
});

describe('ZohoAccountsClient with an injected fetch', () => {
  it('uses the injected fetch with redirects off, no cookies, and stamps the ticket with our clock', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push({ url, init });
      return new Response(RECORDED_2011, { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' } });
    };
    const client = new ZohoAccountsClient({ fetch, now: () => Date.parse('2026-12-01T10:00:00Z') });
    const ticket = await client.requestTicket(account, 'pw');
    expect(ticket).toEqual({
      kind: 'zoho-ticket',
      accountId: 'a1',
      value: 'c1eea66055af5d42b8b1ab0d1171c9c4',
      issuedAtMs: Date.parse('2026-12-01T10:00:00Z'),
      expiresAtMs: Date.parse('2026-12-08T10:00:00Z'),
      serverStamp: 'Fri May 20 08:27:30 PDT 2011',
      warning: null,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://accounts.zoho.com/login');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', redirect: 'manual', credentials: 'omit', cache: 'no-store' });
  });

  it.each([
    ['Electron certificate error', new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'tls', 'net::ERR_CERT_AUTHORITY_INVALID'],
    ['Electron timeout', new Error('net::ERR_TIMED_OUT'), 'timeout', 'net::ERR_TIMED_OUT'],
    ['Electron offline', new Error('net::ERR_INTERNET_DISCONNECTED'), 'network', 'net::ERR_INTERNET_DISCONNECTED'],
    [
      'undici expired certificate',
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }) }),
      'tls',
      'CERT_HAS_EXPIRED',
    ],
    [
      'undici DNS failure',
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) }),
      'network',
      'ENOTFOUND',
    ],
    [
      'undici connect timeout',
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) }),
      'timeout',
      'UND_ERR_CONNECT_TIMEOUT',
    ],
    ['a non-Error rejection', 'boom', 'network', undefined],
  ])('classifies %s', async (_name, thrown, kind, code) => {
    const client = new ZohoAccountsClient({ fetch: () => Promise.reject(thrown as Error) });
    const error = await failure(client.requestTicket(account, 'pw'));
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.message).toContain('accounts.zoho.com');
  });

  it('reports an opaque redirect (a fetch that hides the target) as a protocol error', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, statusText: '', headers: new Headers(), body: null } as unknown as Response;
    const client = new ZohoAccountsClient({ fetch: async () => opaque });
    const error = await failure(client.requestTicket(account, 'pw'));
    expect(error.toJSON()).toMatchObject({ kind: 'protocol', code: 'REDIRECT' });
  });

  it.each([
    ['an empty login id', { ...account, loginId: '  ' }, 'pw', 'loginId'],
    ['a login id with a line break', { ...account, loginId: 'a\nb' }, 'pw', 'loginId'],
    ['an overlong login id', { ...account, loginId: 'a'.repeat(321) }, 'pw', 'loginId'],
    ['an empty password', account, '', 'password'],
    ['an overlong password', account, 'p'.repeat(1025), 'password'],
    ['plain http to a remote host', { ...account, endpoint: { accountsUrl: 'http://accounts.example.com' } }, 'pw', 'accountsUrl'],
  ])('refuses %s before any request', async (_name, input, password, field) => {
    let calls = 0;
    const client = new ZohoAccountsClient({ fetch: async () => { calls++; return new Response(RECORDED_2011); } });
    const error = await failure(client.requestTicket(input as TicketAccount, password));
    expect(error.kind).toBe('invalid-input');
    expect(error.field).toBe(field);
    expect(calls).toBe(0);
  });

  it('refuses a bad timeout', () => {
    expect(() => new ZohoAccountsClient({ timeoutMs: 0 })).toThrow(TicketError);
    expect(() => new ZohoAccountsClient({ timeoutMs: Number.NaN })).toThrow(/timeout/);
  });

  it('is cancelled before sending when the caller signal is already aborted', async () => {
    let calls = 0;
    const client = new ZohoAccountsClient({ fetch: async () => { calls++; return new Response(RECORDED_2011); } });
    const error = await failure(client.requestTicket(account, 'pw', { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('cancelled');
    expect(calls).toBe(0);
  });

  it('decodes the body in the charset the server declares', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('WARNING=caf'), 0xe9, ...new TextEncoder().encode('\nTICKET=t\nRESULT=TRUE\n')]);
    const client = new ZohoAccountsClient({
      fetch: async () => new Response(latin1, { headers: { 'content-type': 'text/plain; charset=ISO-8859-1' } }),
    });
    expect((await client.requestTicket(account, 'pw')).warning).toBe('café');
  });

  it('scrubs the password from anything the server echoes back', async () => {
    const password = 'hunter2-secret';
    const client = new ZohoAccountsClient({
      fetch: async () => new Response(`WARNING=bad password ${password}\nCAUSE=echo ${encodeURIComponent(password)}\nRESULT=FALSE\n`),
    });
    const error = await failure(client.requestTicket(account, password));
    expect(JSON.stringify(error.toJSON())).not.toContain(password);
    expect(error.message).toContain('[REDACTED]');
  });
});
