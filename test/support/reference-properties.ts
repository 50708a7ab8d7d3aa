/**
 * REFERENCE ONLY (tests): a deliberately simple, line-split implementation of `Properties.load`, kept
 * to check the optimised single-pass parser in main/engine/properties.ts against (differential fuzz).
 *
 * A reader for `java.util.Properties.store()` text, following `Properties.load(Reader)` rule by rule.
 *
 * Zoho's accounts server answers the ticket request in this format. Public clients that split on
 * `=` or read by line number broke on escapes, key order and `\r\n`; this reader does what Java does,
 * except that it never throws: a malformed `\uXXXX` escape is kept as the literal text it was
 * (Java would throw `IllegalArgumentException`).
 */

/** What {@link parseProperties} read: the key/value pairs (last key wins) and the comment lines. */
interface ParsedProperties {
  /** Keys and values after escape processing. A repeated key keeps its last value, as in Java. */
  readonly entries: ReadonlyMap<string, string>;
  /** Comment lines in order, without their leading `#`/`!` and the white space before it. */
  readonly comments: readonly string[];
}

/** Java's `Properties` white space: space, tab and form feed (not `\r`/`\n`, which end lines). */
function isPropertiesWhitespace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\f';
}

/**
 * Splits text into "natural lines" the way Java's `LineReader` does: a line ends at `\n`, `\r`,
 * or `\r\n`. The final line need not end in a terminator.
 */
function splitNaturalLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** True when `line` ends in an odd number of backslashes, i.e. it continues on the next line. */
function endsWithContinuation(line: string): boolean {
  let count = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

function skipLeadingWhitespace(line: string): string {
  let i = 0;
  while (i < line.length && isPropertiesWhitespace(line[i])) i++;
  return line.slice(i);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/**
 * Java's `loadConvert`: resolves `\uXXXX`, `\t`, `\n`, `\r`, `\f`, and `\x` → `x` for any other x.
 * A `\u` not followed by four hex digits is kept literally instead of throwing.
 */
function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) break; // a lone trailing backslash (only reachable at end of input)
    if (next === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 5;
      } else {
        out += '\\u';
        i += 1;
      }
      continue;
    }
    out += SIMPLE_ESCAPES[next] ?? next;
    i += 1;
  }
  return out;
}

/** Splits one logical line into its raw (still escaped) key and value, as `Properties.load0` does. */
function splitKeyValue(line: string): [rawKey: string, rawValue: string] {
  let keyEnd = 0;
  let valueStart = line.length;
  let hasSeparator = false;
  let precedingBackslash = false;
  for (; keyEnd < line.length; keyEnd++) {
    const ch = line[keyEnd];
    if ((ch === '=' || ch === ':') && !precedingBackslash) {
      valueStart = keyEnd + 1;
      hasSeparator = true;
      break;
    }
    if (isPropertiesWhitespace(ch) && !precedingBackslash) {
      valueStart = keyEnd + 1;
      break;
    }
    precedingBackslash = ch === '\\' ? !precedingBackslash : false;
  }
  // Skip white space after the key, and at most one `=`/`:` if the key was ended by white space.
  while (valueStart < line.length) {
    const ch = line[valueStart];
    if (!isPropertiesWhitespace(ch)) {
      if (!hasSeparator && (ch === '=' || ch === ':')) hasSeparator = true;
      else break;
    }
    valueStart++;
  }
  return [line.slice(0, keyEnd), line.slice(valueStart)];
}

/**
 * Parses `Properties.store()` text. Never throws, whatever the input.
 *
 * @param text - the decoded response body
 * @returns the entries (last key wins) and the comment lines
 */
export function referenceParseProperties(text: string): ParsedProperties {
  const entries = new Map<string, string>();
  const comments: string[] = [];
  const lines = splitNaturalLines(text);

  for (let i = 0; i < lines.length; i++) {
    const natural = skipLeadingWhitespace(lines[i] as string);
    if (natural === '') continue;
    const first = natural[0];
    if (first === '#' || first === '!') {
      // Comment lines never continue, even when they end in a backslash (Java's LineReader).
      comments.push(natural.slice(1));
      continue;
    }
    // Join continuation lines: drop the odd trailing backslash and the next line's leading white space.
    let logical = natural;
    while (endsWithContinuation(logical) && i + 1 < lines.length) {
      logical = logical.slice(0, -1) + skipLeadingWhitespace(lines[++i] as string);
    }
    if (endsWithContinuation(logical)) logical = logical.slice(0, -1); // continuation at end of input
    const [rawKey, rawValue] = splitKeyValue(logical);
    entries.set(unescape(rawKey), unescape(rawValue));
  }
  return { entries, comments };
}
