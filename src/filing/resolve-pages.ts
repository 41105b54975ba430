import type { Context } from '../context.js';
import type { TriageConfig } from '../config/config.js';
import { AuthError, ServiceError } from '../errors.js';
import type { IO } from '../cli/io.js';
import { LinearGateway } from '../services/linear/gateway.js';
import { openJournal } from './open-journal.js';
import { isNewFiling, type NewFilingRecord } from './record.js';

export interface ResolvedPage {
  filingId: string;
  identifier: string;
  dedupKey: string;
  state: string;
  error?: string;
}

/**
 * `oncall.resolveOnDone`: each paged filing in this machine's journal whose Linear issue is now Done or Canceled
 * gets a `resolve` with its dedup key, once (recorded in the journal; PagerDuty ignores a second resolve anyway).
 */
export async function resolvePages(ctx: Context, config: TriageConfig, linear: LinearGateway): Promise<ResolvedPage[]> {
  if (!config.oncall.resolveOnDone) return [];
  const journal = await openJournal(ctx);
  const paged = (await journal.list()).filter(
    (r): r is NewFilingRecord => isNewFiling(r) && r.results.page?.pagerduty?.status === 'sent' && !r.results.pageResolved && Boolean(r.results.linearIssue),
  );
  if (paged.length === 0) return [];
  const states = new Map<string, { name: string; type: string }>();
  for (let i = 0; i < paged.length; i += LinearGateway.FOLLOWUPS_BATCH_MAX) {
    for (const issue of await linear.issuesForFollowups(paged.slice(i, i + LinearGateway.FOLLOWUPS_BATCH_MAX).map((r) => r.results.linearIssue!.id))) states.set(issue.id, issue.state);
  }
  const resolved: ResolvedPage[] = [];
  for (const record of paged) {
    const state = states.get(record.results.linearIssue!.id);
    if (!state || (state.type !== 'completed' && state.type !== 'canceled')) continue;
    const dedupKey = record.results.page!.pagerduty!.dedupKey;
    const entry: ResolvedPage = { filingId: record.id, identifier: record.results.linearIssue!.identifier, dedupKey, state: state.name };
    try {
      await (await ctx.pagerduty()).resolve(dedupKey);
      record.results.pageResolved = { at: ctx.now().toISOString(), state: state.name };
      await journal.save(record);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      entry.error = error instanceof ServiceError ? error.message : 'unexpected error';
    }
    resolved.push(entry);
  }
  return resolved;
}

/** One line on stderr per incident: resolved, or why not. */
export function renderResolved(io: IO, resolved: readonly ResolvedPage[]): void {
  for (const r of resolved) {
    if (r.error) io.err(`${io.color.red('✗')} PagerDuty incident of ${r.identifier} not resolved: ${r.error}`);
    else io.success(`Resolved the PagerDuty incident of ${r.identifier} (${r.state})`);
  }
}
