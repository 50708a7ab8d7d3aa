/**
 * Zoho data centres (each has its own accounts server) and validation of custom accounts URLs.
 */
import { TicketError } from './errors';

/** The accounts server of each Zoho data centre (shared/zoho-protocol.md). */
export const DATA_CENTRES = {
  us: { label: 'United States', accountsUrl: 'https://accounts.zoho.com' },
  eu: { label: 'Europe', accountsUrl: 'https://accounts.zoho.eu' },
  in: { label: 'India', accountsUrl: 'https://accounts.zoho.in' },
  au: { label: 'Australia', accountsUrl: 'https://accounts.zoho.com.au' },
  jp: { label: 'Japan', accountsUrl: 'https://accounts.zoho.jp' },
  ca: { label: 'Canada', accountsUrl: 'https://accounts.zohocloud.ca' },
  sa: { label: 'Saudi Arabia', accountsUrl: 'https://accounts.zoho.sa' },
  uk: { label: 'United Kingdom', accountsUrl: 'https://accounts.zoho.uk' },
  cn: { label: 'China', accountsUrl: 'https://accounts.zoho.com.cn' },
} as const satisfies Record<string, { label: string; accountsUrl: string }>;

/** A data centre code: `us`, `eu`, `in`, `au`, `jp`, `ca`, `sa`, `uk`, `cn`. */
export type DataCentreId = keyof typeof DATA_CENTRES;

/** All data centre codes, in display order. */
export const DATA_CENTRE_IDS = Object.keys(DATA_CENTRES) as DataCentreId[];

/** Where an account's accounts server is: a known data centre, or a custom base URL. */
export type AccountsEndpoint = { readonly dataCentre: DataCentreId } | { readonly accountsUrl: string };

/** True for a known data centre code (case-sensitive, lower case). */
export function isDataCentreId(value: string): value is DataCentreId {
  return Object.hasOwn(DATA_CENTRES, value);
}

/**
 * True for hosts that never leave this machine: `localhost`, 127.0.0.0/8 and `[::1]`. Plain http is
 * allowed only to these (tests and local compatible servers).
 *
 * @param hostname - a `URL.hostname` (already normalised by the URL parser, so `127.1` is `127.0.0.1`)
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const MAX_URL_LENGTH = 2048;

/**
 * Validates a custom accounts base URL and returns it normalised (no trailing slash). It may carry a
 * path prefix (`https://sso.example.com/zoho`); the client appends `/login` and `/logout`.
 *
 * @throws TicketError `invalid-input` (field `accountsUrl`) naming what is wrong
 */
export function normaliseAccountsUrl(input: string): string {
  const invalid = (why: string) =>
    new TicketError('invalid-input', `The accounts URL ${why}`, { field: 'accountsUrl', code: 'INVALID_ACCOUNTS_URL' });
  const text = input.trim();
  if (text === '') throw invalid('is empty.');
  if (text.length > MAX_URL_LENGTH) throw invalid(`is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('is not a valid URL (expected e.g. https://accounts.example.com).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`must start with https:// (got ${url.protocol}).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    // The password travels in the request: plain http is allowed only when it never leaves this machine.
    throw invalid('must use https:// (plain http is allowed only for localhost / 127.0.0.1 / [::1]).');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('must not contain a user name or password.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid('must not contain a query (?…) or fragment (#…).');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The normalised accounts base URL of an endpoint.
 *
 * @throws TicketError `invalid-input` for an unknown data centre or a bad custom URL
 */
export function accountsBaseUrl(endpoint: AccountsEndpoint): string {
  if ('dataCentre' in endpoint) {
    if (!isDataCentreId(endpoint.dataCentre)) {
      throw new TicketError(
        'invalid-input',
        `Unknown data centre "${String(endpoint.dataCentre)}" (expected one of ${DATA_CENTRE_IDS.join(', ')}).`,
        { field: 'dataCentre', code: 'UNKNOWN_DATA_CENTRE' },
      );
    }
    return DATA_CENTRES[endpoint.dataCentre].accountsUrl;
  }
  return normaliseAccountsUrl(endpoint.accountsUrl);
}

/** Appends an endpoint path (`/login`, `/logout`) to a normalised base URL, keeping its path prefix. */
export function endpointUrl(baseUrl: string, path: '/login' | '/logout'): URL {
  return new URL(`${baseUrl}${path}`);
}
