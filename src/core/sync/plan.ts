import { PRIORITY_LABEL, type Priority } from '../priority.js';
import type { SidePriority } from './agreed.js';

/**
 * Three-way priority sync between a Pylon ticket and the Linear issue linked to it. Each pair is compared
 * with the last priority both sides agreed on (see agreed.ts), so the side that changed is known and the
 * other follows; a value is never written back to where it came from, so nothing bounces.
 *
 * | Pylon  | Linear | agreed | action                                                            |
 * |--------|--------|--------|-------------------------------------------------------------------|
 * | X      | X      | X      | in sync                                                           |
 * | X      | X      | ≠ X    | remember X (both moved to X, or first seen equal)                 |
 * | Y      | X      | X      | Linear follows: set Linear to Y                                   |
 * | X      | Y      | X      | drift; with --direction both, Pylon follows: set Pylon to Y       |
 * | none   | X      | X      | drift: cleared in Pylon, not propagated                           |
 * | X      | none   | X      | drift: cleared in Linear, not propagated                          |
 * | Y      | Z      | X      | conflict (changed on both sides): reported, never touched         |
 * | Y      | Z      | never  | the source of truth wins (Pylon by default); if it has no        |
 * |        |        |        | priority, the side that has one does                              |
 *
 * Writes to Pylon happen only with `--direction both`; otherwise they are reported as drift. After a pair's
 * writes succeed, the new agreed value is recorded, so a rerun sees the pair in sync; if the record fails,
 * the rerun sees equal values and records them then.
 */

export type SyncDirection = 'pylon-to-linear' | 'both';
export type SourceOfTruth = 'pylon' | 'linear';

export interface PlanOptions {
  direction: SyncDirection;
  sourceOfTruth: SourceOfTruth;
}

export interface PairState {
  pylon: SidePriority;
  linear: SidePriority;
  /** undefined: never synced. null: both sides last agreed on no priority. */
  agreed: SidePriority | undefined;
}

export type SyncAction = 'in-sync' | 'remember' | 'update-linear' | 'update-pylon' | 'drift' | 'conflict' | 'skip';

export interface PairDecision {
  action: SyncAction;
  /** update-linear / update-pylon: the value written. drift: what Pylon would take with `--direction both`, if anything. */
  to?: Priority;
  /** The agreed value recorded once the writes succeed (update-*, remember). */
  agree?: SidePriority;
  /** Why, in a few words ("changed in Pylon (was High)"). */
  reason: string;
}

const SERVICE: Record<SourceOfTruth, string> = { pylon: 'Pylon', linear: 'Linear' };

export function priorityText(value: SidePriority | undefined): string {
  if (value === undefined) return 'never synced';
  return value === null ? 'none' : PRIORITY_LABEL[value];
}

/** One pair, on its own. */
export function decidePair(state: PairState, options: PlanOptions): PairDecision {
  const { pylon, linear, agreed } = state;

  if (pylon === linear) {
    if (agreed === pylon || (agreed === undefined && pylon === null)) return { action: 'in-sync', reason: 'in sync' };
    const reason = agreed === undefined ? 'first sync, already equal' : `both now ${priorityText(pylon)} (agreed was ${priorityText(agreed)})`;
    return { action: 'remember', agree: pylon, reason };
  }

  if (agreed === undefined) {
    const source = options.sourceOfTruth;
    const sourceValue = source === 'pylon' ? pylon : linear;
    const winner: SourceOfTruth = sourceValue !== null ? source : source === 'pylon' ? 'linear' : 'pylon';
    const why = winner === source ? `first sync, ${SERVICE[source]} is the source of truth` : `first sync, only ${SERVICE[winner]} has a priority`;
    return follow(winner, state, why, options);
  }

  const pylonChanged = pylon !== agreed;
  const linearChanged = linear !== agreed;
  if (pylonChanged && linearChanged) {
    return {
      action: 'conflict',
      reason: `changed on both sides since they agreed on ${priorityText(agreed)}: set the one you want on both`,
    };
  }
  if (pylonChanged) {
    if (pylon === null) return { action: 'drift', reason: `cleared in Pylon (agreed ${priorityText(agreed)}); clearing is not synced` };
    return follow('pylon', state, `changed in Pylon (was ${priorityText(agreed)})`, options);
  }
  if (linear === null) return { action: 'drift', reason: `cleared in Linear (agreed ${priorityText(agreed)}); clearing is not synced` };
  return follow('linear', state, `changed in Linear (was ${priorityText(agreed)})`, options);
}

/** The other side takes `winner`'s value: always allowed towards Linear, towards Pylon only with `--direction both`. */
function follow(winner: SourceOfTruth, state: PairState, why: string, options: PlanOptions): PairDecision {
  if (winner === 'pylon') {
    const to = state.pylon!;
    return { action: 'update-linear', to, agree: to, reason: why };
  }
  const to = state.linear!;
  if (options.direction === 'both') return { action: 'update-pylon', to, agree: to, reason: why };
  return { action: 'drift', to, reason: `${why}; Pylon follows only with --direction both` };
}

export type PlanInput =
  | { pylonId: string; linearId: string; state: PairState }
  /** A pair that cannot be compared (the Linear issue is gone, Pylon holds an unknown value, ...). */
  | { pylonId: string; linearId: string; skip: string };

export interface PlanEntry {
  pylonId: string;
  linearId: string;
  state: PairState | undefined;
  decision: PairDecision;
}

export interface SyncPlan {
  entries: PlanEntry[];
  counts: Record<SyncAction, number>;
}

const WRITES: ReadonlySet<SyncAction> = new Set(['update-linear', 'update-pylon', 'remember']);
const FINE: ReadonlySet<SyncAction> = new Set(['in-sync', 'remember']);

/** Whether applying the entry writes anything. */
export function writes(decision: PairDecision): boolean {
  return WRITES.has(decision.action);
}

/** What `--check` fails on: priorities that differ, or pairs that could not be compared. */
export function isOutOfLine(decision: PairDecision): boolean {
  return !FINE.has(decision.action);
}

/**
 * Every pair, then one rule across pairs: several Pylon tickets linked to one Linear issue (or one ticket
 * linked to several Linear issues) that would set it to different values are a conflict, so one run never
 * writes a value and then its opposite.
 */
export function planSync(inputs: readonly PlanInput[], options: PlanOptions): SyncPlan {
  const entries: PlanEntry[] = inputs.map((input) =>
    'skip' in input
      ? { pylonId: input.pylonId, linearId: input.linearId, state: undefined, decision: { action: 'skip', reason: input.skip } }
      : { pylonId: input.pylonId, linearId: input.linearId, state: input.state, decision: decidePair(input.state, options) },
  );

  for (const [action, key] of [['update-linear', 'linearId'], ['update-pylon', 'pylonId']] as const) {
    const targets = new Map<string, Set<Priority>>();
    for (const e of entries) {
      if (e.decision.action !== action) continue;
      const set = targets.get(e[key]) ?? new Set<Priority>();
      set.add(e.decision.to!);
      targets.set(e[key], set);
    }
    for (const e of entries) {
      const set = targets.get(e[key]);
      if (e.decision.action !== action || !set || set.size < 2) continue;
      const values = [...set].map((p) => PRIORITY_LABEL[p]).join(' vs ');
      const shared = key === 'linearId' ? 'Pylon tickets linked to this Linear issue' : 'Linear issues linked to this ticket';
      e.decision = { action: 'conflict', reason: `${shared} disagree (${values})` };
    }
  }

  const counts: Record<SyncAction, number> = { 'in-sync': 0, remember: 0, 'update-linear': 0, 'update-pylon': 0, drift: 0, conflict: 0, skip: 0 };
  for (const e of entries) counts[e.decision.action] += 1;
  return { entries, counts };
}
