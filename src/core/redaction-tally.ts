import { findingContext } from './redaction/index.js';
import type { RedactionResult, RedactionTarget } from './redaction/types.js';

/** One thing removed, as the engineer reviews it: the kind and a few characters around its placeholder. */
export interface ReviewLine {
  target: RedactionTarget;
  kind: string;
  /** Context with the value (and any neighbouring value) shown as its replacement: never the value. */
  context: string;
}

const CONTEXT_CHARS = 14;
const MAX_REVIEW_LINES = 40;

export function countKinds(results: readonly RedactionResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) for (const f of result.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/** Review lines for one redacted text; the original is read here and never kept. */
export function reviewLines(target: RedactionTarget, original: string, result: RedactionResult): ReviewLine[] {
  return result.findings.map((finding) => ({ target, kind: finding.kind, context: findingContext(original, finding, CONTEXT_CHARS, result.findings) }));
}

/** Identical lines once (a title repeated in the body), and a bounded list for a terminal. */
export function mergeReview(lines: readonly ReviewLine[]): ReviewLine[] {
  const seen = new Set<string>();
  const out: ReviewLine[] = [];
  for (const line of lines) {
    const key = `${line.target}\u0000${line.kind}\u0000${line.context}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
    if (out.length >= MAX_REVIEW_LINES) break;
  }
  return out;
}
