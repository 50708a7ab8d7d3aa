import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProperties } from '../../../main/engine/properties';
import { readTicketAnswer } from '../../../main/engine/ticket-answer';
import { referenceParseProperties } from '../../support/reference-properties';

/** Writes a map the way `Properties.store()` does (escaping keys and values), as a reference encoder. */
function storeLikeJava(map: ReadonlyMap<string, string>): string {
  const escape = (text: string, isKey: boolean) =>
    [...text]
      .map((ch, i) => {
        switch (ch) {
          case '\\': return '\\\\';
          case '\t': return '\\t';
          case '\n': return '\\n';
          case '\r': return '\\r';
          case '\f': return '\\f';
          case '=': case ':': case '#': case '!': return `\\${ch}`;
          case ' ': return isKey || i === 0 ? '\\ ' : ' ';
          default: {
            const code = ch.charCodeAt(0);
            return code < 0x20 || code > 0x7e ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
          }
        }
      })
      .join('');
  return ['#', '#Fri May 20 08:27:30 PDT 2011', ...[...map].map(([k, v]) => `${escape(k, true)}=${escape(v, false)}`)].join('\n') + '\n';
}

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const propertyishLine = fc.oneof(
  fc.string(),
  fc.constantFrom('RESULT=TRUE', 'RESULT=FALSE', 'RESULT=true', 'TICKET=null', 'TICKET=', 'TICKET=abc', '#', '!x', '\\', 'RESULT\\', 'TICKET\\u'),
  fc.tuple(fc.constantFrom('RESULT', 'TICKET', 'WARNING', 'CAUSE'), fc.constantFrom('=', ':', ' ', '\t'), fc.string()).map((parts) => parts.join('')),
);
const bodyLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(fc.tuple(propertyishLine, lineEnding), { maxLength: 12 }).map((lines) => lines.flat().join('')),
);

describe('ticket answer fuzz (fast-check)', () => {
  it('parseProperties and readTicketAnswer never throw, whatever the input', () => {
    fc.assert(
      fc.property(bodyLike, (body) => {
        parseProperties(body);
        readTicketAnswer(body);
      }),
      { numRuns: 3000 },
    );
  });

  it('never yields a ticket unless RESULT is TRUE and TICKET is a real value', () => {
    fc.assert(
      fc.property(bodyLike, (body) => {
        const answer = readTicketAnswer(body);
        if (answer.kind !== 'ticket') return;
        const { entries } = parseProperties(body);
        expect(entries.get('RESULT')?.trim().toUpperCase()).toBe('TRUE');
        const ticket = entries.get('TICKET')?.trim() ?? '';
        expect(ticket).not.toBe('');
        expect(ticket.toLowerCase()).not.toBe('null');
        expect(answer.ticket).toBe(ticket);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the simple line-split reference implementation on any input', () => {
    fc.assert(
      fc.property(bodyLike, (body) => {
        const parsed = parseProperties(body);
        const reference = referenceParseProperties(body);
        expect(new Map(parsed.entries)).toEqual(reference.entries);
        expect(parsed.comments).toEqual(reference.comments);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads back any map written the way Properties.store() writes it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string(), { maxKeys: 8 }), (record) => {
        const map = new Map(Object.entries(record));
        expect(new Map(parseProperties(storeLikeJava(map)).entries)).toEqual(map);
      }),
      { numRuns: 1000 },
    );
  });

  it('yields exactly the stored ticket for any ticket value and any key order', () => {
    const realTicket = fc.string({ minLength: 1 }).filter((t) => t.trim() !== '' && t.trim().toLowerCase() !== 'null');
    fc.assert(
      fc.property(realTicket, fc.boolean(), (ticket, resultFirst) => {
        const pairs: [string, string][] = [['WARNING', 'null'], ['TICKET', ticket], ['RESULT', 'TRUE']];
        if (resultFirst) pairs.reverse();
        const answer = readTicketAnswer(storeLikeJava(new Map(pairs)));
        expect(answer).toMatchObject({ kind: 'ticket', ticket: ticket.trim() });
      }),
      { numRuns: 1000 },
    );
  });
});
