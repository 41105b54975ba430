import type { Context } from '../../context.js';
import { CancelledError, CheckFailedError, FailureError, UsageError } from '../../errors.js';
import { priorityFromLinear } from '../../core/priority.js';
import { readAgreed } from '../../core/sync/agreed.js';
import { isOutOfLine, planSync, writes, type PairDecision, type PairState, type PlanInput, type SourceOfTruth, type SyncAction, type SyncDirection } from '../../core/sync/plan.js';
import { parseSince } from '../../core/sync/since.js';
import type { LinearGateway } from '../../services/linear/gateway.js';
import type { PylonGateway } from '../../services/pylon/gateway.js';
import type { PriorityFieldMap } from '../../services/pylon/priority-field.js';
import { applyDecisions, type ApplyProgress, type ApplyResult, type ApplyStop } from './apply.js';
import { candidateFilter, collectPairs, isLinearUuid, type SyncPair } from './collect.js';
import type { SyncOptions } from './options.js';

export interface SyncRow {
  pair: SyncPair;
  state: PairState | undefined;
  decision: PairDecision;
  /** The Pylon account's name, looked up for the rows that are shown (not those in sync). */
  customer: string | null;
  result?: ApplyResult;
}

export interface PlannedSync {
  since: Date;
  direction: SyncDirection;
  sourceOfTruth: SourceOfTruth;
  /** Pylon tickets the search returned, linked or not. */
  scanned: number;
  rows: SyncRow[];
  counts: Record<SyncAction, number>;
  field: PriorityFieldMap;
  gateways: { pylon: PylonGateway; linear: LinearGateway };
  concurrency: number;
  /** Set when applying stopped early for Linear's budget: what is left waits for `resetAt`. */
  stopped?: ApplyStop;
  /** Linear write requests the apply step sent. */
  linearWriteRequests?: number;
}

/** Reads both sides and plans. Nothing is written. */
export async function planRun(ctx: Context, options: SyncOptions): Promise<PlannedSync> {
  ctx.useConfigPath(options.configPath);
  const config = await ctx.config();
  const sinceText = options.since ?? config.pylon.sync.since;
  const since = parseSince(sinceText, ctx.now());
  if (!since.ok) throw new UsageError(since.message);
  const [pylon, linear] = await Promise.all([ctx.pylon(), ctx.linear()]);
  const field = await pylon.priorityField(config.pylon.priorityField);
  const concurrency = config.pylon.sync.concurrency;

  const progress = (message: string) => ctx.io.progress(message);
  const { pairs, scanned } = await collectPairs({
    pylon,
    linear,
    field,
    filter: candidateFilter(since.at),
    pageSize: config.pylon.sync.pageSize,
    concurrency,
    progress: (seen, linked) => progress(`read ${seen} Pylon ticket${seen === 1 ? '' : 's'}, ${linked} linked to Linear`),
  });

  const plan = planSync(pairs.map(toPlanInput(field)), { direction: options.direction, sourceOfTruth: config.pylon.sync.sourceOfTruth });
  const rows: SyncRow[] = plan.entries.map((entry, i) => ({ pair: pairs[i]!, state: entry.state, decision: entry.decision, customer: null }));
  await nameCustomers(pylon, rows.filter((r) => r.decision.action !== 'in-sync'));
  return { since: since.at, direction: options.direction, sourceOfTruth: config.pylon.sync.sourceOfTruth, scanned, rows, counts: plan.counts, field, gateways: { pylon, linear }, concurrency };
}

function toPlanInput(field: PriorityFieldMap) {
  return (pair: SyncPair): PlanInput => {
    const ids = { pylonId: pair.ticket.id, linearId: pair.linearId };
    if (!pair.linear) {
      return {
        ...ids,
        skip: isLinearUuid(pair.linearId)
          ? 'Linear issue not found (deleted, or not visible to this API key)'
          : `Pylon links Linear issue "${pair.linearId.slice(0, 40)}" by something other than its id`,
      };
    }
    if (pair.pylon.kind === 'unknown') {
      return { ...ids, skip: `Pylon's "${field.slug}" is "${pair.pylon.value.slice(0, 40)}", which pylon.priorityField.values does not map` };
    }
    const linear = pair.linear.priority === 0 ? null : priorityFromLinear(pair.linear.priority);
    if (linear === undefined) return { ...ids, skip: `Linear priority ${pair.linear.priority} is not one triage knows` };
    return { ...ids, state: { pylon: pair.pylon.kind === 'set' ? pair.pylon.priority : null, linear, agreed: readAgreed(pair.attachment?.metadata) } };
  };
}

/** The customers of the rows shown: read from Pylon's account list in pages, not one lookup per customer. */
async function nameCustomers(pylon: PylonGateway, rows: SyncRow[]): Promise<void> {
  const ids = [...new Set(rows.map((r) => r.pair.ticket.accountId).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  const names = await pylon.accountNames(ids);
  for (const row of rows) row.customer = row.pair.ticket.accountId ? (names.get(row.pair.ticket.accountId) ?? null) : null;
}

export type ApplyMode = 'plan-only' | 'nothing-to-do' | 'apply';

/**
 * Whether to write: `--dry-run`, and `--check` or `--json` without `--yes`, only show; `--yes` applies; a
 * terminal is asked; without one nothing is applied and the error says how (never a prompt that hangs).
 */
export async function chooseMode(ctx: Context, options: SyncOptions, planned: PlannedSync): Promise<ApplyMode> {
  if (options.dryRun || ((options.check || options.json) && !options.yes)) return 'plan-only';
  const count = planned.rows.filter((r) => writes(r.decision)).length;
  if (count === 0) return 'nothing-to-do';
  if (options.yes) return 'apply';
  if (!ctx.io.interactive) {
    throw new UsageError(`Not applying ${count} change${count === 1 ? '' : 's'}: there is no terminal to confirm in`, {
      hint: 'Run `triage sync --yes` to apply them, or `triage sync --dry-run` (or --check) to only look.',
    });
  }
  const ok = await ctx.prompter.confirm(`Apply ${count} change${count === 1 ? '' : 's'}?`, { default: false });
  if (!ok) throw new CancelledError('Nothing was changed', { hint: 'Run `triage sync --yes` to apply without asking.' });
  return 'apply';
}

const PHASE_TEXT: Record<ApplyProgress['phase'], string> = { pylon: 'updated in Pylon', linear: 'updated in Linear', record: 'recorded as agreed' };

/** The default progress rendering: a dim line on stderr per tenth of each phase. */
export function progressLines(ctx: Context): (progress: ApplyProgress) => void {
  const shown = new Map<ApplyProgress['phase'], number>();
  return ({ phase, done, total }) => {
    if (total < 10) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth <= (shown.get(phase) ?? 0)) return;
    shown.set(phase, tenth);
    ctx.io.progress(`${PHASE_TEXT[phase]} ${done}/${total}`);
  };
}

/**
 * Writes what the plan says: Linear writes batched, Pylon's paced, most important first, within Linear's
 * budget (see apply.ts). `onProgress` receives progress as data; by default it is a few lines on stderr.
 */
export async function applyRun(ctx: Context, planned: PlannedSync, onProgress: (progress: ApplyProgress) => void = progressLines(ctx)): Promise<void> {
  const rows = planned.rows.filter((r) => writes(r.decision));
  const outcome = await applyDecisions({
    items: rows.map((r) => ({ pair: r.pair, decision: r.decision })),
    pylon: planned.gateways.pylon,
    linear: planned.gateways.linear,
    field: planned.field,
    concurrency: planned.concurrency,
    now: () => ctx.now(),
    onProgress,
  });
  rows.forEach((row, i) => {
    row.result = outcome.results[i]!;
  });
  if (outcome.stopped) planned.stopped = outcome.stopped;
  planned.linearWriteRequests = outcome.linearRequests;
}

/** A real change (not only a record) that was not applied this run. */
export function isLeftOver(row: SyncRow): boolean {
  return row.result?.status === 'deferred' && row.decision.action !== 'remember';
}

/** After rendering: the exit code. `--check` fails on anything out of line that is still so; failures fail. */
export function finish(planned: PlannedSync, options: SyncOptions, mode: ApplyMode): void {
  const failed = planned.rows.filter((r) => r.result?.status === 'failed');
  const stillOut = planned.rows.filter((r) => (r.result ? r.result.status === 'failed' || isLeftOver(r) : isOutOfLine(r.decision)));
  if (options.check && planned.stopped && stillOut.length === 0) {
    // Every priority is in line, but agreements are left to record: the job is not done yet.
    throw new CheckFailedError(`Linear's hourly budget stopped the run with agreed priorities left to record`, { hint: `${continueText(planned.stopped)}.` });
  }
  if (options.check && stillOut.length) {
    throw new CheckFailedError(`${stillOut.length} Pylon/Linear pair${stillOut.length === 1 ? ' is' : 's are'} out of line`, {
      hint: planned.stopped
        ? `Linear's hourly budget stopped the run; ${continueText(planned.stopped)}.`
        : mode === 'apply'
          ? 'Conflicts and drift need a person: set the priority you want on both sides.'
          : 'Run `triage sync` to see and apply the plan.',
    });
  }
  if (failed.length) {
    throw new FailureError(`${failed.length} of ${planned.rows.filter((r) => r.result).length} changes failed`, {
      hint: 'Run `triage sync` again: every change sets a value, so a rerun is safe and finishes the rest.',
    });
  }
}

/** "run `triage sync` again after 14:05 UTC (in 23 min)". */
export function continueText(stopped: ApplyStop, now: number = Date.now()): string {
  if (stopped.resetAt === undefined) return 'run `triage sync` again later to apply the rest';
  const at = new Date(stopped.resetAt);
  const minutes = Math.max(1, Math.ceil((stopped.resetAt - now) / 60_000));
  return `run \`triage sync\` again after ${at.toISOString().slice(11, 16)} UTC (in ${minutes} min), when it refills, to apply the rest`;
}
