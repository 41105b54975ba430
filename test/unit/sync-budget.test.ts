import { describe, expect, it } from 'vitest';
import { importance, importanceOrder, maySend, requestsFor, reserveRequests } from '../../src/core/sync/budget.js';
import type { PairDecision } from '../../src/core/sync/plan.js';

const d = (action: PairDecision['action'], extra: Partial<PairDecision> = {}): PairDecision => ({ action, reason: '', ...extra });

describe('which writes go first', () => {
  it.each([
    ['an urgent change before a low one', d('update-linear', { to: 'urgent' }), d('update-linear', { to: 'low' })],
    ['a Pylon change before a Linear one of lower priority', d('update-pylon', { to: 'high' }), d('update-linear', { to: 'medium' })],
    ['any change before recording agreement', d('update-linear', { to: 'low' }), d('remember', { agree: 'urgent' })],
    ['recording an urgent agreement before a "none" one', d('remember', { agree: 'urgent' }), d('remember', { agree: null })],
  ])('%s', (_name, first, second) => {
    expect(importance(first)).toBeLessThan(importance(second));
  });

  it('orders only the writes, stably, most important first', () => {
    const decisions = [d('remember', { agree: 'low' }), d('in-sync'), d('update-linear', { to: 'low' }), d('drift'), d('update-linear', { to: 'urgent' }), d('update-linear', { to: 'low' })];
    expect(importanceOrder(decisions)).toEqual([4, 2, 5, 0]);
  });
});

describe('how much of Linear\'s budget a run spends', () => {
  const budget = (requestsRemaining: number, requestsLimit = 5_000, complexityRemaining?: number, lastComplexity?: number) => ({ requestsRemaining, requestsLimit, complexityRemaining, lastComplexity });

  it.each([
    ['no headers seen yet', undefined, 0, true],
    ['plenty left', budget(4_000), 3, true],
    ['down to the 2% reserve', budget(100), 0, false],
    ['just above the reserve', budget(101), 0, true],
    ['just above the reserve, one in flight', budget(101), 1, false],
    ['a limit of 300 keeps at least 6', budget(7, 300), 0, true],
    ['a limit of 300 keeps at least 6, reached', budget(6, 300), 0, false],
    ['small limits keep 5', budget(5, 60), 0, false],
    ['complexity spent', budget(4_000, 5_000, 100, 55), 0, false],
    ['complexity ample', budget(4_000, 5_000, 1_000_000, 55), 3, true],
  ])('%s', (_name, reading, inFlight, expected) => {
    expect(maySend(reading, inFlight)).toBe(expected);
  });

  it('reserves 2% of the limit, at least 5; counts requests per batch', () => {
    expect([reserveRequests(5_000), reserveRequests(300), reserveRequests(undefined)]).toEqual([100, 6, 5]);
    expect([requestsFor(0, 50), requestsFor(1, 50), requestsFor(50, 50), requestsFor(51, 50)]).toEqual([0, 1, 1, 2]);
  });
});
