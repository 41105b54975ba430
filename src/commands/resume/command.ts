import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { openJournal } from '../../filing/open-journal.js';
import { nothingCreated, pendingSteps, recordTitle, type FilingRecord } from '../../filing/record.js';
import { replan } from './replan.js';
import { newResultJson, renderFiled } from '../new/render.js';
import { runFilingSteps } from '../new/run.js';
import { renderResumedUpdate, resumedUpdateJson } from '../update/render.js';
import type { ResumeFlags } from './register.js';

function summary(record: FilingRecord) {
  const results = record.results as { linearIssue?: { identifier: string; url: string }; githubIssue?: { repo: string; number: number; url: string } };
  const linear = record.kind === 'append' ? record.plan.target : record.kind === 'update' ? record.plan.issue : results.linearIssue;
  const github = record.kind === 'append' ? record.plan.target.github : record.kind === 'update' ? undefined : results.githubIssue;
  return {
    filingId: record.id,
    kind: record.kind ?? 'new',
    createdAt: record.plan.createdAt,
    title: recordTitle(record),
    status: record.status,
    linear: linear ? { identifier: linear.identifier, url: linear.url } : null,
    github: github ? { repo: github.repo, number: github.number, url: github.url } : null,
    pending: pendingSteps(record),
    lastError: record.lastError ?? null,
  };
}

export async function resumeCommand(ctx: Context, id: string | undefined, flags: ResumeFlags): Promise<void> {
  ctx.useConfigPath(flags.config);
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
      ctx.io.out(`    ${record.kind === 'new' || !record.kind ? 'created' : 'on'}: ${done}; pending: ${s.pending.join(', ')}${s.lastError ? `; last error: ${s.lastError.message}` : ''}`);
    }
    ctx.io.err(ctx.io.color.dim('Finish one with: triage resume <filing-id>'));
    return;
  }

  const matches = await journal.find(id);
  if (matches.length === 0) throw new UsageError(`No filing ${id} in the journal (${journal.dir})`, { hint: 'Run `triage resume` to list unfinished filings.' });
  if (matches.length > 1) throw new UsageError(`"${id}" matches ${matches.length} filings; give more of the id`, { hint: matches.map((m) => m.id).join('\n') });
  let record = matches[0]!;
  if (record.status === 'complete') ctx.io.err(`Filing ${record.id} is already complete; checking nothing is missing.`);
  else if (record.kind !== 'update' && nothingCreated(record)) record = await replan(ctx, journal, record);
  const done = await runFilingSteps(ctx, journal, record);
  if (done.kind === 'update') {
    if (flags.json) ctx.io.json(resumedUpdateJson(done));
    else renderResumedUpdate(ctx.io, done);
    return;
  }
  if (flags.json) {
    ctx.io.json(newResultJson({ kind: 'filed', record: done, candidates: null }));
    return;
  }
  renderFiled(ctx.io, done, { askingToPost: true });
}
