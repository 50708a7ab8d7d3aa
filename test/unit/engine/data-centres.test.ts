import { describe, expect, it } from 'vitest';
import { accountsBaseUrl, DATA_CENTRE_IDS, isLoopbackHost, normaliseAccountsUrl } from '../../../main/engine/data-centres';
import { TicketError } from '../../../main/engine/errors';

function invalid(fn: () => unknown): TicketError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TicketError) return error;
    throw error;
  }
  throw new Error('expected a TicketError');
}

describe('data centres', () => {
  it('knows the nine accounts servers of the protocol doc', () => {
    expect(DATA_CENTRE_IDS).toEqual(['us', 'eu', 'in', 'au', 'jp', 'ca', 'sa', 'uk', 'cn']);
    expect(accountsBaseUrl({ dataCentre: 'us' })).toBe('https://accounts.zoho.com');
    expect(accountsBaseUrl({ dataCentre: 'eu' })).toBe('https://accounts.zoho.eu');
    expect(accountsBaseUrl({ dataCentre: 'au' })).toBe('https://accounts.zoho.com.au');
    expect(accountsBaseUrl({ dataCentre: 'ca' })).toBe('https://accounts.zohocloud.ca');
    expect(accountsBaseUrl({ dataCentre: 'cn' })).toBe('https://accounts.zoho.com.cn');
  });

  it('rejects an unknown data centre', () => {
    const error = invalid(() => accountsBaseUrl({ dataCentre: 'xx' as 'us' }));
    expect(error.toJSON()).toMatchObject({ kind: 'invalid-input', field: 'dataCentre', code: 'UNKNOWN_DATA_CENTRE' });
  });
});

describe('custom accounts URL', () => {
  it.each([
    ['https://accounts.example.com', 'https://accounts.example.com'],
    ['https://accounts.example.com/', 'https://accounts.example.com'],
    ['  https://Accounts.Example.com:8443/zoho/sso//  ', 'https://accounts.example.com:8443/zoho/sso'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.1.2.3/prefix', 'http://127.1.2.3/prefix'],
    ['http://localhost:9', 'http://localhost:9'],
    ['http://[::1]:9', 'http://[::1]:9'],
  ])('accepts %s', (input, normalised) => {
    expect(normaliseAccountsUrl(input)).toBe(normalised);
  });

  it.each([
    ['', 'is empty'],
    ['accounts.zoho.com', 'is not a valid URL'],
    ['ftp://accounts.example.com', 'must start with https://'],
    ['http://accounts.example.com', 'must use https://'],
    ['http://10.0.0.1', 'must use https://'],
    ['http://localhost.evil.test', 'must use https://'],
    ['https://user:pw@accounts.example.com', 'must not contain a user name or password'],
    ['https://accounts.example.com/?PASSWORD=x', 'must not contain a query'],
    ['https://accounts.example.com/#x', 'must not contain a query'],
    [`https://a.test/${'x'.repeat(3000)}`, 'is longer than'],
  ])('rejects %j', (input, why) => {
    const error = invalid(() => normaliseAccountsUrl(input));
    expect(error.kind).toBe('invalid-input');
    expect(error.field).toBe('accountsUrl');
    expect(error.message).toContain(why);
  });

  it('recognises loopback hosts only', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.9', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['128.0.0.1', '10.0.0.1', 'example.com', '[::2]', '127.0.0.1.nip.io'].map(isLoopbackHost)).toEqual([
      false, false, false, false, false,
    ]);
  });
});
