import type { Finding } from './types.js';

/** kind → count, keys in alphabetical order. Counts only: safe for `--json` output and the review screen. */
export type FindingSummary = Record<string, number>;

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const summary: FindingSummary = {};
  for (const kind of [...counts.keys()].sort()) summary[kind] = counts.get(kind) ?? 0;
  return summary;
}

/**
 * Terminal control sequences, bidi overrides and line breaks from customer text must not reach the review
 * screen as such: they could rewrite what the engineer sees.
 */
function printable(s: string): string {
  return s
    .replace(/\r?\n/g, ' ⏎ ')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '·');
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A few characters either side of a finding, with the finding shown as its replacement — never its value —
 * for the review screen. Pass every finding of the text as `all` so that neighbouring findings inside the
 * window are shown replaced too (without it, only this finding is hidden).
 */
export function findingContext(text: string, finding: Finding, chars: number, all: readonly Finding[] = []): string {
  const width = Math.max(0, Math.floor(chars));
  let from = Math.max(0, finding.start - width);
  let to = Math.min(text.length, finding.end + width);
  const inWindow = [finding, ...all.filter((f) => f !== finding)]
    .filter((f) => f.start < to && f.end > from)
    .sort((a, b) => a.start - b.start);
  // A neighbour that straddles the window edge is shown whole (as its replacement), never in part.
  for (const f of inWindow) {
    from = Math.min(from, f.start);
    to = Math.max(to, f.end);
  }
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  let out = '';
  let pos = from;
  for (const f of inWindow) {
    if (f.start < pos) continue; // overlapping findings: the first one already covers it
    out += printable(text.slice(pos, f.start)) + f.replacement;
    pos = f.end;
  }
  out += printable(text.slice(pos, to));
  return `${from > 0 ? '…' : ''}${out}${to < text.length ? '…' : ''}`;
}
