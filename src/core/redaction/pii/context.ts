/**
 * Context words, as Presidio uses them: a value of a weak shape (a date, nine digits) counts as personal data
 * only when a word that names it is near. The window is a few dozen characters before the value (a label,
 * "born on") or after it ("… (date of birth)"), never across a blank line.
 */

export interface ContextWindow {
  before: number;
  after: number;
}

export const DEFAULT_WINDOW: ContextWindow = { before: 48, after: 24 };

/** The context word found near [start, end), or null. `pattern` must not be global. */
export function contextWord(text: string, start: number, end: number, pattern: RegExp, window: ContextWindow = DEFAULT_WINDOW): string | null {
  let before = text.slice(Math.max(0, start - window.before), start);
  const blank = before.lastIndexOf('\n\n');
  if (blank >= 0) before = before.slice(blank + 2);
  const m = pattern.exec(before);
  if (m) return m[0];
  let after = text.slice(end, Math.min(text.length, end + window.after));
  const cut = after.indexOf('\n');
  if (cut >= 0) after = after.slice(0, cut);
  const n = pattern.exec(after);
  return n ? n[0] : null;
}

/** A word pattern with Unicode-aware boundaries (`\b` does not work next to `é`). */
export function words(alternatives: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}])`, flags);
}
