/**
 * Redaction of secrets from anything we show or log. A URL with `PASSWORD=` in it is a secret (the 2009
 * GET form carried the password in the query string), and so is any text a server echoes back.
 */

/** What replaces a secret wherever one is removed. */
export const REDACTED = '[REDACTED]';

/** Query/form parameter names whose values are secrets, compared case-insensitively. */
const SECRET_PARAMETERS = new Set(['password', 'ticket', 'authtoken', 'access_token', 'refresh_token', 'client_secret']);

/**
 * Returns the URL with the values of secret parameters (PASSWORD, ticket, authtoken…) and any
 * user-info replaced by {@link REDACTED}. Text that is not a URL is still scanned for `name=value`
 * pairs, so a malformed URL cannot leak either.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/\/\/[^/@\s]*@/, `//${REDACTED}@`)
    .replace(/([?&;#]|^)([^=&;#?/\s]+)=([^&;#\s]*)/g, (whole, lead: string, name: string) =>
      SECRET_PARAMETERS.has(decodeName(name).toLowerCase()) ? `${lead}${name}=${REDACTED}` : whole,
    );
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The forms a secret can take in text: as typed, form-encoded, and percent-encoded. */
function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  return [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * Removes every occurrence of the given secrets (and their URL-encoded forms) from `text`.
 * Used on anything a server sends back before it reaches a message: a hostile or buggy server
 * could echo the password in WARNING or CAUSE.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret === '') continue;
    for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}
