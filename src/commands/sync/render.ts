import type { IO } from '../../cli/io.js';
import { renderTable } from '../../cli/table.js';
import { wrapWords } from '../../cli/text-wrap.js';
import { priorityFromLinear } from '../../core/priority.js';
import { priorityText, writes, type SyncAction } from '../../core/sync/plan.js';
import { continueText, isLeftOver, type ApplyMode, type PlannedSync, type SyncRow } from './run.js';

const ORDER: SyncAction[] = ['update-linear', 'update-pylon', 'remember', 'drift', 'conflict', 'skip', 'in-sync'];

function pylonText(row: SyncRow): string {
  const reading = row.pair.pylon;
  if (reading.kind === 'set') return priorityText(reading.priority);
  return reading.kind === 'none' ? 'none' : `"${reading.value.slice(0, 12)}"`;
}

function linearPriorityText(priority: number): string {
  return priority === 0 ? 'none' : priorityText(priorityFromLinear(priority) ?? null);
}

function linearText(row: SyncRow): string {
  const issue = row.pair.linear;
  return issue ? `${issue.identifier} ${linearPriorityText(issue.priority)}` : '(not found)';
}

function actionText(row: SyncRow): string {
  const d = row.decision;
  switch (d.action) {
    case 'update-linear':
      return `Linear → ${priorityText(d.to)}: ${d.reason}`;
    case 'update-pylon':
      return `Pylon → ${priorityText(d.to)}: ${d.reason}`;
    case 'remember':
      return `record ${priorityText(d.agree ?? null)} as agreed: ${d.reason}`;
    case 'drift':
      return `drift: ${d.reason}`;
    case 'conflict':
      return `conflict: ${d.reason}`;
    case 'skip':
      return `skipped: ${d.reason}`;
    default:
      return 'in sync';
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryText(planned: PlannedSync): string {
  const c = planned.counts;
  const parts = [
    `${c['in-sync']} in sync`,
    c['update-linear'] && `${c['update-linear']} to update in Linear`,
    c['update-pylon'] && `${c['update-pylon']} to update in Pylon`,
    c.remember && `${c.remember} to record as agreed`,
    c.drift && plural(c.drift, 'drift', 'drifts'),
    c.conflict && plural(c.conflict, 'conflict'),
    c.skip && `${c.skip} skipped`,
  ].filter(Boolean);
  return `${plural(planned.rows.length, 'linked pair')} (of ${plural(planned.scanned, 'ticket')} open or updated since ${planned.since.toISOString().slice(0, 10)}): ${parts.join(', ')}`;
}

const PLAN_COLUMNS = [{ header: 'Ticket' }, { header: 'Customer', shrinkTo: 10 }, { header: 'Pylon', shrinkTo: 6 }, { header: 'Linear', shrinkTo: 10 }, { header: 'Action' }];

/** The plan as a table on stdout, fitted to the terminal (80 columns when piped): every pair not in sync, grouped by what happens to it. */
export function planLines(planned: PlannedSync, width: number, prose = Math.min(width, 100)): string[] {
  const shown = planned.rows.filter((r) => r.decision.action !== 'in-sync').sort((a, b) => ORDER.indexOf(a.decision.action) - ORDER.indexOf(b.decision.action) || a.pair.ticket.number - b.pair.ticket.number);
  const lines = shown.length
    ? renderTable(
        PLAN_COLUMNS,
        shown.map((row) => [`#${row.pair.ticket.number}`, row.customer ?? row.pair.ticket.accountId ?? '—', pylonText(row), linearText(row), actionText(row)]),
        { width, wrapLast: true, minLastWidth: 30 },
      )
    : [];
  return [...lines, ...wrapWords(summaryText(planned), prose)];
}

export function renderPlan(io: IO, planned: PlannedSync): void {
  io.out(planLines(planned, io.outWidth, io.outProse).join('\n'));
}

/** After applying: how it went, then what failed, per pair (stderr). */
export function renderResults(io: IO, planned: PlannedSync, mode: ApplyMode): void {
  if (mode === 'plan-only') {
    if (planned.rows.some((r) => writes(r.decision))) io.info(io.color.dim('Nothing was changed. Run `triage sync --yes` to apply the plan.'));
    return;
  }
  if (mode === 'nothing-to-do') {
    io.success('Nothing to change');
    return;
  }
  const applied = planned.rows.filter((r) => r.result?.status === 'applied').length;
  if (applied) io.success(`Applied ${plural(applied, 'change')}`);
  renderFailures(io, planned);
  renderStop(io, planned);
  const left = planned.counts.drift + planned.counts.conflict;
  if (left) io.warn(`${plural(left, 'pair')} need${left === 1 ? 's' : ''} a person (drift or conflict): see the table above`);
}

/** One line per pair that failed, naming the step; with `--json` too, as the JSON is for the script and this for the person. */
export function renderFailures(io: IO, planned: PlannedSync): void {
  for (const row of planned.rows) {
    const result = row.result;
    if (result?.status !== 'failed') continue;
    const where = result.step === 'record' ? 'recording the agreed priority' : `updating ${result.step === 'linear' ? 'Linear' : 'Pylon'}`;
    io.err(`${io.color.red('✗')} #${row.pair.ticket.number} ↔ ${row.pair.linear?.identifier ?? row.pair.linearId}: ${where} failed: ${result.error}`);
  }
}

/** When Linear's budget stopped the run: what is left and when it can continue (stderr). */
export function renderStop(io: IO, planned: PlannedSync): void {
  const stopped = planned.stopped;
  if (!stopped) return;
  const changes = planned.rows.filter(isLeftOver).length;
  const records = planned.rows.filter((r) => (r.result?.status === 'deferred' && r.decision.action === 'remember') || (r.result?.status === 'applied' && !r.result.recorded)).length;
  const why = stopped.reason === 'rate-limited' ? 'Linear refused further requests (rate limit)' : `Stopped before Linear's hourly budget ran out (${stopped.requestsRemaining ?? '?'} requests left)`;
  const left = [changes && `${plural(changes, 'priority change')}`, records && `${plural(records, 'agreed priority', 'agreed priorities')} to record`].filter(Boolean).join(' and ');
  io.warn(`${why}: ${left || 'nothing'} left; ${continueText(stopped)}.`);
}

function resultJson(result: SyncRow['result']) {
  if (!result) return null;
  if (result.status === 'applied') return { status: 'applied', recorded: result.recorded };
  if (result.status === 'deferred') return { status: 'deferred', step: result.step };
  return { status: 'failed', step: result.step, error: result.error };
}

/** The documented `--json` shape (README, "Keeping Pylon and Linear aligned"). */
export function syncJson(planned: PlannedSync, mode: ApplyMode) {
  const applied = planned.rows.filter((r) => r.result?.status === 'applied').length;
  const failed = planned.rows.filter((r) => r.result?.status === 'failed').length;
  const deferred = planned.rows.filter((r) => r.result?.status === 'deferred').length;
  return {
    applied: mode === 'apply',
    direction: planned.direction,
    sourceOfTruth: planned.sourceOfTruth,
    since: planned.since.toISOString(),
    scanned: planned.scanned,
    summary: { pairs: planned.rows.length, ...planned.counts, applied, failed, deferred },
    /** Set when Linear's hourly budget stopped the run early; `resetAt` is when it refills. */
    stopped: planned.stopped
      ? { reason: planned.stopped.reason, resetAt: planned.stopped.resetAt === undefined ? null : new Date(planned.stopped.resetAt).toISOString(), requestsRemaining: planned.stopped.requestsRemaining ?? null }
      : null,
    pairs: planned.rows.map((row) => ({
      pylon: {
        id: row.pair.ticket.id,
        number: row.pair.ticket.number,
        link: row.pair.ticket.link,
        priority: row.pair.pylon.kind === 'set' ? row.pair.pylon.priority : row.pair.pylon.kind === 'none' ? null : { unknown: row.pair.pylon.value },
      },
      linear: row.pair.linear
        ? { id: row.pair.linear.id, identifier: row.pair.linear.identifier, url: row.pair.linear.url, priority: row.pair.linear.priority }
        : { id: row.pair.linearId, identifier: null, url: null, priority: null },
      customer: row.customer,
      /** The last agreed priority, "none", or null when the pair was never synced. */
      agreed: row.state?.agreed === undefined ? null : (row.state.agreed ?? 'none'),
      action: row.decision.action,
      to: row.decision.to ?? null,
      reason: row.decision.reason,
      result: resultJson(row.result),
    })),
  };
}
