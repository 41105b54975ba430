import { describe, expect, it } from 'vitest';
import { columnsOf, wrapWords } from '../../src/cli/text-wrap.js';
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
