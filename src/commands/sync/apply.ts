import { AuthError, TriageError } from '../../errors.js';
import { LINEAR_PRIORITY } from '../../core/priority.js';
import { withAgreed } from '../../core/sync/agreed.js';
import type { PairDecision } from '../../core/sync/plan.js';
import type { LinearGateway } from '../../services/linear/gateway.js';
import type { PylonGateway } from '../../services/pylon/gateway.js';
import type { PriorityFieldMap } from '../../services/pylon/priority-field.js';
import { mapBounded } from './bounded.js';
import type { SyncPair } from './collect.js';

export type ApplyStep = 'linear' | 'pylon' | 'record';

export type ApplyResult = { status: 'applied' } | { status: 'failed'; step: ApplyStep; error: string; transient: boolean };

export interface ApplyItem {
  pair: SyncPair;
  decision: PairDecision;
}

/**
 * Applies each pair's decision: first the priority write, then the agreed value in the attachment's metadata.
 * Both set values, so a rerun after any failure is safe: a pair whose write succeeded but whose record did not
 * shows up as equal on both sides and is recorded then. A pair's failure is its own; a rejected token stops all.
 */
export async function applyDecisions(input: {
  items: readonly ApplyItem[];
  pylon: PylonGateway;
  linear: LinearGateway;
  field: PriorityFieldMap;
  concurrency: number;
  now: () => Date;
  progress: (done: number, total: number) => void;
}): Promise<ApplyResult[]> {
  let done = 0;
  const outcomes = await mapBounded(
    input.items,
    input.concurrency,
    async (item) => {
      let step: ApplyStep = 'record';
      try {
        const { pair, decision } = item;
        if (decision.action === 'update-linear') {
          step = 'linear';
          await input.linear.updateIssuePriority(pair.linearId, LINEAR_PRIORITY[decision.to!]);
        } else if (decision.action === 'update-pylon') {
          step = 'pylon';
          await input.pylon.updateIssueCustomFields(pair.ticket.id, [{ slug: input.field.slug, value: input.field.toPylon[decision.to!] }]);
        }
        step = 'record';
        await record(input.linear, pair, decision, input.now());
        return { status: 'applied' } as const;
      } catch (error) {
        if (error instanceof AuthError) throw error;
        throw new StepError(step, error);
      } finally {
        input.progress(++done, input.items.length);
      }
    },
    (error) => !(error instanceof StepError),
  );
  return outcomes.map((o): ApplyResult => {
    if (o.ok) return o.value;
    const failure = o.error as StepError;
    const cause = failure.cause;
    const message = cause instanceof TriageError || cause instanceof Error ? cause.message : String(cause);
    const transient = Boolean((cause as { transient?: boolean })?.transient);
    return { status: 'failed', step: failure.step, error: message.split('\n')[0] ?? message, transient };
  });
}

class StepError extends Error {
  constructor(
    readonly step: ApplyStep,
    override readonly cause: unknown,
  ) {
    super('step failed');
  }
}

/** Writes the agreed value into the link's metadata, creating the link when the ticket had none in Linear. */
async function record(linear: LinearGateway, pair: SyncPair, decision: PairDecision, now: Date): Promise<void> {
  const agreed = decision.agree ?? null;
  if (pair.attachment) {
    await linear.updateAttachmentMetadata(pair.attachment.id, { title: pair.attachment.title, metadata: withAgreed(pair.attachment.metadata, agreed, now) });
    return;
  }
  await linear.attach({ issueId: pair.linearId, url: pair.ticket.link, title: `Pylon #${pair.ticket.number}`, metadata: withAgreed(undefined, agreed, now) });
}
