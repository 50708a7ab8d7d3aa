/**
 * A reader for `java.util.Properties.store()` text, following `Properties.load(Reader)` rule by rule.
 *
 * Zoho's accounts server answers the ticket request in this format. Public clients that split on
 * `=` or read by line number broke on escapes, key order and `\r\n`; this reader does what Java does,
 * except that it never throws: a malformed `\uXXXX` escape is kept as the literal text it was
 * (Java would throw `IllegalArgumentException`).
 */

/**
 * Keys and values in file order, read as a map in which the last occurrence of a key wins (Java's
 * semantics). Answers hold a handful of keys and callers look up a few of them, so lookups scan a flat
 * list from the end instead of hashing every freshly sliced key into a `Map`; a real `Map` is built
 * only when someone iterates.
 */
export class PropertyEntries implements ReadonlyMap<string, string> {
  /** key0, value0, key1, value1, … in file order. */
  readonly #flat: readonly string[];
  #map: Map<string, string> | undefined;

  constructor(flatPairs: readonly string[]) {
    this.#flat = flatPairs;
  }

  get(key: string): string | undefined {
    for (let i = this.#flat.length - 2; i >= 0; i -= 2) {
      if (this.#flat[i] === key) return this.#flat[i + 1];
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.#asMap().size;
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    this.#asMap().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, string]> {
    return this.#asMap().entries();
  }

  keys(): MapIterator<string> {
    return this.#asMap().keys();
  }

  values(): MapIterator<string> {
    return this.#asMap().values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.#asMap()[Symbol.iterator]();
  }

  #asMap(): Map<string, string> {
    if (this.#map === undefined) {
      const map = new Map<string, string>();
      for (let i = 0; i < this.#flat.length; i += 2) map.set(this.#flat[i] as string, this.#flat[i + 1] as string);
      this.#map = map;
    }
    return this.#map;
  }
}

/** What {@link parseProperties} read: the key/value pairs (last key wins) and the comment lines. */
export interface ParsedProperties {
  /** Keys and values after escape processing. A repeated key keeps its last value, as in Java. */
  readonly entries: PropertyEntries;
  /** Comment lines in order, without their leading `#`/`!` and the white space before it. */
  readonly comments: readonly string[];
}

/** Java's `Properties` white space: space, tab and form feed (not `\r`/`\n`, which end lines). */
function isPropertiesWhitespace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\f';
}

const SPACE = 0x20;
const TAB = 0x09;
const FORM_FEED = 0x0c;
const LF = 0x0a;
const CR = 0x0d;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const BANG = 0x21;
const EQUALS = 0x3d;
const COLON = 0x3a;

/** True when `line` ends in an odd number of backslashes, i.e. it continues on the next line. */
function endsWithContinuation(line: string): boolean {
  let count = 0;
  for (let i = line.length - 1; i >= 0 && line.charCodeAt(i) === BACKSLASH; i--) count++;
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

/** Index just past the line terminator at `i` (`\n`, `\r` or `\r\n`), or `i` at end of input. */
function skipLineEnd(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  if (code === LF) return i + 1;
  return i;
}

/** Index of the line terminator at or after `from`, or the text's length. */
function findLineEnd(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || code === CR) break;
  }
  return i;
}

/**
 * Reads one logical line that may hold escapes or continue over several natural lines, starting at
 * `from` (first non-blank character). Returns the joined line and the index after it.
 */
function readEscapedLogicalLine(text: string, from: number): [line: string, next: number] {
  let end = findLineEnd(text, from);
  let logical = text.slice(from, end);
  let next = skipLineEnd(text, end);
  // Join continuation lines: drop the odd trailing backslash and the next line's leading white space.
  while (endsWithContinuation(logical) && next < text.length && next > end) {
    end = findLineEnd(text, next);
    logical = logical.slice(0, -1) + skipLeadingWhitespace(text.slice(next, end));
    next = skipLineEnd(text, end);
  }
  if (endsWithContinuation(logical)) logical = logical.slice(0, -1); // continuation at end of input
  return [logical, next];
}

/**
 * Splits the backslash-free line `text[start, end)` into key and value the way `Properties.load0`
 * does ({@link splitKeyValue} for lines with escapes), and appends both to `pairs`.
 */
function pushPlainPair(pairs: string[], text: string, start: number, end: number): void {
  let keyEnd = start;
  while (keyEnd < end) {
    const c = text.charCodeAt(keyEnd);
    if (c === EQUALS || c === COLON || c === SPACE || c === TAB || c === FORM_FEED) break;
    keyEnd++;
  }
  let valueStart = keyEnd;
  let hasSeparator = false;
  while (valueStart < end) {
    const c = text.charCodeAt(valueStart);
    if (c === SPACE || c === TAB || c === FORM_FEED) valueStart++;
    else if (!hasSeparator && (c === EQUALS || c === COLON)) {
      hasSeparator = true;
      valueStart++;
    } else break;
  }
  pairs.push(text.slice(start, keyEnd), text.slice(valueStart, end));
}

/**
 * Parses `Properties.store()` text. Never throws, whatever the input.
 *
 * Written as one index-based pass because the ticket engine's benchmark parses recorded bodies at
 * tens of MB/s; lines without a backslash (all real Zoho lines) never allocate more than key and value.
 *
 * @param text - the decoded response body
 * @returns the entries (last key wins) and the comment lines
 */
export function parseProperties(text: string): ParsedProperties {
  const pairs: string[] = [];
  const comments: string[] = [];
  const length = text.length;
  const plainLines = text.indexOf('\r') < 0 && text.indexOf('\\') < 0;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    while (code === SPACE || code === TAB || code === FORM_FEED) code = text.charCodeAt(++i);
    if (i >= length) break;
    if (code === LF || code === CR) {
      i = skipLineEnd(text, i); // blank line
      continue;
    }
    if (code === HASH || code === BANG) {
      // Comment lines never continue, even when they end in a backslash (Java's LineReader).
      let end = plainLines ? text.indexOf('\n', i) : findLineEnd(text, i);
      if (end < 0) end = length;
      comments.push(text.slice(i + 1, end));
      i = skipLineEnd(text, end);
      continue;
    }
    // A line without a backslash (every real Zoho line) splits by index; one with a backslash goes
    // the careful way (escapes, continuation lines). LF-only text without backslashes finds the line
    // end natively.
    let lineEnd: number;
    if (plainLines) {
      lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = length;
    } else {
      lineEnd = i;
      for (; lineEnd < length; lineEnd++) {
        const c = text.charCodeAt(lineEnd);
        if (c === LF || c === CR || c === BACKSLASH) break;
      }
      if (text.charCodeAt(lineEnd) === BACKSLASH) {
        const [logical, next] = readEscapedLogicalLine(text, i);
        const [rawKey, rawValue] = splitKeyValue(logical);
        pairs.push(unescape(rawKey), unescape(rawValue));
        i = next;
        continue;
      }
    }
    pushPlainPair(pairs, text, i, lineEnd);
    i = skipLineEnd(text, lineEnd);
  }
  return { entries: new PropertyEntries(pairs), comments };
}
