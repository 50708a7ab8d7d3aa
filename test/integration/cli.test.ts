import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeAccountsServer } from '../support/fake-accounts-server';
import { runCliProcess, runCommand, type CliResult } from '../support/cli-process';
import { HTML_LOGIN_PAGE } from '../support/recorded-bodies';
import { makeLoopbackCertificate } from '../support/tls';

const PASSWORD = 'p&ss=w#rd+ü %2B';
const LOGIN = 'cli@example.com';
const SECRET_FORMS = [PASSWORD, encodeURIComponent(PASSWORD), new URLSearchParams({ p: PASSWORD }).toString().slice(2)];

let server: FakeAccountsServer;
beforeAll(async () => {
  server = await FakeAccountsServer.start();
  server.addAccount(LOGIN, { password: PASSWORD });
});
afterAll(() => server.close());
afterEach(() => server.reset());

function request(extra: string[] = [], input = `${PASSWORD}\n`, env: Record<string, string> = {}): Promise<CliResult> {
  return runCliProcess(['request', '--login-id', LOGIN, '--accounts-url', server.url, ...extra], { input, env });
}

/** The password appears nowhere in what the CLI printed. */
function expectNoSecret(result: CliResult): void {
  for (const form of SECRET_FORMS) {
    expect(result.stdout).not.toContain(form);
    expect(result.stderr).not.toContain(form);
  }
}

describe('zoho-ticket CLI against the fake accounts server', () => {
  it('exit 0: prints the ticket alone on stdout', async () => {
    const result = await request();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{32}\n$/);
    expect(server.activeTickets(LOGIN)).toContain(result.stdout.trim());
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.params['PASSWORD']).toBe(PASSWORD);
    expectNoSecret(result);
  });

  it('exit 0: --json prints one object with ISO times, 7 days apart', async () => {
    const result = await request(['--json']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['ticket', 'issuedAt', 'expiresAt', 'accountsUrl', 'loginId', 'warning']);
    expect(output).toMatchObject({ accountsUrl: server.url, loginId: LOGIN, warning: null });
    expect(output['ticket']).toMatch(/^[0-9a-f]{32}$/);
    const issued = Date.parse(String(output['issuedAt']));
    expect(new Date(issued).toISOString()).toBe(output['issuedAt']);
    expect(Date.parse(String(output['expiresAt'])) - issued).toBe(7 * 24 * 3600 * 1000);
    expectNoSecret(result);
  });

  it('exit 0: takes the password from ZOHO_PASSWORD and sends GET on --method get', async () => {
    const result = await request(['--method', 'get'], '', { ZOHO_PASSWORD: PASSWORD });
    expect(result.code).toBe(0);
    expect(server.requests[0]?.method).toBe('GET');
    expect(new URLSearchParams(server.requests[0]?.rawQuery).get('PASSWORD')).toBe(PASSWORD);
    expectNoSecret(result);
  });

  it('exit 0: runs as `npm run --silent cli --` with nothing else on stdout', async () => {
    const result = await runCommand('npm', ['run', '--silent', 'cli', '--', 'request', '--login-id', LOGIN, '--accounts-url', server.url], {
      input: `${PASSWORD}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{32}\n$/);
  });

  it('exit 2: invalid input is refused before any request', async () => {
    const missing = await request([], '');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('zoho-ticket: no password: set ZOHO_PASSWORD or pipe it on standard input\n');
    const insecure = await runCliProcess(['request', '--login-id', LOGIN, '--accounts-url', 'http://accounts.example.com'], { input: PASSWORD });
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/^zoho-ticket: The accounts URL must use https:\/\//);
    const unknownDc = await runCliProcess(['request', '--login-id', LOGIN, '--dc', 'zz'], { input: PASSWORD });
    expect(unknownDc.code).toBe(2);
    expect(server.requests).toHaveLength(0);
  });

  it('exit 3: a refusal prints the human message and the cause on one stderr line', async () => {
    const result = await request([], 'wrong password\n');
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('zoho-ticket: The password is wrong. (cause: INVALID_PASSWORD)\n');
  });

  it('exit 3: an unknown login id points at the data centre', async () => {
    const result = await runCliProcess(['request', '--login-id', 'nobody@example.com', '--accounts-url', server.url], { input: PASSWORD });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('try another data centre');
    expect(result.stderr).toContain('(cause: NO_SUCH_USER)');
  });

  it('exit 4: network error on a closed port', async () => {
    const closed = await FakeAccountsServer.start();
    const url = closed.url;
    await closed.close();
    const result = await runCliProcess(['request', '--login-id', LOGIN, '--accounts-url', url], { input: PASSWORD });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^zoho-ticket: Could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expectNoSecret(result);
  });

  it('exit 4: timeout honours --timeout', async () => {
    server.respondNext({ kind: 'hang' });
    const result = await request(['--timeout', '0.5']);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('zoho-ticket: 127.0.0.1:' + new URL(server.url).port + ' did not answer within 0.5 s.\n');
  });

  it('exit 4 on an untrusted certificate; exit 0 once the certificate is trusted', async () => {
    const certificate = makeLoopbackCertificate();
    const tls = await FakeAccountsServer.start({ tls: certificate });
    tls.addAccount(LOGIN, { password: PASSWORD });
    try {
      const args = ['request', '--login-id', LOGIN, '--accounts-url', tls.url];
      const untrusted = await runCliProcess(args, { input: PASSWORD });
      expect(untrusted.code).toBe(4);
      expect(untrusted.stderr).toMatch(/could not be trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      const trusted = await runCliProcess(args, { input: PASSWORD, env: { NODE_EXTRA_CA_CERTS: certificate.certPath } });
      expect(trusted.stderr).toBe('');
      expect(trusted.code).toBe(0);
      expect(tls.activeTickets(LOGIN)).toEqual([trusted.stdout.trim()]);
    } finally {
      await tls.close();
      certificate.dispose();
    }
  });

  it.each([
    ['an HTML page', { kind: 'body', body: HTML_LOGIN_PAGE } as const, /web page/],
    ['HTTP 502', { kind: 'status', status: 502 } as const, /HTTP 502/],
    ['a redirect', { kind: 'redirect', location: 'https://accounts.zoho.eu/login' } as const, /redirected to https:\/\/accounts\.zoho\.eu\/login/],
    ['an oversize body', { kind: 'oversize', bytes: 1024 * 1024 } as const, /more than 64 KiB/],
  ])('exit 5: %s is a protocol error', async (_name, scenario, message) => {
    server.respondNext(scenario);
    const result = await request();
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expectNoSecret(result);
  });

  it('exit 130: Ctrl-C (SIGINT) cancels a pending request', async () => {
    server.respondNext({ kind: 'hang' });
    const result = await runCliProcess(['request', '--login-id', LOGIN, '--accounts-url', server.url], {
      input: PASSWORD,
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (server.requests.length > 0) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 20);
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('zoho-ticket: The request was cancelled.\n');
  });
});
