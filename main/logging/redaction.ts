/**
 * Log redaction done by a formatter, not by care at each call site: every record passes through
 * {@link redactLogValue} before it reaches a file. It scrubs the values of secret-looking keys, the
 * secret parameters of URLs, and every secret the app has registered (passwords and tickets as they
 * are loaded, typed or received).
 */
import { REDACTED, redactUrl, scrubSecrets } from '../engine/redact';

/** Secrets currently known to the process; the logger scrubs each of them from everything. */
export class SecretRegistry {
  readonly #secrets = new Set<string>();

  /** Registers a secret; too-short values are ignored (scrubbing "a" would wreck every line). */
  add(secret: string | null | undefined): void {
    if (secret && secret.length >= 4) this.#secrets.add(secret);
  }

  scrub(text: string): string {
    return this.#secrets.size === 0 ? text : scrubSecrets(text, [...this.#secrets]);
  }
}

const SECRET_KEY = /pass(word)?|ticket|secret|token|authorization|cookie/i;

/** Returns a copy of `value` safe to log. Handles nesting, arrays, errors, and cycles. */
export function redactLogValue(value: unknown, registry: SecretRegistry, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return registry.scrub(redactUrl(value));
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactLogValue(value.message, registry, seen), ...('kind' in value ? { kind: (value as { kind: unknown }).kind } : {}) };
  }
  if (Array.isArray(value)) return value.map((item) => redactLogValue(item, registry, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== null && item !== undefined && typeof item !== 'boolean' ? REDACTED : redactLogValue(item, registry, seen);
  }
  return out;
}
