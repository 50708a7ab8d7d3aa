import { describe, expect, it } from 'vitest';
import { parseProperties } from '../../../main/engine/properties';

const entries = (text: string) => Object.fromEntries(parseProperties(text).entries);

describe('parseProperties (java.util.Properties.load semantics)', () => {
  it('reads KEY=VALUE lines and keeps comments apart', () => {
    const parsed = parseProperties('#\n#Fri May 20 08:27:30 PDT 2011\nA=1\nB=2\n');
    expect(Object.fromEntries(parsed.entries)).toEqual({ A: '1', B: '2' });
    expect(parsed.comments).toEqual(['', 'Fri May 20 08:27:30 PDT 2011']);
  });

  it.each([
    ['\\n', 'A=1\nB=2'],
    ['\\r\\n', 'A=1\r\nB=2'],
    ['\\r', 'A=1\rB=2'],
    ['mixed', 'A=1\r\nB=2\r'],
  ])('ends lines at %s', (_name, text) => {
    expect(entries(text)).toEqual({ A: '1', B: '2' });
  });

  it('skips blank lines and lines of white space only', () => {
    expect(entries('\n   \n\t\f\nA=1\n\n')).toEqual({ A: '1' });
  });

  it('treats # and ! after leading white space as comments', () => {
    const parsed = parseProperties('  # c1\n\t!c2\nA=1\n');
    expect(parsed.comments).toEqual([' c1', 'c2']);
    expect(Object.fromEntries(parsed.entries)).toEqual({ A: '1' });
  });

  it('does not treat # inside a value as a comment', () => {
    expect(entries('A=x#y!z')).toEqual({ A: 'x#y!z' });
  });

  it.each([
    ['=', 'KEY=VALUE'],
    [':', 'KEY:VALUE'],
    ['space', 'KEY VALUE'],
    ['tab', 'KEY\tVALUE'],
    ['form feed', 'KEY\fVALUE'],
    ['spaces around =', 'KEY   =   VALUE'],
    ['spaces around :', 'KEY \t : \t VALUE'],
    ['leading white space', '   KEY=VALUE'],
  ])('separates key and value with %s', (_name, text) => {
    expect(entries(text)).toEqual({ KEY: 'VALUE' });
  });

  it('lets the value contain = and : after the first separator', () => {
    expect(entries('URL=https://x.test/a?b=c:d')).toEqual({ URL: 'https://x.test/a?b=c:d' });
  });

  it('takes only one separator after white space: the second = belongs to the value', () => {
    expect(entries('A = =b')).toEqual({ A: '=b' });
  });

  it('keeps trailing white space of the value, as Java does', () => {
    expect(entries('A=b  ')).toEqual({ A: 'b  ' });
  });

  it('reads a key with no value as the empty string', () => {
    expect(entries('EMPTY\nEMPTY2=\nEMPTY3 :')).toEqual({ EMPTY: '', EMPTY2: '', EMPTY3: '' });
  });

  it.each([
    ['\\=', 'K\\=Y=v', { 'K=Y': 'v' }],
    ['\\:', 'K\\:Y=v', { 'K:Y': 'v' }],
    ['\\ (space)', 'K\\ Y=v', { 'K Y': 'v' }],
    ['\\#', 'K=\\#v', { K: '#v' }],
    ['\\!', 'K=\\!v', { K: '!v' }],
    ['\\\\', 'K=a\\\\b', { K: 'a\\b' }],
    ['\\t', 'K=a\\tb', { K: 'a\tb' }],
    ['\\n', 'K=a\\nb', { K: 'a\nb' }],
    ['\\r', 'K=a\\rb', { K: 'a\rb' }],
    ['\\f', 'K=a\\fb', { K: 'a\fb' }],
    ['other \\x drops the backslash', 'K=a\\qb', { K: 'aqb' }],
    ['\\uXXXX', 'K=\\u00fc\\u00DF\\u20ac', { K: 'üß€' }],
    ['\\u in a key', '\\u004bEY=v', { KEY: 'v' }],
  ])('unescapes %s', (_name, text, expected) => {
    expect(entries(text)).toEqual(expected);
  });

  it('keeps a malformed \\u escape literally instead of throwing', () => {
    expect(entries('K=a\\u12zz')).toEqual({ K: 'a\\u12zz' });
    expect(entries('K=\\u')).toEqual({ K: '\\u' });
  });

  it('continues a line ending in an odd number of backslashes, dropping the next line\'s indent', () => {
    expect(entries('K=abc\\\n    def\nN=1')).toEqual({ K: 'abcdef', N: '1' });
    expect(entries('K=a\\\r\n  b\\\r  c')).toEqual({ K: 'abc' });
  });

  it('does not continue a line ending in an even number of backslashes', () => {
    expect(entries('K=a\\\\\nN=1')).toEqual({ K: 'a\\', N: '1' });
  });

  it('treats # at the start of a continuation line as data, not a comment', () => {
    expect(entries('K=a\\\n#b')).toEqual({ K: 'a#b' });
  });

  it('does not continue comment lines even when they end in a backslash', () => {
    expect(entries('# comment \\\nK=v')).toEqual({ K: 'v' });
  });

  it('drops a continuation backslash at the end of input', () => {
    expect(entries('K=v\\')).toEqual({ K: 'v' });
  });

  it('lets the last occurrence of a key win', () => {
    expect(entries('K=1\nK=2\nK=3')).toEqual({ K: '3' });
  });

  it('does not depend on key order', () => {
    expect(entries('RESULT=TRUE\nTICKET=t')).toEqual(entries('TICKET=t\nRESULT=TRUE'));
  });

  it('returns nothing for empty input', () => {
    const parsed = parseProperties('');
    expect(parsed.entries.size).toBe(0);
    expect(parsed.comments).toEqual([]);
  });

  it('offers the entries as a read-only map: get/has by last occurrence, iteration once per key', () => {
    const { entries } = parseProperties('A=1\nB=2\nA=3\n');
    expect(entries.get('A')).toBe('3');
    expect(entries.has('B')).toBe(true);
    expect(entries.has('C')).toBe(false);
    expect(entries.get('C')).toBeUndefined();
    expect(entries.size).toBe(2);
    expect([...entries]).toEqual([['A', '3'], ['B', '2']]);
    expect([...entries.keys()]).toEqual(['A', 'B']);
    expect([...entries.values()]).toEqual(['3', '2']);
    expect([...entries.entries()]).toEqual([['A', '3'], ['B', '2']]);
    const seen: string[] = [];
    entries.forEach((value, key, map) => {
      seen.push(`${key}=${value}`);
      expect(map).toBe(entries);
    });
    expect(seen).toEqual(['A=3', 'B=2']);
  });
});
