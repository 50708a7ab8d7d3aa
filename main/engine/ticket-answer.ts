/**
 * Turns the accounts server's response body into a typed answer: a ticket, a refusal, or "this is not
 * an answer from the ticket service at all". Pure and total: it never throws, whatever the input.
 */
import { parseProperties } from './properties';

/** `RESULT=TRUE` with a real ticket. */
export interface TicketIssued {
  readonly kind: 'ticket';
  readonly ticket: string;
  /** The generation date & time comment as the server wrote it (Java `Date.toString()`), or null. */
  readonly serverStamp: string | null;
  /** {@link serverStamp} as epoch milliseconds when its zone is known, else null. */
  readonly serverTimeMs: number | null;
  /** WARNING when it is not the literal `null`. */
  readonly warning: string | null;
}

/** `RESULT=FALSE`: the server refused, maybe saying why. */
export interface TicketRefused {
  readonly kind: 'refusal';
  readonly cause: string | null;
  readonly warning: string | null;
  /** Every key the server sent, for diagnostics (it never holds our password: we send it, not receive). */
  readonly properties: Readonly<Record<string, string>>;
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

/** Java writes `null` for absent values; treat it (and blanks) as no value. */
function meaningful(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toLowerCase() === 'null' ? null : trimmed;
}

const JAVA_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([A-Za-z+\-:0-9]+) (\d{4})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
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

/**
 * Reads a Java `Date.toString()` stamp (`Fri May 20 08:27:30 PDT 2011`) as epoch milliseconds.
 *
 * @returns null when the text is not such a stamp or its zone is not one we can place
 */
export function parseJavaDateStamp(text: string): number | null {
  const match = JAVA_DATE.exec(text.trim());
  if (!match) return null;
  const [, mon, day, hh, mm, ss, zone, year] = match as unknown as [string, string, string, string, string, string, string, string];
  const offset = ZONE_OFFSET_MINUTES[zone.toUpperCase()];
  if (offset === undefined) return null;
  const utc = Date.UTC(Number(year), MONTHS.indexOf(mon), Number(day), Number(hh), Number(mm), Number(ss));
  return utc - offset * 60_000;
}

/** Picks the generation stamp among the comment lines: the first that looks like a Java date. */
function findServerStamp(comments: readonly string[]): string | null {
  for (const comment of comments) {
    const text = comment.trim();
    if (JAVA_DATE.test(text)) return text;
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
  const verdict = result.trim().toUpperCase();
  const warning = meaningful(entries.get('WARNING'));
  if (verdict === 'TRUE') {
    const ticket = meaningful(entries.get('TICKET'));
    if (ticket === null) return { kind: 'not-a-ticket-answer', reason: 'missing-ticket' };
    const serverStamp = findServerStamp(comments);
    return {
      kind: 'ticket',
      ticket,
      serverStamp,
      serverTimeMs: serverStamp === null ? null : parseJavaDateStamp(serverStamp),
      warning,
    };
  }
  if (verdict === 'FALSE') {
    return {
      kind: 'refusal',
      cause: meaningful(entries.get('CAUSE')),
      warning,
      properties: Object.fromEntries(entries),
    };
  }
  return { kind: 'not-a-ticket-answer', reason: 'unknown-result' };
}
