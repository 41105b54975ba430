import { kindInfo } from './kinds.js';

/**
 * Stable numbering: within one redactor the same value always becomes the same placeholder, across every text
 * it redacts, so a redacted log still reads ("[EMAIL_1] retried, [EMAIL_2] did not").
 */
export class PlaceholderBook {
  private readonly numbers = new Map<string, number>();
  private readonly nextNumber = new Map<string, number>();
  /** Numbers already present in the input (a previous pass): never handed out again for another value. */
  private readonly reserved = new Map<string, Set<number>>();

  reserve(label: string, n: number): void {
    let set = this.reserved.get(label);
    if (!set) {
      set = new Set();
      this.reserved.set(label, set);
    }
    set.add(n);
  }

  placeholder(kind: string, key: string): string {
    const info = kindInfo(kind);
    if (!info.numbered) return `[${info.label}]`;
    const id = `${info.label}\u0000${key}`;
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.nextNumber.get(info.label) ?? 1;
      const taken = this.reserved.get(info.label);
      while (taken?.has(n)) n += 1;
      this.nextNumber.set(info.label, n + 1);
      this.numbers.set(id, n);
    }
    return `[${info.label}_${n}]`;
  }
}

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * Matches only placeholders this engine produces (`[EMAIL_3]`, `[CUSTOMER]`), not any bracketed word: a
 * bracketed token such as `[AKIA…]` must not pass for a placeholder and escape redaction.
 */
export function placeholderPattern(labels: Iterable<string>): RegExp {
  const alternatives = [...new Set(labels)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`\\[(${alternatives.join('|')})(?:_(\\d{1,7}))?\\]`, 'g');
}

export interface Span {
  start: number;
  end: number;
}

/** Where previous passes left placeholders; also reserves their numbers so new values get fresh ones. */
export function placeholderSpans(text: string, pattern: RegExp, book?: PlaceholderBook): Span[] {
  const spans: Span[] = [];
  if (!text.includes('[')) return spans;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    const label = m[1];
    const n = m[2];
    if (book && label !== undefined && n !== undefined) book.reserve(label, Number(n));
  }
  return spans;
}
