import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { openJournal } from '../../filing/open-journal.js';
import { plannedSteps, STEP_DESCRIPTIONS, type FilingRecord } from '../../filing/record.js';
import { newResultJson, renderFiled } from '../new/render.js';
import { runFilingSteps } from '../new/run.js';
import type { ResumeFlags } from './register.js';

function pendingSteps(record: FilingRecord): string[] {
  return plannedSteps(record.plan)
    .filter((step) => !record.results[step])
    .map((step) => STEP_DESCRIPTIONS[step]);
}

function summary(record: FilingRecord) {
  return {
    filingId: record.id,
    createdAt: record.plan.createdAt,
    title: record.plan.linear.title,
    status: record.status,
    linear: record.results.linearIssue ? { identifier: record.results.linearIssue.identifier, url: record.results.linearIssue.url } : null,
    github: record.results.githubIssue ? { repo: record.results.githubIssue.repo, number: record.results.githubIssue.number, url: record.results.githubIssue.url } : null,
    pending: pendingSteps(record),
    lastError: record.lastError ?? null,
  };
}

export async function resumeCommand(ctx: Context, id: string | undefined, flags: ResumeFlags): Promise<void> {
  const journal = await openJournal(ctx);
  if (!id) {
    const unfinished = (await journal.list()).filter((r) => r.status !== 'complete');
    if (flags.json) {
      ctx.io.json({ unfinished: unfinished.map(summary) });
      return;
    }
    if (unfinished.length === 0) {
      ctx.io.err('No unfinished filings.');
      return;
    }
    for (const record of unfinished) {
      const s = summary(record);
      const done = [s.linear?.identifier, s.github ? `${s.github.repo}#${s.github.number}` : undefined].filter(Boolean).join(', ') || 'nothing yet';
      ctx.io.out(`${record.id}  ${s.createdAt.slice(0, 16).replace('T', ' ')}  ${s.title}`);
      ctx.io.out(`    created: ${done}; pending: ${s.pending.join(', ')}${s.lastError ? `; last error: ${s.lastError.message}` : ''}`);
    }
    ctx.io.err(ctx.io.color.dim('Finish one with: triage resume <filing-id>'));
    return;
  }

  const matches = await journal.find(id);
  if (matches.length === 0) throw new UsageError(`No filing ${id} in the journal (${journal.dir})`, { hint: 'Run `triage resume` to list unfinished filings.' });
  if (matches.length > 1) throw new UsageError(`"${id}" matches ${matches.length} filings; give more of the id`, { hint: matches.map((m) => m.id).join('\n') });
  const record = matches[0]!;
  if (record.status === 'complete') ctx.io.err(`Filing ${record.id} is already complete; checking nothing is missing.`);
  const done = await runFilingSteps(ctx, journal, record);
  if (flags.json) ctx.io.json(newResultJson({ kind: 'filed', record: done }));
  else renderFiled(ctx.io, { kind: 'filed', record: done });
}
