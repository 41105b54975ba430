import { PRIORITIES } from '../priority.js';
import type { PairDecision } from './plan.js';

/**
 * Which writes come first when Linear's hourly budget may not cover them all, and how much of the budget a
 * run may spend. Pure: the apply step feeds it what Linear's rate-limit headers said.
 *
 * Real priority changes (Linear or Pylon follows the other) come before recording agreement, which changes no
 * priority anyone sees: a pair left unrecorded is recorded by the next run, when both sides still agree. Among
 * changes, the most urgent target first; ties keep the plan's order, so a run is repeatable.
 */

export type WriteKind = 'change' | 'record';

export function writeKind(decision: PairDecision): WriteKind | undefined {
  if (decision.action === 'update-linear' || decision.action === 'update-pylon') return 'change';
  if (decision.action === 'remember') return 'record';
  return undefined;
}

/** Lower runs first. */
export function importance(decision: PairDecision): number {
  const kind = writeKind(decision);
  if (kind === undefined) return Number.POSITIVE_INFINITY;
  const target = decision.to ?? decision.agree ?? null;
  const rank = target === null ? PRIORITIES.length : PRIORITIES.indexOf(target);
  return (kind === 'change' ? 0 : 10) + rank;
}

/** Indices of `decisions` that write, most important first (stable). */
export function importanceOrder(decisions: readonly PairDecision[]): number[] {
  return decisions
    .map((decision, index) => ({ index, rank: importance(decision) }))
    .filter((e) => Number.isFinite(e.rank))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((e) => e.index);
}

/**
 * Requests a run leaves unspent, so the engineer's other tools (and the next `triage` command) keep working:
 * 2% of the hourly limit, at least 5.
 */
export function reserveRequests(limit: number | undefined): number {
  return Math.max(5, Math.ceil((limit ?? 0) * 0.02));
}

export interface BudgetReading {
  requestsLimit: number | undefined;
  requestsRemaining: number;
  complexityRemaining: number | undefined;
  /** Complexity of the last request: the best guess for the next one of the same shape. */
  lastComplexity: number | undefined;
}

/** Whether one more request may go out with `inFlight` already sent and not yet answered. */
export function maySend(budget: BudgetReading | undefined, inFlight: number): boolean {
  if (!budget) return true;
  const reserve = reserveRequests(budget.requestsLimit);
  if (budget.requestsRemaining - inFlight <= reserve) return false;
  // Complexity rarely binds (a batch of writes costs ~55 of 3,000,000 points an hour), but a run never overdraws it.
  if (budget.complexityRemaining !== undefined && budget.complexityRemaining < (budget.lastComplexity ?? 0) * (inFlight + 1 + reserve)) return false;
  return true;
}

/** Requests `writes` writes take at `batchSize` per request. */
export function requestsFor(writes: number, batchSize: number): number {
  return Math.ceil(writes / Math.max(1, batchSize));
}
