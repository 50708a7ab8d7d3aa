import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZohoAccountsClient, type FetchLike, type TicketAccount, type ZohoAccountsClientOptions } from '../../main/engine/accounts-client';
import { TicketError } from '../../main/engine/errors';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import {
  HTML_LOGIN_PAGE,
  RECORDED_2011,
  refusalByCauseBody,
  refusalByWarningBody,
} from '../support/recorded-bodies';
import { makeLoopbackCertificate, type TestCertificate } from '../support/tls';

const PASSWORD = 'p&ss=w#rd+ü %2B';
const LOGIN = 'scripts@example.com';

let server: FakeAccountsServer;
let account: TicketAccount;

/**
 * Every case runs on both transports: the engine's default (`node:http`) and a real WHATWG `fetch`
 * (undici here; Electron's `net.fetch` has the same interface).
 */
const TRANSPORTS: [name: string, fetch: FetchLike | undefined][] = [
  ['node:http transport', undefined],
  ['globalThis.fetch transport', (input, init) => globalThis.fetch(input, init)],
];

beforeAll(async () => {
  server = await FakeAccountsServer.start();
  server.addAccount(LOGIN, { password: PASSWORD });
  account = { id: 'acc-1', loginId: LOGIN, endpoint: { accountsUrl: server.url }, method: 'post' };
});
afterAll(() => server.close());
afterEach(() => server.reset());

async function failure(promise: Promise<unknown>): Promise<TicketError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TicketError) return error;
    throw error;
  }
  throw new Error('expected a TicketError');
}

/** Every text a failure exposes; none may hold the password. */
function exposedText(error: TicketError): string {
  return `${error.message} ${JSON.stringify(error.toJSON())} ${String(error.stack)}`;
}

describe.each(TRANSPORTS)('%s', (_transport, transportFetch) => {
const newClient = (options: ZohoAccountsClientOptions = {}) =>
  new ZohoAccountsClient({ ...options, ...(transportFetch ? { fetch: transportFetch } : {}) });

describe('requesting a ticket from the fake accounts server', () => {
  it('POSTs a form body with exact parameter names, case and encoding, and gets a ticket', async () => {
    const client = newClient();
    const before = Date.now();
    const ticket = await client.requestTicket(account, PASSWORD);
    expect(ticket.kind).toBe('zoho-ticket');
    expect(ticket.value).toMatch(/^[0-9a-f]{32}$/);
    expect(server.activeTickets(LOGIN)).toContain(ticket.value);
    expect(ticket.issuedAtMs).toBeGreaterThanOrEqual(before);
    expect(ticket.expiresAtMs - ticket.issuedAtMs).toBe(7 * 24 * 3600 * 1000);
    expect(ticket.serverStamp).toMatch(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} P[SD]T \d{4}$/);

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/login');
    expect(request?.rawQuery).toBe('');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request?.rawBody).toBe(
      'servicename=ZohoCRM&FROM_AGENT=true&LOGIN_ID=scripts%40example.com&PASSWORD=p%26ss%3Dw%23rd%2B%C3%BC+%252B',
    );
    expect(request?.params).toEqual({ servicename: 'ZohoCRM', FROM_AGENT: 'true', LOGIN_ID: LOGIN, PASSWORD });
  });

  it('GETs with query parameters when asked, with an empty body', async () => {
    const ticket = await newClient().requestTicket({ ...account, method: 'get' }, PASSWORD);
    expect(ticket.value).toMatch(/^[0-9a-f]{32}$/);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.rawBody).toBe('');
    expect(new URLSearchParams(request?.rawQuery).get('PASSWORD')).toBe(PASSWORD);
  });

  it('keeps a path prefix of the accounts URL', async () => {
    await newClient().requestTicket({ ...account, endpoint: { accountsUrl: `${server.url}/sso/zoho/` } }, PASSWORD);
    expect(server.requests[0]?.path).toBe('/sso/zoho/login');
  });

  it('reads the recorded 2011 body byte for byte', async () => {
    server.respondNext({ kind: 'body', body: RECORDED_2011 });
    const ticket = await newClient().requestTicket(account, PASSWORD);
    expect(ticket).toMatchObject({ value: 'c1eea66055af5d42b8b1ab0d1171c9c4', serverStamp: 'Fri May 20 08:27:30 PDT 2011', warning: null });
  });

  it.each([
    ['wrong password', 'INVALID_PASSWORD', 'The password is wrong.', 'password'],
    ['unknown user', 'NO_SUCH_USER', 'No Zoho account with this login id in this data centre (try another data centre).', 'loginId'],
  ])('explains a refusal for a %s (protocol logic)', async (_name, code, message, field) => {
    const client = newClient();
    const input = code === 'NO_SUCH_USER' ? { ...account, loginId: 'nobody@example.com' } : account;
    const error = await failure(client.requestTicket(input, code === 'NO_SUCH_USER' ? PASSWORD : 'wrong-password'));
    expect(error.toJSON()).toMatchObject({ kind: 'refused', code, message, field });
  });

  it('refuses with WEB_LOGIN_REQUIRED when two-factor authentication is on', async () => {
    server.addAccount('tfa@example.com', { password: 'pw', refuseWith: 'WEB_LOGIN_REQUIRED' });
    const error = await failure(newClient().requestTicket({ ...account, loginId: 'tfa@example.com' }, 'pw'));
    expect(error.message).toBe('Two-factor authentication is on: use an application-specific password.');
  });

  it('refuses past 20 concurrent tickets, and a release frees a slot', async () => {
    const busyLogin = `busy-${transportFetch ? 'fetch' : 'node'}@example.com`;
    server.addAccount(busyLogin, { password: 'pw' });
    const busy = { ...account, loginId: busyLogin };
    const client = newClient();
    const tickets = [];
    for (let i = 0; i < 20; i++) tickets.push(await client.requestTicket(busy, 'pw'));
    const error = await failure(client.requestTicket(busy, 'pw'));
    expect(error.code).toBe('EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS');
    await client.releaseTicket(busy, tickets[0]!.value);
    await expect(client.requestTicket(busy, 'pw')).resolves.toMatchObject({ kind: 'zoho-ticket' });
  });

  it.each([
    ['CAUSE', refusalByCauseBody('ACCOUNT_REGISTRATION_NOT_CONFIRMED'), 'The Zoho account is not confirmed yet.'],
    ['WARNING', refusalByWarningBody('INVALID_CREDENTIALS'), 'The login id or password is wrong.'],
    ['unknown WARNING words', refusalByWarningBody('Service temporarily paused'), 'Zoho refused the request: Service temporarily paused'],
  ])('explains a scripted refusal by %s', async (_name, body, message) => {
    server.respondNext({ kind: 'body', body });
    const error = await failure(newClient().requestTicket(account, PASSWORD));
    expect(error.kind).toBe('refused');
    expect(error.message).toBe(message);
  });

  it.each([
    ['an HTML page', { kind: 'body', body: HTML_LOGIN_PAGE } as const, 'NOT_TICKET_ANSWER_HTML', /web page/],
    ['a body without RESULT', { kind: 'body', body: 'TICKET=abc\n' } as const, 'NOT_TICKET_ANSWER_NO_RESULT', /without a RESULT/],
    ['RESULT=TRUE without a ticket', { kind: 'body', body: 'TICKET=null\nRESULT=TRUE\n' } as const, 'NOT_TICKET_ANSWER_MISSING_TICKET', /no ticket/],
    ['HTTP 503', { kind: 'status', status: 503 } as const, 'HTTP_STATUS', /HTTP 503/],
    ['HTTP 404', { kind: 'status', status: 404 } as const, 'HTTP_STATUS', /HTTP 404/],
    ['HTTP 201 with a ticket body', { kind: 'body', status: 201, body: RECORDED_2011 } as const, 'HTTP_STATUS', /HTTP 201/],
  ])('reports %s as a protocol error', async (_name, scenario, code, message) => {
    server.respondNext(scenario);
    const error = await failure(newClient().requestTicket(account, PASSWORD));
    expect(error.kind).toBe('protocol');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each([301, 302, 303, 307, 308])('never follows a %i redirect and names its target', async (status) => {
    server.respondNext({ kind: 'redirect', status, location: '/signin?serviceurl=x' });
    const error = await failure(newClient().requestTicket(account, PASSWORD));
    expect(error.toJSON()).toMatchObject({ kind: 'protocol', code: 'REDIRECT', status, location: `${server.url}/signin?serviceurl=x` });
    expect(error.message).toContain(`${server.url}/signin?serviceurl=x`);
    expect(server.requests).toHaveLength(1);
  });

  it('flags a redirect to plain http and redacts secrets in its target', async () => {
    server.respondNext({ kind: 'redirect', location: `http://evil.example/login?LOGIN_ID=x&PASSWORD=${encodeURIComponent(PASSWORD)}` });
    const error = await failure(newClient().requestTicket(account, PASSWORD));
    expect(error.message).toContain('redirected (to plain http) to http://evil.example/login?LOGIN_ID=x&PASSWORD=[REDACTED]');
    expect(exposedText(error)).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('redacts the password in a GET redirect target that echoes the query', async () => {
    server.respondNext({ kind: 'redirect', location: `/login?${new URLSearchParams({ PASSWORD, x: PASSWORD })}` });
    const error = await failure(newClient().requestTicket({ ...account, method: 'get' }, PASSWORD));
    expect(exposedText(error)).not.toContain(new URLSearchParams({ p: PASSWORD }).toString().slice(2));
    expect(exposedText(error)).not.toContain(PASSWORD);
  });

  it('times out on a body that never ends', async () => {
    server.respondNext({ kind: 'never-ending' });
    const started = Date.now();
    const error = await failure(newClient({ timeoutMs: 300 }).requestTicket(account, PASSWORD));
    expect(error.toJSON()).toMatchObject({ kind: 'timeout', code: 'TIMEOUT' });
    expect(error.message).toContain('0.3 s');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out on a server that never answers', async () => {
    server.respondNext({ kind: 'hang' });
    const error = await failure(newClient().requestTicket(account, PASSWORD, { timeoutMs: 200 }));
    expect(error.kind).toBe('timeout');
  });

  it('stops reading an oversize body (64 KiB cap), declared or not', async () => {
    server.respondNext({ kind: 'oversize', bytes: 10 * 1024 * 1024 }, { kind: 'oversize', bytes: 70_000, declareLength: true });
    const first = await failure(newClient().requestTicket(account, PASSWORD));
    expect(first.toJSON()).toMatchObject({ kind: 'protocol', code: 'OVERSIZE' });
    expect(first.message).toContain('64 KiB');
    const second = await failure(newClient().requestTicket(account, PASSWORD));
    expect(second.code).toBe('OVERSIZE');
  });

  it('accepts a body just under the cap', async () => {
    server.respondNext({ kind: 'body', body: `${'#'.repeat(60_000)}\nTICKET=t\nRESULT=TRUE\n` });
    await expect(newClient().requestTicket(account, PASSWORD)).resolves.toMatchObject({ value: 't' });
  });

  it('cancels when the caller aborts mid-request', async () => {
    server.respondNext({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(newClient().requestTicket(account, PASSWORD, { signal: controller.signal }));
    expect(error.kind).toBe('cancelled');
  });

  it('reports a dropped connection as a network error', async () => {
    server.respondNext({ kind: 'drop' });
    const error = await failure(newClient().requestTicket(account, PASSWORD));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('127.0.0.1');
  });

  it('reports a closed port as a network error', async () => {
    const closed = await FakeAccountsServer.start();
    const url = closed.url;
    await closed.close();
    const error = await failure(newClient().requestTicket({ ...account, endpoint: { accountsUrl: url } }, PASSWORD));
    expect(error.toJSON()).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('never exposes the password in any failure, in any method', async () => {
    const scenarios = [
      { kind: 'status', status: 500, body: `PASSWORD=${PASSWORD}` },
      { kind: 'body', body: `<html>${PASSWORD}</html>` },
      { kind: 'body', body: `WARNING=${PASSWORD}\nRESULT=FALSE\n` },
      { kind: 'redirect', location: `/x?PASSWORD=${encodeURIComponent(PASSWORD)}` },
      { kind: 'drop' },
    ] as const;
    for (const method of ['post', 'get'] as const) {
      for (const scenario of scenarios) {
        server.respondNext(scenario);
        const error = await failure(newClient().requestTicket({ ...account, method }, PASSWORD));
        const text = exposedText(error);
        for (const form of [PASSWORD, encodeURIComponent(PASSWORD), new URLSearchParams({ p: PASSWORD }).toString().slice(2)]) {
          expect(text).not.toContain(form);
        }
      }
    }
  });
});

describe('releasing a ticket', () => {
  it('POSTs ticket=…&FROM_AGENT=true to /logout under the path prefix', async () => {
    const client = newClient();
    const prefixed = { ...account, endpoint: { accountsUrl: `${server.url}/prefix` } };
    const ticket = await client.requestTicket(prefixed, PASSWORD);
    await client.releaseTicket(prefixed, ticket.value);
    const logout = server.requests[1];
    expect(logout?.method).toBe('POST');
    expect(logout?.path).toBe('/prefix/logout');
    expect(logout?.contentType).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(logout?.rawBody).toBe(`ticket=${ticket.value}&FROM_AGENT=true`);
    expect(server.releasedTickets).toContain(ticket.value);
    expect(server.activeTickets(LOGIN)).not.toContain(ticket.value);
  });

  it('reports a failed release as an error without the ticket in it', async () => {
    server.respondNext({ kind: 'status', status: 500 });
    const error = await failure(newClient().releaseTicket(account, 'secret-ticket-value'));
    expect(error.kind).toBe('protocol');
    expect(exposedText(error)).not.toContain('secret-ticket-value');
  });

  it('refuses to release an empty ticket', async () => {
    const error = await failure(newClient().releaseTicket(account, ' '));
    expect(error.kind).toBe('invalid-input');
    expect(server.requests).toHaveLength(0);
  });
});

describe('TLS', () => {
  let certificate: TestCertificate;
  let tlsServer: FakeAccountsServer;
  beforeAll(async () => {
    certificate = makeLoopbackCertificate();
    tlsServer = await FakeAccountsServer.start({ tls: certificate });
    tlsServer.addAccount(LOGIN, { password: PASSWORD });
  });
  afterAll(async () => {
    await tlsServer.close();
    certificate.dispose();
  });

  it('reports an untrusted certificate as a tls error', async () => {
    const error = await failure(
      newClient().requestTicket({ ...account, endpoint: { accountsUrl: tlsServer.url } }, PASSWORD),
    );
    expect(error.kind).toBe('tls');
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(tlsServer.requests).toHaveLength(0);
  });
});
});
