import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { saveDraft, type SavedDraft } from '../../filing/drafts.js';
import type { FileJournal } from '../../filing/file-journal.js';
import { appendRecord, newRecord, type AppendRecord, type NewFilingRecord } from '../../filing/record.js';
import { readAppendTarget } from '../new/append-target.js';
import { checkTypeFlags, type NewOptions } from '../new/options.js';
import { prepareAppend, prepareNew, type CompleteOptions } from '../new/prepare.js';
import { applyDraft } from '../new/run.js';

/**
 * A filing that created nothing is planned again from what the engineer asked for and the config as it is now:
 * a frozen plan would repeat the mistake (a wrong repo, team or label) that stopped it. Same filing id, so its
 * markers stay the same.
 */
export async function replan(ctx: Context, journal: FileJournal, record: NewFilingRecord | AppendRecord): Promise<NewFilingRecord | AppendRecord> {
  if (!record.source) return dropOldRecord(ctx, journal, record);
  const options: NewOptions = { customerDomains: [], contacts: [], terms: [], labels: [], newTicket: false, dryRun: false, json: false, yes: true, noInput: true, prioritySource: 'rubric', noPage: false };
  // `--no-page` was the engineer's decision, not the config's: it stands, with its reason.
  const skipped = record.kind !== 'append' ? record.plan.page?.skip : undefined;
  if (skipped) Object.assign(options, { noPage: true, noPageReason: skipped.reason });
  applyDraft(options, record.source);
  checkTypeFlags(options);
  const complete = options as CompleteOptions;
  const config = await ctx.config();
  const planned =
    record.source.appendTo && options.type === 'feature'
      ? await prepareAppend(ctx, complete, config, await readAppendTarget(ctx, record.source.appendTo), record.id)
      : await prepareNew(ctx, complete, config, record.id);
  const now = ctx.now().toISOString();
  const fresh = planned.prepared.kind === 'new' ? newRecord(planned.prepared.plan, now) : appendRecord(planned.prepared.plan, now);
  fresh.update = { ...planned.update };
  if (options.post && options.pylonTicket) fresh.update.post = { mode: options.post, targets: [{ ticketId: options.pylonTicket.id, number: options.pylonTicket.number }] };
  fresh.source = record.source;
  await journal.save(fresh);
  ctx.io.info(ctx.io.color.dim(`… Nothing of filing ${record.id} had been created: planned again from the current config`));
  return fresh;
}

/**
 * A record from before filings kept their source: its plan cannot be made again, and nothing of it exists. Its
 * (redacted) text becomes a draft to file again, and the entry goes, so it is never filed from the stale plan.
 */
async function dropOldRecord(ctx: Context, journal: FileJournal, record: NewFilingRecord | AppendRecord): Promise<never> {
  const plan = record.plan;
  const title = record.kind === 'append' ? record.plan.title : record.plan.linear.title;
  const body = record.kind === 'append' ? record.plan.linearComment.body : record.plan.linear.description;
  const draft: SavedDraft = { version: 1, savedAt: ctx.now().toISOString(), title, body, type: plan.type };
  if (plan.decision.impact) draft.impact = plan.decision.impact.value;
  const file = await saveDraft(ctx.paths.stateDir, draft);
  await journal.remove(record.id);
  throw new UsageError(`Nothing of filing ${record.id} was created, and it was planned by an older triage with the config of then; it was removed so it is not filed from that plan`, {
    hint: `Its redacted text was saved as a draft: triage new --recover ${file}`,
  });
}
