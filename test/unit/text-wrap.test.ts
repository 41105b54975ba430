import { describe, expect, it } from 'vitest';
import { columnsOf, NARROW_RANGES, padColumns, truncate, wrapBlock, wrapWords } from '../../src/cli/text-wrap.js';
import { clipLine } from '../../src/commands/new/review-screen.js';

describe('wrapWords', () => {
  it.each([
    { text: 'short line', width: 20, lines: ['short line'] },
    { text: 'We will update you when it ships', width: 10, lines: ['We will', 'update you', 'when it', 'ships'] },
    { text: 'Backlog items (score 0.45) wait', width: 14, lines: ['Backlog items', '(score 0.45)', 'wait'] },
    { text: 'see https://example.com/a/very/long/path now', width: 12, lines: ['see', 'https://exam', 'ple.com/a/ve', 'ry/long/path', 'now'] },
    { text: 'indent the rest of the lines', width: 12, indent: '  ', lines: ['indent the', '  rest of', '  the lines'] },
    { text: 'émigré café naïve façade', width: 11, lines: ['émigré café', 'naïve', 'façade'] },
  ])('$text at $width', ({ text, width, indent, lines }) => {
    const out = wrapWords(text, width, indent);
    expect(out).toEqual(lines);
    for (const line of out) expect(columnsOf(line)).toBeLessThanOrEqual(width);
  });

  it('never breaks a word that fits on a line of its own', () => {
    const words = 'the quick brown fox jumps over the lazy dog again and again until the line ends'.split(' ');
    for (let width = 6; width <= 40; width += 1) {
      const out = wrapWords(words.join(' '), width);
      expect(out.join(' ').split(' ')).toEqual(words);
    }
  });
});

describe('clipLine', () => {
  it.each([
    { text: 'fits as it is', width: 20, out: 'fits as it is' },
    { text: 'Thanks for reporting this. We have logged it', width: 30, out: 'Thanks for reporting this. We…' },
    { text: 'averyveryverylongwordwithoutspaces', width: 10, out: 'averyvery…' },
  ])('$text at $width', ({ text, width, out }) => {
    expect(clipLine(text, width)).toBe(out);
    expect(columnsOf(clipLine(text, width))).toBeLessThanOrEqual(width);
  });
});

describe('wrapBlock', () => {
  const long = 'The export to CSV times out after thirty seconds for every workspace with more than ten thousand rows.';
  it.each([80, 60, 40, 24])('keeps each line under its own lead at %i columns', (width) => {
    const text = [long, `> ${long}`, `- ${long}`, `12. ${long}`, `  indented ${long}`, '```', `code ${'x'.repeat(120)}`, '```'].join('\n');
    const out = wrapBlock(text, width).split('\n');
    for (const line of out) expect(columnsOf(line)).toBeLessThanOrEqual(width);
    const quoted = out.filter((l) => l.startsWith('>'));
    expect(quoted.length).toBeGreaterThan(1);
    expect(quoted.join(' ').replace(/> /g, '')).toContain('ten thousand rows.');
    // A bullet's continuation hangs under its text, not under the bullet.
    const bullet = out.findIndex((l) => l.startsWith('- '));
    expect(out[bullet + 1]!.startsWith('  ') && !out[bullet + 1]!.startsWith('   ')).toBe(true);
    const numbered = out.findIndex((l) => l.startsWith('12. '));
    expect(out[numbered + 1]!.startsWith('    ')).toBe(true);
    // Every word survives, none is broken.
    const words = (s: string) => s.replace(/^[\s>\-\d.`]+/gm, '').split(/\s+/).filter((w) => w && !w.startsWith('x') && w !== 'code');
    expect(words(out.join('\n'))).toEqual(words(text));
  });

  it('counts wide characters as two columns and colour codes as none', () => {
    expect(columnsOf('日本語')).toBe(6);
    expect(columnsOf('\u001b[1mbold\u001b[22m')).toBe(4);
    for (const line of wrapWords('東京 大阪 名古屋 札幌 福岡 神戸 京都 横浜', 10)) expect(columnsOf(line)).toBeLessThanOrEqual(10);
  });
});

describe('truncate and padColumns', () => {
  it.each([
    { text: 'Globex Corporation', width: 10, out: 'Globex Co…' },
    { text: 'short', width: 10, out: 'short' },
    { text: '日本語のタイトル', width: 7, out: '日本語…' },
  ])('$text at $width', ({ text, width, out }) => {
    expect(truncate(text, width)).toBe(out);
    expect(columnsOf(padColumns(text, width))).toBe(width);
    expect(padColumns('7', 3, 'right')).toBe('  7');
  });
});

describe('columnsOf', () => {
  // Texts of these characters are counted without string-width; everything else goes through it. Both must agree,
  // alone, between ASCII letters and next to themselves (none may join its neighbour into one grapheme).
  it('counts every narrow character as string-width does', async () => {
    const { default: stringWidth } = await import('string-width');
    const mismatches: string[] = [];
    for (const [first, last] of NARROW_RANGES) {
      for (let code = first; code <= last; code += 1) {
        const c = String.fromCodePoint(code);
        for (const text of [c, `a${c}b`, `${c}${c}`, `${c} ${c}a`]) {
          if (columnsOf(text) !== stringWidth(text) || columnsOf(text) !== text.length) mismatches.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with string-width next to the narrow ranges and on every ASCII control', async () => {
    const { default: stringWidth } = await import('string-width');
    const edges = NARROW_RANGES.flatMap(([first, last]) => [first - 1, last + 1]).filter((code) => code >= 0);
    for (let code = 0; code < 0x20; code += 1) edges.push(code);
    for (const code of edges) {
      const text = `a${String.fromCodePoint(code)}b`;
      expect(columnsOf(text), `U+${code.toString(16)}`).toBe(stringWidth(text));
    }
  });

  it.each([
    { text: '', columns: 0 },
    { text: 'plain ASCII ~', columns: 13 },
    { text: 'tab\there', columns: 7 },
    { text: '\u001b[1mbold\u001b[22m', columns: 4 },
    { text: 'del\u007f', columns: 3 },
    { text: 'soft\u00adhyphen', columns: 10 },
    { text: 'zero\u200bwidth', columns: 9 },
    { text: 'wait…', columns: 5 },
    { text: 'café', columns: 4 },
    { text: '日本語', columns: 6 },
    { text: 'ok 👍', columns: 5 },
    { text: 'e\u0301', columns: 1 },
  ])('$text is $columns columns', ({ text, columns }) => {
    expect(columnsOf(text)).toBe(columns);
  });
});
