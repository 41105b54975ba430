import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../src/core/priority.js';
import { readAgreed, withAgreed, type SidePriority } from '../../src/core/sync/agreed.js';
import { decidePair, isOutOfLine, planSync, writes, type PairState, type PlanOptions, type SyncAction } from '../../src/core/sync/plan.js';
import { parseSince } from '../../src/core/sync/since.js';

const DEFAULT: PlanOptions = { direction: 'pylon-to-linear', sourceOfTruth: 'pylon' };
const BOTH: PlanOptions = { direction: 'both', sourceOfTruth: 'pylon' };
const LINEAR_SOURCE: PlanOptions = { direction: 'pylon-to-linear', sourceOfTruth: 'linear' };
const LINEAR_SOURCE_BOTH: PlanOptions = { direction: 'both', sourceOfTruth: 'linear' };

type Row = [name: string, state: PairState, options: PlanOptions, action: SyncAction, to: string | undefined, agree: SidePriority | undefined];

const s = (pylon: SidePriority, linear: SidePriority, agreed: SidePriority | undefined): PairState => ({ pylon, linear, agreed });

const TABLE: Row[] = [
  // both equal
  ['equal and agreed', s('high', 'high', 'high'), DEFAULT, 'in-sync', undefined, undefined],
  ['equal, both moved to the same value', s('urgent', 'urgent', 'high'), DEFAULT, 'remember', undefined, 'urgent'],
  ['equal, never synced', s('medium', 'medium', undefined), DEFAULT, 'remember', undefined, 'medium'],
  ['both none, never synced: nothing to record', s(null, null, undefined), DEFAULT, 'in-sync', undefined, undefined],
  ['both none, agreed none', s(null, null, null), DEFAULT, 'in-sync', undefined, undefined],
  ['both cleared since agreeing', s(null, null, 'low'), DEFAULT, 'remember', undefined, null],
  // changed only in Pylon
  ['changed in Pylon: Linear follows', s('urgent', 'high', 'high'), DEFAULT, 'update-linear', 'urgent', 'urgent'],
  ['changed in Pylon, direction both: Linear follows', s('low', 'high', 'high'), BOTH, 'update-linear', 'low', 'low'],
  ['set in Pylon after both agreed on none', s('high', null, null), DEFAULT, 'update-linear', 'high', 'high'],
  ['cleared in Pylon: drift, not propagated', s(null, 'high', 'high'), BOTH, 'drift', undefined, undefined],
  // changed only in Linear
  ['changed in Linear: drift by default', s('medium', 'high', 'medium'), DEFAULT, 'drift', 'high', undefined],
  ['changed in Linear, direction both: Pylon follows', s('medium', 'high', 'medium'), BOTH, 'update-pylon', 'high', 'high'],
  ['set in Linear after both agreed on none, direction both', s(null, 'low', null), BOTH, 'update-pylon', 'low', 'low'],
  ['cleared in Linear: drift, not propagated', s('high', null, 'high'), BOTH, 'drift', undefined, undefined],
  // changed on both sides
  ['changed on both sides: conflict', s('urgent', 'low', 'medium'), DEFAULT, 'conflict', undefined, undefined],
  ['changed on both sides, direction both: still a conflict', s('urgent', 'low', 'medium'), BOTH, 'conflict', undefined, undefined],
  ['cleared in one, changed in the other: conflict', s(null, 'low', 'medium'), BOTH, 'conflict', undefined, undefined],
  // never synced
  ['never synced: Pylon (source of truth) wins', s('low', 'medium', undefined), DEFAULT, 'update-linear', 'low', 'low'],
  ['never synced, Pylon has none: Linear has the only value (drift without both)', s(null, 'medium', undefined), DEFAULT, 'drift', 'medium', undefined],
  ['never synced, Pylon has none, direction both: Pylon takes Linear\'s', s(null, 'medium', undefined), BOTH, 'update-pylon', 'medium', 'medium'],
  ['never synced, Linear is the source of truth, but Pylon may not be written', s('low', 'medium', undefined), LINEAR_SOURCE, 'drift', 'medium', undefined],
  ['never synced, Linear is the source of truth, direction both', s('low', 'medium', undefined), LINEAR_SOURCE_BOTH, 'update-pylon', 'medium', 'medium'],
  ['never synced, Linear is the source but has none: Pylon\'s value', s('low', null, undefined), LINEAR_SOURCE, 'update-linear', 'low', 'low'],
];

describe('decidePair: the three-way table', () => {
  it.each(TABLE)('%s', (_name, state, options, action, to, agree) => {
    const decision = decidePair(state, options);
    expect(decision.action).toBe(action);
    expect(decision.to).toBe(to);
    expect(decision.agree).toBe(agree);
    expect(decision.reason).toMatch(/\w/);
  });

  it('explains the drift and conflict in words the table can show', () => {
    expect(decidePair(s('medium', 'high', 'medium'), DEFAULT).reason).toBe('changed in Linear (was Medium); Pylon follows only with --direction both');
    expect(decidePair(s('urgent', 'low', 'medium'), DEFAULT).reason).toContain('since they agreed on Medium');
    expect(decidePair(s(null, 'high', 'high'), DEFAULT).reason).toBe('cleared in Pylon (agreed High); clearing is not synced');
  });

  // Every combination: applying a decision and deciding again never writes again (reruns converge, values never
  // bounce), and a pair that is not written is decided the same way next time (it stays reported).
  const values: SidePriority[] = [...PRIORITIES, null];
  const agreedValues: Array<SidePriority | undefined> = [...values, undefined];
  const optionSets = [DEFAULT, BOTH, LINEAR_SOURCE, LINEAR_SOURCE_BOTH];
  it.each(optionSets)('converges in one run for every combination (%j)', (options) => {
    let checked = 0;
    for (const pylon of values) {
      for (const linear of values) {
        for (const agreed of agreedValues) {
          const first = decidePair({ pylon, linear, agreed }, options);
          const after: PairState = { pylon, linear, agreed };
          if (first.action === 'update-linear') after.linear = first.to!;
          if (first.action === 'update-pylon') after.pylon = first.to!;
          if (writes(first)) after.agreed = first.agree ?? null;
          const second = decidePair(after, options);
          if (writes(first)) expect(second.action, JSON.stringify({ pylon, linear, agreed })).toBe('in-sync');
          else expect(second).toEqual(first);
          // Nothing is ever written back to the side it came from.
          if (first.action === 'update-linear') expect(first.to).toBe(pylon);
          if (first.action === 'update-pylon') expect(first.to).toBe(linear);
          checked++;
        }
      }
    }
    expect(checked).toBe(5 * 5 * 6);
  });

  it('writes to Pylon only with --direction both', () => {
    for (const pylon of values) for (const linear of values) for (const agreed of agreedValues) {
      for (const options of [DEFAULT, LINEAR_SOURCE]) expect(decidePair({ pylon, linear, agreed }, options).action).not.toBe('update-pylon');
    }
  });
});

describe('planSync', () => {
  it('turns disagreeing writes to one Linear issue into conflicts, and counts every action', () => {
    const plan = planSync(
      [
        { pylonId: 'p1', linearId: 'L1', state: s('urgent', 'medium', 'medium') },
        { pylonId: 'p2', linearId: 'L1', state: s('high', 'medium', 'medium') },
        { pylonId: 'p3', linearId: 'L2', state: s('high', 'medium', 'medium') },
        { pylonId: 'p4', linearId: 'L2', state: s('high', 'medium', 'medium') },
        { pylonId: 'p5', linearId: 'L3', state: s('low', 'low', 'low') },
        { pylonId: 'p6', linearId: 'L4', skip: 'Linear issue not found' },
      ],
      DEFAULT,
    );
    expect(plan.entries.map((e) => e.decision.action)).toEqual(['conflict', 'conflict', 'update-linear', 'update-linear', 'in-sync', 'skip']);
    expect(plan.entries[0]!.decision.reason).toBe('Pylon tickets linked to this Linear issue disagree (Urgent vs High)');
    expect(plan.counts).toEqual({ 'in-sync': 1, remember: 0, 'update-linear': 2, 'update-pylon': 0, drift: 0, conflict: 2, skip: 1 });
  });

  it('does the same for one ticket linked to Linear issues that would set it to different values', () => {
    const plan = planSync(
      [
        { pylonId: 'p1', linearId: 'L1', state: s('medium', 'urgent', 'medium') },
        { pylonId: 'p1', linearId: 'L2', state: s('medium', 'low', 'medium') },
      ],
      BOTH,
    );
    expect(plan.entries.map((e) => e.decision.reason)).toEqual([
      'Linear issues linked to this ticket disagree (Urgent vs Low)',
      'Linear issues linked to this ticket disagree (Urgent vs Low)',
    ]);
  });

  it('knows what is out of line and what writes', () => {
    expect(isOutOfLine({ action: 'in-sync', reason: '' })).toBe(false);
    expect(isOutOfLine({ action: 'remember', reason: '' })).toBe(false);
    for (const action of ['update-linear', 'update-pylon', 'drift', 'conflict', 'skip'] as const) expect(isOutOfLine({ action, reason: '' })).toBe(true);
    expect(['in-sync', 'remember', 'update-linear', 'update-pylon', 'drift', 'conflict', 'skip'].filter((action) => writes({ action: action as SyncAction, reason: '' }))).toEqual([
      'remember',
      'update-linear',
      'update-pylon',
    ]);
  });
});

describe('the agreed priority in the attachment metadata', () => {
  const at = new Date('2026-03-02T09:00:00.000Z');

  it.each([
    [{ triage: { lastAgreedPriority: 'high', agreedAt: 'x' } }, 'high'],
    [{ triage: { lastAgreedPriority: 'none' } }, null],
    [{ triage: { lastAgreedPriority: 'P1' } }, undefined],
    [{ triage: 'high' }, undefined],
    [{}, undefined],
    [null, undefined],
    [undefined, undefined],
  ])('reads %j as %j', (metadata, expected) => {
    expect(readAgreed(metadata)).toBe(expected);
  });

  it('writes the record and keeps every other key', () => {
    const before = { state: 'open', triage: { filingId: 'f-1', lastAgreedPriority: 'low', agreedAt: 'old' } };
    const after = withAgreed(before, 'urgent', at);
    expect(after).toEqual({ state: 'open', triage: { filingId: 'f-1', lastAgreedPriority: 'urgent', agreedAt: '2026-03-02T09:00:00.000Z' } });
    expect(before.triage.lastAgreedPriority).toBe('low');
    expect(withAgreed(undefined, null, at)).toEqual({ triage: { lastAgreedPriority: 'none', agreedAt: '2026-03-02T09:00:00.000Z' } });
    expect(readAgreed(withAgreed({}, 'medium', at))).toBe('medium');
  });
});

describe('parseSince', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  it.each([
    ['30d', '2026-01-31T09:00:00.000Z'],
    ['12h', '2026-03-01T21:00:00.000Z'],
    ['2w', '2026-02-16T09:00:00.000Z'],
    ['2026-02-01', '2026-02-01T00:00:00.000Z'],
    ['2026-02-01T12:30:00Z', '2026-02-01T12:30:00.000Z'],
  ])('%s', (value, expected) => {
    const result = parseSince(value, now);
    expect(result.ok && result.at.toISOString()).toBe(expected);
  });

  it.each([['yesterday'], ['0d'], ['30'], ['2027-01-01'], ['2026-13-45']])('rejects %s', (value) => {
    const result = parseSince(value, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('--since');
  });
});
