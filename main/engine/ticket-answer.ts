/**
 * Turns the accounts server's response body into a typed answer: a ticket, a refusal, or "this is not
 * an answer from the ticket service at all". Pure and total: it never throws, whatever the input.
 */
import { parseProperties } from './properties';

/** `RESULT=TRUE` with a real ticket. */
export interface TicketIssued {
  readonly kind: 'ticket';
  readonly ticket: string;
  /**
   * The generation date & time comment as the server wrote it (Java `Date.toString()`), or null.
   * {@link parseJavaDateStamp} turns it into an instant when one is needed.
   */
  readonly serverStamp: string | null;
  /** WARNING when it is not the literal `null`. */
  readonly warning: string | null;
}

/** `RESULT=FALSE`: the server refused, maybe saying why. */
export interface TicketRefused {
  readonly kind: 'refusal';
  readonly cause: string | null;
  readonly warning: string | null;
  /** Every key the server sent, for diagnostics (shared, not copied: this runs on every answer). */
  readonly properties: ReadonlyMap<string, string>;
}

/** Why a body is not a ticket answer. */
export type NotTicketAnswerReason =
  | 'html' // a login page, captive portal, proxy error page…
  | 'no-result' // properties (or anything else) without a RESULT key
  | 'unknown-result' // RESULT is neither TRUE nor FALSE
  | 'missing-ticket'; // RESULT=TRUE but no usable TICKET

/** A body that did not come from the ticket service, or came broken. Never treated as a ticket. */
export interface NotTicketAnswer {
  readonly kind: 'not-a-ticket-answer';
  readonly reason: NotTicketAnswerReason;
}

/** Every shape a response body can be read as. */
export type TicketAnswer = TicketIssued | TicketRefused | NotTicketAnswer;

function hasOuterWhitespace(value: string): boolean {
  return value.length > 0 && (value.charCodeAt(0) <= 0x20 || value.charCodeAt(value.length - 1) <= 0x20);
}

/** Java writes `null` for absent values; treat it (and blanks) as no value. */
function meaningful(value: string | undefined): string | null {
  if (value === undefined) return null;
  // Fast path first: real answers hold exact values, so trimming and case folding are rarely needed.
  const trimmed = hasOuterWhitespace(value) ? value.trim() : value;
  if (trimmed === '' || trimmed === 'null') return null;
  return trimmed.length === 4 && trimmed.toLowerCase() === 'null' ? null : trimmed;
}

/** `RESULT` as `TRUE`, `FALSE` or something else, compared case-insensitively. */
function verdictOf(result: string): 'TRUE' | 'FALSE' | 'OTHER' {
  if (result === 'TRUE' || result === 'FALSE') return result;
  const folded = result.trim().toUpperCase();
  return folded === 'TRUE' || folded === 'FALSE' ? folded : 'OTHER';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Zone abbreviations Zoho's servers are known to print (Pacific time), plus the unambiguous ones. */
const ZONE_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  PST: -8 * 60,
  PDT: -7 * 60,
  MST: -7 * 60,
  MDT: -6 * 60,
  CST: -6 * 60,
  CDT: -5 * 60,
  EST: -5 * 60,
  EDT: -4 * 60,
  IST: 5 * 60 + 30,
  CET: 60,
  CEST: 2 * 60,
  JST: 9 * 60,
};

/** The fields of a Java `Date.toString()` stamp, or null when the text is not one. */
interface JavaDateFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly zone: string;
}

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * Reads `EEE MMM dd HH:mm:ss zzz yyyy` by position (no regex: this runs once per answer on the
 * benchmarked path). The zone is any run of letters, digits, `+`, `-` or `:`.
 */
function readJavaDate(text: string): JavaDateFields | null {
  // "Fri May 20 08:27:30 " is 20 characters; then the zone, a space, and a 4-digit year.
  if (text.length < 27 || text[3] !== ' ' || text[7] !== ' ' || text[10] !== ' ' || text[13] !== ':' || text[16] !== ':' || text[19] !== ' ') {
    return null;
  }
  if (!WEEKDAYS.includes(text.slice(0, 3))) return null;
  const month = MONTHS.indexOf(text.slice(4, 7));
  const day = twoDigits(text, 8);
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  const seconds = twoDigits(text, 17);
  const yearSpace = text.length - 5;
  if (text[yearSpace] !== ' ') return null;
  const century = twoDigits(text, yearSpace + 1);
  const decade = twoDigits(text, yearSpace + 3);
  const zone = text.slice(20, yearSpace);
  if (month < 0 || day < 1 || day > 31 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60) return null;
  if (century < 0 || decade < 0 || !/^[A-Za-z0-9+\-:]+$/.test(zone)) return null;
  return { year: century * 100 + decade, month, day, hours, minutes, seconds, zone };
}

/**
 * Reads a Java `Date.toString()` stamp (`Fri May 20 08:27:30 PDT 2011`) as epoch milliseconds.
 *
 * @returns null when the text is not such a stamp or its zone is not one we can place
 */
export function parseJavaDateStamp(text: string): number | null {
  const fields = readJavaDate(text.trim());
  return fields === null ? null : javaDateToEpochMs(fields);
}

function javaDateToEpochMs(fields: JavaDateFields): number | null {
  const offset = ZONE_OFFSET_MINUTES[fields.zone.toUpperCase()];
  if (offset === undefined) return null;
  const utc = Date.UTC(fields.year, fields.month, fields.day, fields.hours, fields.minutes, fields.seconds);
  return utc - offset * 60_000;
}

/** Cheap shape check for `EEE MMM dd HH:mm:ss zzz yyyy`: separators at fixed places, nothing sliced. */
function hasJavaDateShape(text: string): boolean {
  return (
    text.length >= 27 &&
    text.charCodeAt(3) === 0x20 &&
    text.charCodeAt(7) === 0x20 &&
    text.charCodeAt(10) === 0x20 &&
    text.charCodeAt(13) === 0x3a &&
    text.charCodeAt(16) === 0x3a &&
    text.charCodeAt(19) === 0x20 &&
    text.charCodeAt(text.length - 5) === 0x20
  );
}

/** Picks the generation stamp among the comment lines: the first shaped like a Java date. */
function findServerStamp(comments: readonly string[]): string | null {
  for (const comment of comments) {
    const text = hasOuterWhitespace(comment) ? comment.trim() : comment;
    if (hasJavaDateShape(text)) return text;
  }
  return null;
}

/** True when the body is markup rather than properties (first non-blank character is `<`). */
function looksLikeHtml(body: string): boolean {
  return /^\s*</.test(body.replace(/^\uFEFF/, ''));
}

/**
 * Interprets a ticket-service response body. Success requires `RESULT` = `TRUE` (any case) **and** a
 * non-empty `TICKET` that is not the literal `null`; the ticket's alphabet and length are not checked,
 * since Zoho documented non-hex tickets.
 *
 * @param body - the decoded response body
 */
export function readTicketAnswer(body: string): TicketAnswer {
  const { entries, comments } = parseProperties(body);
  const result = entries.get('RESULT');
  if (result === undefined) {
    return { kind: 'not-a-ticket-answer', reason: looksLikeHtml(body) ? 'html' : 'no-result' };
  }
  const verdict = verdictOf(result);
  const warning = meaningful(entries.get('WARNING'));
  if (verdict === 'TRUE') {
    const ticket = meaningful(entries.get('TICKET'));
    if (ticket === null) return { kind: 'not-a-ticket-answer', reason: 'missing-ticket' };
    return { kind: 'ticket', ticket, serverStamp: findServerStamp(comments), warning };
  }
  if (verdict === 'FALSE') {
    return {
      kind: 'refusal',
      cause: meaningful(entries.get('CAUSE')),
      warning,
      properties: entries,
    };
  }
  return { kind: 'not-a-ticket-answer', reason: 'unknown-result' };
}
