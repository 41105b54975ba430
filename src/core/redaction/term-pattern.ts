/**
 * Regular expressions for known names and terms, matched as whole words in any script:
 * - case-insensitively (or, for names that are common words, only as written and in capitals),
 * - accent-insensitively ("Jose Garcia" finds "José García", and the other way round), also when the text
 *   writes accents as combining marks,
 * - with flexible whitespace and either apostrophe,
 * - with Unicode word boundaries (`\p{L}\p{N}\p{M}`), except on a side that ends in a script written without
 *   spaces (Han, kana, Hangul, Thai …): there the literal string is matched ("山田様", "김철수님").
 */

const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Letters that do not decompose under NFD but are written as their base letter without the keyboard for them. */
const EXTRA_FOLDS: Readonly<Record<string, string>> = { ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i' };

let variantsByBase: Map<string, string[]> | undefined;

/** base letter → every precomposed Latin letter that folds to it (é, è, ê, ë, ē … for e). */
function foldTable(): Map<string, string[]> {
  if (variantsByBase) return variantsByBase;
  const table = new Map<string, string[]>();
  const add = (base: string, ch: string): void => {
    const list = table.get(base) ?? [];
    if (!list.includes(ch)) list.push(ch);
    table.set(base, list);
  };
  const ranges: Array<[number, number]> = [[0x00c0, 0x024f], [0x1e00, 0x1eff]];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp += 1) {
      const ch = String.fromCodePoint(cp);
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base.length === 1 && /[A-Za-z]/.test(base) && base !== ch) add(base, ch);
    }
  }
  for (const [ch, base] of Object.entries(EXTRA_FOLDS)) add(base, ch);
  variantsByBase = table;
  return table;
}

export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØłŁđĐħĦı]/g, (ch) => EXTRA_FOLDS[ch] ?? ch);
}

const escapeChar = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch);

function charPattern(ch: string, caseInsensitive: boolean): string {
  if (/\s/.test(ch)) return '[\\s\\u00a0]{1,3}';
  if (ch === "'" || ch === '’' || ch === 'ʼ') return "['’ʼ]";
  if (ch === '-' || ch === '‐' || ch === '–') return '[-‐–]';
  const base = foldAccents(ch);
  if (base.length !== 1 || !/[A-Za-z]/.test(base)) return escapeChar(ch);
  const table = foldTable();
  const letters = caseInsensitive ? [base.toLowerCase(), base.toUpperCase()] : [base];
  const variants = new Set<string>(letters);
  for (const letter of letters) for (const v of table.get(letter) ?? []) variants.add(v);
  // Accents written as combining marks after the base letter.
  return `[${[...variants].join('')}]\\p{M}{0,3}`;
}

export function isNoSpaceScript(ch: string): boolean {
  return NO_SPACE_SCRIPT.test(ch);
}

export interface TermPatternOptions {
  /** Match only as written and in capitals: for names that are also common words ("Will", "Grace"). */
  caseSensitive?: boolean;
  /** Characters that may not touch the term on either side, besides letters, digits and marks. */
  extraBoundary?: string;
  /** Replaces the right-hand boundary (a lookahead source). */
  right?: string;
}

export function termPattern(term: string, options: TermPatternOptions = {}): RegExp | null {
  const normal = term.normalize('NFC').trim().replace(/\s+/g, ' ');
  const chars = [...normal];
  const first = chars[0];
  const last = chars[chars.length - 1];
  if (first === undefined || last === undefined) return null;
  const boundary = `[\\p{L}\\p{N}\\p{M}${options.extraBoundary ?? ''}]`;
  const left = isNoSpaceScript(first) ? '' : `(?<!${boundary})`;
  const right = options.right ?? (isNoSpaceScript(last) ? '' : `(?!${boundary})`);
  if (options.caseSensitive) {
    const asWritten = chars.map((ch) => charPattern(ch, false)).join('');
    const upper = [...normal.toUpperCase()].map((ch) => charPattern(ch, false)).join('');
    return new RegExp(`${left}(?:${asWritten}|${upper})${right}`, 'gu');
  }
  const body = chars.map((ch) => charPattern(ch, true)).join('');
  return new RegExp(`${left}${body}${right}`, 'giu');
}
