import { isCalendarDate } from './calendar-date.js';

/**
 * The marker triage hides in its ETA comments on GitHub: `<!-- triage-eta:<filing id> eta:2026-12-04 -->`. The
 * date is in the marker because the comment's wording is the team's template and may not show it plainly.
 */
export const ETA_MARKER_PATTERN = /<!--\s*triage-eta:[^>]*?-->/;

/**
 * The ETA a GitHub issue's comments announce: the latest triage ETA comment wins (a team may post a revised one
 * with the same marker). The marker's date counts, else the first `(YYYY-MM-DD)` of the comment (older markers).
 */
export function etaFromComments(comments: ReadonlyArray<{ body: string }>): string | undefined {
  for (const comment of [...comments].reverse()) {
    const marker = ETA_MARKER_PATTERN.exec(comment.body)?.[0];
    if (!marker) continue;
    const date = /\beta:(\d{4}-\d{2}-\d{2})/.exec(marker)?.[1] ?? /\((\d{4}-\d{2}-\d{2})\)/.exec(comment.body)?.[1];
    if (date && isCalendarDate(date)) return date;
  }
  return undefined;
}
