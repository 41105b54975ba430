import type { Candidate } from './candidate.js';
import type { ExtraPattern } from './types.js';

/**
 * A team's own patterns from config (`extraPatterns`), compiled once with flags `gu`. They come from the
 * team's config, not from customer text, so they are trusted to be sane: the engine cannot bound the running
 * time of an arbitrary regular expression.
 */

export interface CompiledPattern {
  kind: string;
  pattern: RegExp;
}

export class ExtraPatternError extends Error {
  constructor(index: number, kind: string, reason: string) {
    super(`extraPatterns[${index}] (kind "${kind}"): ${reason}`);
    this.name = 'ExtraPatternError';
  }
}

export function compileExtraPatterns(patterns: readonly ExtraPattern[] | undefined): CompiledPattern[] {
  return (patterns ?? []).map((p, index) => {
    const kind = typeof p?.kind === 'string' ? p.kind.trim() : '';
    if (!kind) throw new ExtraPatternError(index, String(p?.kind), 'kind must be a non-empty string');
    if (typeof p.pattern !== 'string' || p.pattern.length === 0) throw new ExtraPatternError(index, kind, 'pattern must be a non-empty string');
    let pattern: RegExp;
    try {
      pattern = new RegExp(p.pattern, 'gu');
    } catch {
      throw new ExtraPatternError(index, kind, 'pattern is not a valid regular expression');
    }
    return { kind, pattern };
  });
}

export function detectExtraPatterns(text: string, patterns: readonly CompiledPattern[]): Candidate[] {
  const found: Candidate[] = [];
  for (const { kind, pattern } of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      found.push({ kind, start: m.index, end: m.index + m[0].length, confidence: 'medium', key: m[0] });
    }
  }
  return found;
}
