/**
 * `--since`: a duration back from now (`30d`, `12h`, `2w`) or a date (`2026-01-31`, or a full ISO timestamp).
 */
export type SinceResult = { ok: true; at: Date } | { ok: false; message: string };

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export function parseSince(value: string, now: Date): SinceResult {
  const text = value.trim();
  const duration = /^(\d{1,5})([hdw])$/.exec(text);
  if (duration) {
    const amount = Number(duration[1]);
    if (amount === 0) return { ok: false, message: `--since ${text}: must be more than zero` };
    return { ok: true, at: new Date(now.getTime() - amount * UNIT_MS[duration[2]!]!) };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const at = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(at.getTime())) return { ok: false, message: `--since ${text}: not a valid date` };
    if (at.getTime() > now.getTime()) return { ok: false, message: `--since ${text}: is in the future` };
    return { ok: true, at };
  }
  return { ok: false, message: `--since "${text}": use a duration like 30d, 12h or 2w, or a date like 2026-01-31` };
}
