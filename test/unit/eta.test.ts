import { describe, expect, it } from 'vitest';
import { addBusinessDays, DEFAULT_ETA_POLICY, etaFromPolicy, parseEta } from '../../src/core/eta.js';
import { calendarDateOf, formatLongDate, isCalendarDate } from '../../src/core/calendar-date.js';

const policy = { ...DEFAULT_ETA_POLICY, holidays: ['2026-12-25'] };

describe('business days', () => {
  it.each([
    ['2026-11-26', 1, '2026-11-27'], // Thu → Fri
    ['2026-11-27', 1, '2026-11-30'], // Fri → Mon, skipping the weekend
    ['2026-11-28', 1, '2026-11-30'], // Sat → Mon
    ['2026-11-26', 5, '2026-12-03'],
    ['2026-12-24', 1, '2026-12-28'], // Christmas (a holiday) and the weekend skipped
    ['2026-11-26', 0, '2026-11-26'],
  ])('%s + %i business days = %s', (today, days, expected) => {
    expect(addBusinessDays(today, days, policy)).toBe(expected);
  });

  it('uses the policy per priority', () => {
    expect(etaFromPolicy('2026-11-26', 'high', policy)).toEqual({ date: '2026-12-03', source: 'policy', businessDays: 5 });
    expect(etaFromPolicy('2026-11-26', 'urgent', policy).date).toBe('2026-11-27');
  });

  it('honours a team weekend', () => {
    const fridayOff = { ...policy, weekend: [5, 6] };
    expect(addBusinessDays('2026-11-26', 1, fridayOff)).toBe('2026-11-29'); // Thu → Sun
  });
});

describe('--eta', () => {
  it.each([
    ['2026-12-04', { ok: true, eta: { date: '2026-12-04', source: 'manual' } }],
    ['3d', { ok: true, eta: { date: '2026-12-01', source: 'manual', businessDays: 3 } }],
    [' 3D ', { ok: true, eta: { date: '2026-12-01', source: 'manual', businessDays: 3 } }],
  ])('accepts %j', (value, expected) => {
    expect(parseEta(value, '2026-11-26', policy)).toEqual(expected);
  });

  it.each([
    ['2026-11-01', /in the past/],
    ['2026-02-30', /expected a date/],
    ['next week', /expected a date/],
    ['0d', /at least 1/],
  ])('rejects %j', (value, message) => {
    const result = parseEta(value, '2026-11-26', policy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('calendar dates', () => {
  it('validates real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('takes the date in the configured time zone', () => {
    const instant = new Date('2026-11-26T23:30:00Z');
    expect(calendarDateOf(instant, 'UTC')).toBe('2026-11-26');
    expect(calendarDateOf(instant, 'Europe/Paris')).toBe('2026-11-27');
    expect(calendarDateOf(instant, 'America/Los_Angeles')).toBe('2026-11-26');
  });

  it('formats for customers unambiguously', () => {
    expect(formatLongDate('2026-12-04')).toBe('Fri 4 Dec 2026');
  });
});
