import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';

/**
 * Dates of birth are looked for only on lines that may hold a birth word (a date pairs with a word on its own
 * line). These pin that the restriction changes nothing: the line's position, its neighbours, a word cut by
 * the context window, and many dated lines without a word around one with it.
 */
async function dobs(text: string): Promise<string[]> {
  const out = await createRedactor({ target: 'github' }).redact(text);
  return out.findings.filter((f) => f.kind === 'dob').map((f) => text.slice(f.start, f.end));
}

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `2024-01-${String(1 + (i % 28)).padStart(2, '0')} deploy ${i}`).join('\n');

describe('dates of birth by line', () => {
  const cases: Array<[name: string, text: string, expected: string[]]> = [
    ['word before, only line', 'born 1985-03-03', ['1985-03-03']],
    ['word after, only line', '03/03/1985 (date of birth)', ['03/03/1985']],
    ['first line of many', `DOB: 03.03.1985\n${filler(50)}`, ['03.03.1985']],
    ['last line, no newline after', `${filler(50)}\nGeburtsdatum 3. März 1985`, ['3. März 1985']],
    ['middle line, CRLF', `${filler(20)}\r\nborn on March 3, 1985\r\n${filler(20)}`, ['March 3, 1985']],
    ['word on the line before', 'born\n1985-03-03', []],
    ['word on the line after', '1985-03-03\n(date of birth)', []],
    ['two dates on the birth line, the first taken', 'born 1985-03-03, joined 2019-05-01', ['1985-03-03']],
    ['birth lines apart', `born 1985-03-03\n${filler(10)}\nnée le 4 avril 1990`, ['1985-03-03', '4 avril 1990']],
    ['no birth word anywhere', filler(30), []],
    ['a word inside a token does not count', 'evt_xBornx 1985-03-03', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, async () => {
      expect(await dobs(text)).toEqual(expected);
    });
  }

  it('a birth word the 48-character window cuts still counts as it did', async () => {
    // "reborn" cut to "born" by the window before the date: the same verdict with and without other lines.
    const line = `reborn ${'x'.repeat(41)} 1985-03-03`;
    const alone = await dobs(line);
    expect(await dobs(`${filler(5)}\n${line}\n${filler(5)}`)).toEqual(alone);
  });
});
