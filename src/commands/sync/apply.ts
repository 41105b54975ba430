import { AuthError, TriageError } from '../../errors.js';
import { LINEAR_PRIORITY } from '../../core/priority.js';
import { withAgreed } from '../../core/sync/agreed.js';
import { importanceOrder, maySend } from '../../core/sync/budget.js';
import type { PairDecision } from '../../core/sync/plan.js';
import { LinearGateway, type LinearWrite, type LinearWriteOutcome } from '../../services/linear/gateway.js';
import { LinearRateLimitError } from '../../services/linear/transport.js';
import type { PylonGateway } from '../../services/pylon/gateway.js';
import type { PriorityFieldMap } from '../../services/pylon/priority-field.js';
import { mapBounded } from './bounded.js';
import type { SyncPair } from './collect.js';

export type ApplyStep = 'linear' | 'pylon' | 'record';

export type ApplyResult =
  /** `recorded: false`: the priority was written but the agreed value was not (budget); the next run records it. */
  | { status: 'applied'; recorded: boolean }
  | { status: 'failed'; step: ApplyStep; error: string; transient: boolean }
  /** Not attempted: Linear's hourly budget would not cover it (or Linear refused); a later run applies it. */
  | { status: 'deferred'; step: ApplyStep };

export interface ApplyItem {
  pair: SyncPair;
  decision: PairDecision;
}

/** What the apply step is doing, for whoever renders progress (a line on stderr, a bar, nothing). */
export interface ApplyProgress {
  phase: 'pylon' | 'linear' | 'record';
  done: number;
  total: number;
}

/** Why writes stopped before the plan was done, and when Linear's budget refills. */
export interface ApplyStop {
  reason: 'budget' | 'rate-limited';
  /** Epoch ms, from X-RateLimit-Requests-Reset. */
  resetAt: number | undefined;
  requestsRemaining: number | undefined;
}

export interface ApplyOutcome {
  results: ApplyResult[];
  stopped: ApplyStop | undefined;
  /** Linear write requests sent. */
  linearRequests: number;
}

/**
 * Applies the plan in three passes, most important pairs first within each:
 * 1. Pylon follows Linear (`--direction both`), one paced request per ticket;
 * 2. Linear follows Pylon: priority writes, `LinearGateway.WRITE_BATCH_SIZE` per request;
 * 3. the agreed values, batched the same way: first for the pairs just changed, then the pairs that already
 *    agreed ("remember"), which change nothing anyone sees and so go last.
 * A record is only sent once its pair's priority write succeeded, so Linear never holds an agreement that did
 * not happen. Before each Linear request the budget Linear last reported is checked: when it would drop under
 * the reserve, the rest is deferred and the run stops cleanly (and on RATELIMITED, no further request is sent).
 * Every write sets a value, so a rerun after any failure or stop is safe. A rejected token stops everything.
 */
export async function applyDecisions(input: {
  items: readonly ApplyItem[];
  pylon: PylonGateway;
  linear: LinearGateway;
  field: PriorityFieldMap;
  concurrency: number;
  now: () => Date;
  onProgress?: (progress: ApplyProgress) => void;
  batchSize?: number;
}): Promise<ApplyOutcome> {
  const items = input.items;
  const results: Array<ApplyResult | undefined> = new Array(items.length);
  const order = importanceOrder(items.map((i) => i.decision));
  const batchSize = Math.min(input.batchSize ?? LinearGateway.WRITE_BATCH_SIZE, LinearGateway.WRITE_BATCH_SIZE);
  const state = { stopped: undefined as ApplyStop | undefined, requests: 0 };

  // 1. Pylon writes.
  const toPylon = order.filter((i) => items[i]!.decision.action === 'update-pylon');
  let pylonDone = 0;
  await mapBounded(
    toPylon,
    input.concurrency,
    async (index) => {
      const { pair, decision } = items[index]!;
      try {
        await input.pylon.updateIssueCustomFields(pair.ticket.id, [{ slug: input.field.slug, value: input.field.toPylon[decision.to!] }]);
      } catch (error) {
        if (error instanceof AuthError) throw error;
        results[index] = failure('pylon', error);
      } finally {
        input.onProgress?.({ phase: 'pylon', done: ++pylonDone, total: toPylon.length });
      }
    },
    (error) => error instanceof AuthError,
  );

  // 2. Linear priority writes.
  const toLinear = order.filter((i) => items[i]!.decision.action === 'update-linear');
  await sendBatches(input, state, batchSize, 'linear', toLinear, results, (index) => {
    const { pair, decision } = items[index]!;
    return { kind: 'priority', issueId: pair.linearId, priority: LINEAR_PRIORITY[decision.to!] };
  });

  // 3. Records: the pairs just changed (in importance order), then those that only needed recording.
  const changed = order.filter((i) => items[i]!.decision.action !== 'remember' && results[i] === undefined);
  // Their priority is written; should the record not be sent, that is still an applied change.
  for (const index of changed) results[index] = { status: 'applied', recorded: false };
  const remember = order.filter((i) => items[i]!.decision.action === 'remember');
  const at = input.now();
  await sendBatches(input, state, batchSize, 'record', [...changed, ...remember], results, (index) => recordWrite(items[index]!, at));

  return {
    results: results.map((r) => r ?? { status: 'deferred', step: 'linear' }),
    stopped: state.stopped,
    linearRequests: state.requests,
  };
}

/**
 * Sends `indices` as batches of writes, `concurrency` requests at once, each only while the budget allows.
 * Fills `results` for every index it settles; leaves the deferred ones marked as such.
 */
async function sendBatches(
  input: { linear: LinearGateway; concurrency: number; onProgress?: (progress: ApplyProgress) => void },
  state: { stopped: ApplyStop | undefined; requests: number },
  batchSize: number,
  phase: 'linear' | 'record',
  indices: readonly number[],
  results: Array<ApplyResult | undefined>,
  writeOf: (index: number) => LinearWrite,
): Promise<void> {
  const batches: number[][] = [];
  for (let i = 0; i < indices.length; i += batchSize) batches.push(indices.slice(i, i + batchSize));
  let next = 0;
  let inFlight = 0;
  let done = 0;
  const step: ApplyStep = phase === 'linear' ? 'linear' : 'record';
  const deferRest = () => {
    for (const batch of batches.slice(next)) for (const index of batch) settleDeferred(results, index, step);
    next = batches.length;
  };

  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      if (state.stopped) return deferRest();
      const budget = input.linear.budget();
      if (!maySend(budget, inFlight)) {
        state.stopped ??= { reason: 'budget', resetAt: budget?.resetAt, requestsRemaining: budget?.requestsRemaining };
        return deferRest();
      }
      const batch = batches[next++]!;
      inFlight += 1;
      state.requests += 1;
      let outcomes: LinearWriteOutcome[];
      try {
        outcomes = await input.linear.writeBatch(batch.map(writeOf));
      } catch (error) {
        if (error instanceof AuthError) throw error;
        if (error instanceof LinearRateLimitError) {
          // Linear refused: it ran none of this batch. Send nothing more this run.
          state.stopped ??= { reason: 'rate-limited', resetAt: error.resetAt ?? input.linear.budget()?.resetAt, requestsRemaining: 0 };
          for (const index of batch) settleDeferred(results, index, step);
          return deferRest();
        }
        outcomes = batch.map(() => ({ ok: false, error: messageOf(error), transient: isTransient(error) }) as LinearWriteOutcome);
      } finally {
        inFlight -= 1;
      }
      batch.forEach((index, i) => {
        const outcome = outcomes[i]!;
        if (!outcome.ok) {
          results[index] = { status: 'failed', step, error: outcome.error, transient: Boolean((outcome as { transient?: boolean }).transient) };
        } else if (phase === 'record') {
          results[index] = { status: 'applied', recorded: true };
        }
        // A priority written: its record comes in the next pass, which settles the result.
      });
      done += batch.length;
      input.onProgress?.({ phase, done, total: indices.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, batches.length)) }, worker));
}

/** Only what is still open: a changed pair whose record is deferred stays `applied` (recorded: false). */
function settleDeferred(results: Array<ApplyResult | undefined>, index: number, step: ApplyStep): void {
  if (results[index] === undefined) results[index] = { status: 'deferred', step };
}

function recordWrite(item: ApplyItem, at: Date): LinearWrite {
  const { pair, decision } = item;
  const agreed = decision.agree ?? null;
  if (pair.attachment) {
    return { kind: 'metadata', attachmentId: pair.attachment.id, title: pair.attachment.title, metadata: withAgreed(pair.attachment.metadata, agreed, at) };
  }
  // The ticket had no link in Linear yet: create it (Linear keeps one attachment per URL, so this is idempotent).
  return { kind: 'attach', issueId: pair.linearId, url: pair.ticket.link, title: `Pylon #${pair.ticket.number}`, metadata: withAgreed(undefined, agreed, at) };
}

function failure(step: ApplyStep, error: unknown): ApplyResult {
  return { status: 'failed', step, error: messageOf(error), transient: isTransient(error) };
}

function messageOf(error: unknown): string {
  const message = error instanceof TriageError || error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function isTransient(error: unknown): boolean {
  return Boolean((error as { transient?: boolean })?.transient);
}
