import { describe, expect, it } from 'vitest';
import { parseJavaDateStamp, readTicketAnswer } from '../../../main/engine/ticket-answer';
import {
  HTML_LOGIN_PAGE,
  RECORDED_2011,
  RECORDED_TICKETS,
  refusalByCauseBody,
  refusalByWarningBody,
  successBody,
} from '../../support/recorded-bodies';

describe('readTicketAnswer', () => {
  it('reads the 2011 recording from accounts.zoho.com', () => {
    expect(readTicketAnswer(RECORDED_2011)).toEqual({
      kind: 'ticket',
      ticket: 'c1eea66055af5d42b8b1ab0d1171c9c4',
      serverStamp: 'Fri May 20 08:27:30 PDT 2011',
      warning: null,
    });
  });

  it.each(RECORDED_TICKETS)('reads the recorded ticket $ticket', ({ ticket, stamp }) => {
    const answer = readTicketAnswer(successBody(ticket, stamp));
    expect(answer).toMatchObject({ kind: 'ticket', ticket, serverStamp: stamp });
  });

  it('places the 2009 PST stamp in time', () => {
    expect(parseJavaDateStamp('Mon Nov 02 03:49:58 PST 2009')).toBe(Date.parse('2009-11-02T11:49:58Z'));
  });

  it('keeps the stamp text for an unknown zone, which then has no instant', () => {
    const answer = readTicketAnswer(successBody('t1', 'Fri May 20 08:27:30 XYZ 2011'));
    expect(answer).toMatchObject({ kind: 'ticket', serverStamp: 'Fri May 20 08:27:30 XYZ 2011' });
    expect(parseJavaDateStamp('Fri May 20 08:27:30 XYZ 2011')).toBeNull();
  });

  it('takes the stamp from the date-shaped comment, not from other comments', () => {
    const answer = readTicketAnswer('#\n# written by a proxy\n#Fri May 20 08:27:30 PDT 2011\nTICKET=t\nRESULT=TRUE\n');
    expect(answer).toMatchObject({ serverStamp: 'Fri May 20 08:27:30 PDT 2011' });
    expect(readTicketAnswer('# no date here\nTICKET=t\nRESULT=TRUE')).toMatchObject({ serverStamp: null });
  });

  it('accepts a non-hex ticket (Zoho documented one); no alphabet or length check', () => {
    expect(readTicketAnswer('RESULT=TRUE\nTICKET=Zx-9_long.ticket/value')).toMatchObject({
      kind: 'ticket',
      ticket: 'Zx-9_long.ticket/value',
      serverStamp: null,
    });
  });

  it('compares RESULT case-insensitively and does not depend on key order', () => {
    expect(readTicketAnswer('TICKET=abc\nRESULT=true\n')).toMatchObject({ kind: 'ticket', ticket: 'abc' });
    expect(readTicketAnswer('result=TRUE\nTICKET=abc\n')).toEqual({ kind: 'not-a-ticket-answer', reason: 'no-result' });
  });

  it('reads CRLF bodies', () => {
    expect(readTicketAnswer(RECORDED_2011.replace(/\n/g, '\r\n'))).toMatchObject({
      kind: 'ticket',
      ticket: 'c1eea66055af5d42b8b1ab0d1171c9c4',
    });
  });

  it('carries a WARNING that is not null along with the ticket', () => {
    expect(readTicketAnswer('WARNING=Password expires soon\nTICKET=abc\nRESULT=TRUE')).toMatchObject({
      kind: 'ticket',
      warning: 'Password expires soon',
    });
  });

  it.each([
    ['TICKET=null', 'TICKET=null\nRESULT=TRUE'],
    ['TICKET=NULL', 'TICKET=NULL\nRESULT=TRUE'],
    ['empty TICKET', 'TICKET=\nRESULT=TRUE'],
    ['blank TICKET', 'TICKET=   \nRESULT=TRUE'],
    ['no TICKET', 'RESULT=TRUE'],
  ])('never yields a ticket for RESULT=TRUE with %s', (_name, body) => {
    expect(readTicketAnswer(body)).toEqual({ kind: 'not-a-ticket-answer', reason: 'missing-ticket' });
  });

  it('reads a refusal by CAUSE, with every key the server sent', () => {
    const answer = readTicketAnswer(refusalByCauseBody('INVALID_PASSWORD'));
    expect(answer).toMatchObject({ kind: 'refusal', cause: 'INVALID_PASSWORD', warning: null });
    expect(answer.kind === 'refusal' && Object.fromEntries(answer.properties)).toEqual({ CAUSE: 'INVALID_PASSWORD', RESULT: 'FALSE' });
  });

  it('reads a refusal by WARNING, with TICKET=null', () => {
    expect(readTicketAnswer(refusalByWarningBody('Invalid parameters'))).toMatchObject({
      kind: 'refusal',
      cause: null,
      warning: 'Invalid parameters',
    });
  });

  it('never yields a ticket when RESULT=FALSE, even with a TICKET', () => {
    expect(readTicketAnswer('TICKET=abc\nRESULT=FALSE')).toMatchObject({ kind: 'refusal' });
  });

  it('recognises an HTML page as not a ticket answer, even if it mentions RESULT=TRUE', () => {
    expect(readTicketAnswer(HTML_LOGIN_PAGE)).toEqual({ kind: 'not-a-ticket-answer', reason: 'html' });
    expect(readTicketAnswer('\uFEFF  <html>')).toEqual({ kind: 'not-a-ticket-answer', reason: 'html' });
  });

  it('reports a body without RESULT as not a ticket answer', () => {
    expect(readTicketAnswer('TICKET=abc\n')).toEqual({ kind: 'not-a-ticket-answer', reason: 'no-result' });
    expect(readTicketAnswer('')).toEqual({ kind: 'not-a-ticket-answer', reason: 'no-result' });
    expect(readTicketAnswer('{"access_token":"x"}')).toEqual({ kind: 'not-a-ticket-answer', reason: 'no-result' });
  });

  it('reports an unknown RESULT value', () => {
    expect(readTicketAnswer('TICKET=abc\nRESULT=MAYBE')).toEqual({ kind: 'not-a-ticket-answer', reason: 'unknown-result' });
  });
});

describe('parseJavaDateStamp', () => {
  it.each([
    ['Fri May 20 08:27:30 PDT 2011', '2011-05-20T15:27:30Z'],
    ['Mon Nov 02 03:49:58 PST 2009', '2009-11-02T11:49:58Z'],
    ['Thu Dec 03 23:59:59 GMT 2026', '2026-12-03T23:59:59Z'],
    ['Sat Jan 01 00:00:00 IST 2000', '1999-12-31T18:30:00Z'],
  ])('reads %s', (stamp, iso) => {
    expect(parseJavaDateStamp(stamp)).toBe(Date.parse(iso));
  });

  it.each([
    'Fri May 20 08:27:30 PDT',
    'Fri May 20 08:27:30 PDT 11',
    'Xyz May 20 08:27:30 PDT 2011',
    'Fri Foo 20 08:27:30 PDT 2011',
    'Fri May 20 25:27:30 PDT 2011',
    'Fri May 2a 08:27:30 PDT 2011',
    'Fri May 20 08:27:30 P T 2011',
    'Fri May 20 08:27:30 ZZZ 2011',
    '',
  ])('returns null for %j', (stamp) => {
    expect(parseJavaDateStamp(stamp)).toBeNull();
  });
});
