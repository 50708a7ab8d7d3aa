import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { afterAll, describe, expect, it } from 'vitest';
import { redactLogValue, SecretRegistry } from '../../../main/logging/redaction';
import { configureLogger, MAX_LOG_BYTES, type ElectronLogLike } from '../../../main/logging/configure-log';

describe('redactLogValue', () => {
  const registry = new SecretRegistry();
  registry.add('hunter2-password');
  registry.add('c1eea66055af5d42b8b1ab0d1171c9c4');
  registry.add('p@ss word&1');
  registry.add('ab'); // too short to scrub safely: ignored

  it('scrubs registered secrets anywhere, in any nesting, and their URL-encoded forms', () => {
    const value = {
      message: 'renewed with hunter2-password',
      nested: {
        list: ['ticket c1eea66055af5d42b8b1ab0d1171c9c4', 42, null],
        url: `x?a=${encodeURIComponent('p@ss word&1')}&b=${new URLSearchParams({ b: 'p@ss word&1' }).toString().slice(2)}`,
      },
      error: new Error('server echoed hunter2-password'),
      about: 'about abba',
    };
    const text = JSON.stringify(redactLogValue(value, registry));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('p%40ss');
    expect(text).not.toContain('p@ss');
    expect(text).not.toContain('c1eea66055af5d42b8b1ab0d1171c9c4');
    expect(text).toContain('[REDACTED]');
    expect(text).toContain('about abba');
  });

  it('redacts values of secret-looking keys and secret URL parameters', () => {
    expect(redactLogValue({ password: 'x', PASSWORD: 'y', ticketValue: 'z', authorization: 'Zoho-oauthtoken q', hasPassword: true, count: 3 }, new SecretRegistry())).toEqual({
      password: '[REDACTED]',
      PASSWORD: '[REDACTED]',
      ticketValue: '[REDACTED]',
      authorization: '[REDACTED]',
      hasPassword: true,
      count: 3,
    });
    expect(redactLogValue('GET https://a.test/login?LOGIN_ID=me&PASSWORD=p%26w', new SecretRegistry())).toBe('GET https://a.test/login?LOGIN_ID=me&PASSWORD=[REDACTED]');
  });

  it('survives cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(redactLogValue(cyclic, new SecretRegistry())).toEqual({ a: 1, self: '[Circular]' });
  });
});

describe('configureLogger (electron-log)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ztt-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rotates at 1 MiB and no secret reaches the log file', async () => {
    const file = join(dir, 'main.log');
    const instance = log as unknown as ElectronLogLike & { transports: { file: { resolvePathFn: () => string } } };
    instance.transports.file.resolvePathFn = () => file;
    instance.transports.console.level = false;
    const registry = new SecretRegistry();
    const logger = configureLogger(instance, registry);
    expect(instance.transports.file.maxSize).toBe(MAX_LOG_BYTES);
    registry.add('canary-pw-7f3a9');
    registry.add('canary-tk-0b1c2');
    logger.warn('renewal failed for canary-pw-7f3a9', { ticket: 'canary-tk-0b1c2', detail: 'got canary-tk-0b1c2 back', url: 'https://x/login?PASSWORD=canary-pw-7f3a9' });
    logger.info('plain line');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('renewal failed for [REDACTED]');
    expect(written).toContain('plain line');
    expect(written).not.toContain('canary-pw-7f3a9');
    expect(written).not.toContain('canary-tk-0b1c2');
  });
});
