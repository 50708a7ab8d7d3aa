import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli, USAGE } from '../../../main/cli/run';
import type { FetchLike } from '../../../main/engine/accounts-client';
import { RECORDED_2011 } from '../../support/recorded-bodies';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  urls: string[];
}

async function run(argv: string[], options: { stdin?: string; env?: Record<string, string>; fetch?: FetchLike } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const urls: string[] = [];
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const fetch: FetchLike =
    options.fetch ??
    (async (url) => {
      urls.push(url);
      return new Response(RECORDED_2011);
    });
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin,
    env: options.env ?? {},
    fetch: async (url, init) => {
      if (options.fetch) urls.push(url);
      return fetch(url, init);
    },
  }, '1.2.3');
  return { code, stdout, stderr, urls };
}

describe('zoho-ticket argument handling', () => {
  it('prints help on --help, -h and "help" with exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['request', '--help']]) {
      const result = await run(argv);
      expect(result).toMatchObject({ code: EXIT.ok, stdout: USAGE, stderr: '' });
    }
  });

  it('prints the version', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: '1.2.3\n' });
  });

  it('uses the US data centre by default', async () => {
    const result = await run(['request', '--login-id', 'a@b.c'], { stdin: 'pw\n' });
    expect(result.code).toBe(EXIT.ok);
    expect(result.urls).toEqual(['https://accounts.zoho.com/login']);
    expect(result.stdout).toBe('c1eea66055af5d42b8b1ab0d1171c9c4\n');
  });

  it.each([
    ['eu', 'https://accounts.zoho.eu/login'],
    ['IN', 'https://accounts.zoho.in/login'],
    ['au', 'https://accounts.zoho.com.au/login'],
    ['jp', 'https://accounts.zoho.jp/login'],
    ['ca', 'https://accounts.zohocloud.ca/login'],
    ['sa', 'https://accounts.zoho.sa/login'],
    ['uk', 'https://accounts.zoho.uk/login'],
    ['cn', 'https://accounts.zoho.com.cn/login'],
  ])('sends --dc %s to its accounts server', async (dc, url) => {
    const result = await run(['request', '--login-id', 'a', '--dc', dc], { env: { ZOHO_PASSWORD: 'pw' } });
    expect(result.urls).toEqual([url]);
  });

  it.each([
    [['request'], /--login-id is required/],
    [['request', '--login-id', ' '], /--login-id is required/],
    [[], /missing command/],
    [['fetch', '--login-id', 'a'], /unknown command "fetch"/],
    [['request', 'extra', '--login-id', 'a'], /unexpected argument "extra"/],
    [['request', '--login-id', 'a', '--dc', 'mars'], /unknown data centre "mars"/],
    [['request', '--login-id', 'a', '--dc', 'eu', '--accounts-url', 'https://x.test'], /either --dc or --accounts-url/],
    [['request', '--login-id', 'a', '--method', 'put'], /unknown method "put"/],
    [['request', '--login-id', 'a', '--timeout', 'soon'], /--timeout must be/],
    [['request', '--login-id', 'a', '--timeout', '0'], /--timeout must be/],
    [['request', '--login-id', 'a', '--timeout', '601'], /--timeout must be/],
    [['request', '--login-id', 'a', '--bogus'], /Unknown option '--bogus'/],
    [['request', '--login-id', 'a', '--password', 'hunter2'], /never taken as an argument/],
    [['request', '--login-id', 'a', '--password=hunter2'], /never taken as an argument/],
    [['request', '--login-id', 'a', '--accounts-url', 'http://accounts.example.com'], /must use https/],
    [['request', '--login-id', 'a', '--accounts-url', 'not a url'], /not a valid URL/],
  ])('exits 2 with one line on stderr for %j, before any request', async (argv, message) => {
    const result = await run(argv, { env: { ZOHO_PASSWORD: 'pw' } });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^zoho-ticket: [^\n]+\n$/);
    expect(result.stderr).not.toContain('hunter2');
    expect(result.urls).toEqual([]);
  });

  it('exits 2 when no password is given, before any request', async () => {
    for (const options of [{ stdin: '' }, { stdin: '\n' }, { env: { ZOHO_PASSWORD: '' } }]) {
      const result = await run(['request', '--login-id', 'a'], options);
      expect(result).toMatchObject({ code: EXIT.usage, stdout: '', urls: [] });
      expect(result.stderr).toBe('zoho-ticket: no password: set ZOHO_PASSWORD or pipe it on standard input\n');
    }
  });

  it('prefers ZOHO_PASSWORD over standard input', async () => {
    let sent = '';
    await run(['request', '--login-id', 'a'], {
      stdin: 'from-stdin\n',
      env: { ZOHO_PASSWORD: 'from-env' },
      fetch: async (_url, init) => {
        sent = String(init.body);
        return new Response(RECORDED_2011);
      },
    });
    expect(new URLSearchParams(sent).get('PASSWORD')).toBe('from-env');
  });

  it('reads only the first line of standard input, without its line ending', async () => {
    for (const stdin of ['p w\r\nsecond line\n', 'p w\n', 'p w']) {
      let sent = '';
      await run(['request', '--login-id', 'a'], {
        stdin,
        fetch: async (_url, init) => {
          sent = String(init.body);
          return new Response(RECORDED_2011);
        },
      });
      expect(new URLSearchParams(sent).get('PASSWORD')).toBe('p w');
    }
  });

  it('prints the server warning on stderr (not stdout) with a plain ticket', async () => {
    const result = await run(['request', '--login-id', 'a'], {
      env: { ZOHO_PASSWORD: 'pw' },
      fetch: async () => new Response('WARNING=Password expires in 3 days\nTICKET=t\nRESULT=TRUE\n'),
    });
    expect(result.stdout).toBe('t\n');
    expect(result.stderr).toBe('zoho-ticket: warning from the server: Password expires in 3 days\n');
  });
});
