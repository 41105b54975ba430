import { addDays, isCalendarDate, weekday } from './calendar-date.js';
import type { Priority } from './priority.js';

export interface EtaPolicy {
  /** Business days from filing to the estimated completion, per priority. */
  businessDays: Record<Priority, number>;
  /** Days that do not count as business days (`YYYY-MM-DD`). */
  holidays: readonly string[];
  /** Weekdays that are not worked, 0 = Sunday. */
  weekend: readonly number[];
}

/** Sensible defaults: a day for Urgent, a working week for High, a sprint for Medium, a month for Low. */
export const DEFAULT_ETA_POLICY: EtaPolicy = {
  businessDays: { urgent: 1, high: 5, medium: 10, low: 20 },
  holidays: [],
  weekend: [0, 6],
};

export interface Eta {
  date: string;
  source: 'policy' | 'manual';
  businessDays?: number;
}

export function isBusinessDay(date: string, policy: EtaPolicy): boolean {
  return !policy.weekend.includes(weekday(date)) && !policy.holidays.includes(date);
}

export function addBusinessDays(today: string, days: number, policy: EtaPolicy): string {
  let date = today;
  let remaining = days;
  // A policy with every weekday off would loop forever; the config schema forbids it, this guards the core.
  for (let guard = 0; remaining > 0 && guard < 3660; guard++) {
    date = addDays(date, 1);
    if (isBusinessDay(date, policy)) remaining -= 1;
  }
  return date;
}

export function etaFromPolicy(today: string, priority: Priority, policy: EtaPolicy): Eta {
  const days = policy.businessDays[priority];
  return { date: addBusinessDays(today, days, policy), source: 'policy', businessDays: days };
}

export type EtaParseResult = { ok: true; eta: Eta } | { ok: false; message: string };

/** `--eta` takes a date (`2026-12-04`) or a number of business days (`3d`). */
export function parseEta(value: string, today: string, policy: EtaPolicy): EtaParseResult {
  const trimmed = value.trim();
  const days = /^(\d{1,3})d$/i.exec(trimmed);
  if (days) {
    const n = Number(days[1]);
    if (n < 1) return { ok: false, message: `--eta ${value}: use at least 1 business day` };
    return { ok: true, eta: { date: addBusinessDays(today, n, policy), source: 'manual', businessDays: n } };
  }
  if (!isCalendarDate(trimmed)) {
    return { ok: false, message: `--eta ${value}: expected a date (YYYY-MM-DD) or a number of business days (e.g. 3d)` };
  }
  if (trimmed < today) return { ok: false, message: `--eta ${value} is in the past (today is ${today})` };
  return { ok: true, eta: { date: trimmed, source: 'manual' } };
}
