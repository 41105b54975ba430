/**
 * Word wrapping for text triage prints on a terminal: lines break between words, and only a word longer than
 * the whole width (a URL, a hash) is cut, so the terminal never has to wrap a line itself mid-word.
 */
import { createRequire } from 'node:module';

type StringWidth = (text: string) => number;
let stringWidth: StringWidth | undefined;

/**
 * string-width, loaded the first time a text is more than printable ASCII. Loading it costs ~20 ms (its emoji
 * regular expression makes V8 build Unicode's emoji sets), more than everything else `triage --help` does, and
 * most of what triage measures (its own help, ids, titles) is ASCII. Measuring is synchronous, so it is
 * required, not imported: dist/ carries it bundled as CommonJS next to the chunks (scripts/build.js); from src/
 * (the tests), that file is absent and the package itself is required.
 */
function loadStringWidth(): StringWidth {
  const requireHere = createRequire(import.meta.url);
  let module: { default: StringWidth };
  try {
    module = requireHere('./string-width.cjs') as typeof module;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    module = requireHere('string-width') as typeof module;
  }
  return module.default;
}

/**
 * Characters of one column each that string-width measures one by one (each is a grapheme of its own and
 * narrow): printable ASCII, Latin, Greek and Cyrillic letters, general punctuation (… — – · • ’ “), arrows,
 * box drawing, ⏎ ✓ ✗. A text of only these, which is nearly everything triage prints of its own, is as many
 * columns as it has characters; the unit tests check every one of them against string-width.
 */
export const NARROW_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x370, 0x3ff],
  [0x400, 0x482],
  [0x48a, 0x52f],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x21ff],
  [0x2500, 0x257f],
  [0x23ce, 0x23ce],
  [0x2713, 0x2713],
  [0x2717, 0x2717],
];
const hex = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
const NARROW = new RegExp(`^[${NARROW_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]*$`);

/**
 * Display columns of text as a terminal draws it: a CJK character or an emoji takes two, a combining accent
 * none, colour codes none. string-width knows Unicode's East Asian Width tables, which a count of code points
 * does not.
 */
export function columnsOf(text: string): number {
  if (NARROW.test(text)) return text.length;
  stringWidth ??= loadStringWidth();
  return stringWidth(text);
}

/** The longest prefix of `text` that fits in `width` columns. */
function takeColumns(text: string, width: number): [head: string, rest: string] {
  let head = '';
  let used = 0;
  const chars = Array.from(text);
  let i = 0;
  for (; i < chars.length; i += 1) {
    const w = columnsOf(chars[i]!);
    if (used + w > width && head !== '') break;
    head += chars[i];
    used += w;
  }
  return [head, chars.slice(i).join('')];
}

/**
 * One paragraph (no newlines) in lines of at most `width` columns. `first` starts the first line and `rest`
 * every later one (a hanging indent, a quote mark, a comment sign).
 */
export function wrapWords(text: string, width: number, rest = '', first = ''): string[] {
  const room = Math.max(1, width);
  if (columnsOf(first) + columnsOf(text) <= room) return [first + text];
  const out: string[] = [];
  let line = first;
  let empty = true;
  const push = () => {
    out.push(line.trimEnd());
    line = rest;
    empty = true;
  };
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const gap = empty ? '' : ' ';
    if (columnsOf(line) + gap.length + columnsOf(word) <= room) {
      line += gap + word;
      empty = false;
      continue;
    }
    if (!empty) push();
    let left = word;
    // A single word wider than a line: cut it, as nothing else can make it fit.
    while (columnsOf(line) + columnsOf(left) > room) {
      const [head, tail] = takeColumns(left, Math.max(1, room - columnsOf(line)));
      line += head;
      left = tail;
      empty = false;
      if (left === '') break;
      push();
    }
    if (left !== '') {
      line += left;
      empty = false;
    }
  }
  if (!empty) out.push(line);
  return out.length ? out : [first.trimEnd()];
}

/**
 * What continues a line when it wraps: its indentation, a Markdown quote (`> `), a list item's hanging
 * indent, a comment sign. Wrapped text then still reads as the same paragraph, quote or bullet.
 */
function lineLead(line: string): { first: string; rest: string; body: string } {
  const m = /^(\s*(?:(?:>|│) ?)*)((?:[-*+•]|\d{1,3}[.)])\s+)?/.exec(line)!;
  const lead = m[1] ?? '';
  const bullet = m[2] ?? '';
  return { first: lead + bullet, rest: lead + ' '.repeat(columnsOf(bullet)), body: line.slice(m[0].length) };
}

/**
 * A block of text (several lines, some long) for display at `width`: each line wraps on words under its own
 * lead. Lines inside a fenced code block are only cut, never re-flowed, since their spacing matters.
 */
export function wrapBlock(text: string, width: number): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (columnsOf(line) <= width) {
      out.push(line);
      continue;
    }
    if (fenced) {
      let left = line;
      while (left !== '') {
        const [head, tail] = takeColumns(left, width);
        out.push(head);
        left = tail;
      }
      continue;
    }
    const { first, rest, body } = lineLead(line);
    // A lead that leaves no room for words (deep quotes at a narrow width) is dropped rather than honoured.
    const usable = columnsOf(rest) <= width / 2;
    out.push(...(usable ? wrapWords(body.replace(/\s+/g, ' '), width, rest, first) : wrapWords(line.replace(/\s+/g, ' ').trim(), width)));
  }
  return out.join('\n');
}

/** `text` cut to `width` columns with an ellipsis, or as it is when it fits. */
export function truncate(text: string, width: number): string {
  if (columnsOf(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  return `${takeColumns(text, width - 1)[0].trimEnd()}…`;
}

/** `text` padded with spaces to `width` columns (or cut to it). */
export function padColumns(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - columnsOf(cut)));
  return align === 'right' ? pad + cut : cut + pad;
}
