import { PartialFilingError, ServiceError, TriageError } from '../errors.js';
import { pendingSteps, type FilingRecord } from './record.js';

/** What exists, in words and links, for the engineer: printed when a filing stops part-way. */
export function createdItems(record: FilingRecord): Array<{ what: string; url?: string }> {
  const created: Array<{ what: string; url?: string }> = [];
  if (record.kind === 'append') {
    const r = record.results;
    const target = record.plan.target;
    if (r.linearComment) created.push({ what: `comment on Linear issue ${target.identifier}`, url: r.linearComment.url });
    if (r.githubComment) created.push({ what: `comment on GitHub issue ${target.github?.repo}#${target.github?.number}`, url: r.githubComment.url });
    if (r.pylonAttachment) created.push({ what: `link from ${target.identifier} to Pylon ticket #${record.plan.pylon?.number}` });
    if (r.customer) created.push({ what: `customer ${record.plan.customer.name} in Linear` });
    if (r.customerNeed) created.push({ what: `customer request on ${target.identifier}` });
    if (r.pylonPriority) created.push({ what: `Pylon ticket #${record.plan.pylon?.number} priority set` });
    if (r.pylonLink) created.push({ what: `Pylon ticket #${record.plan.pylon?.number} linked` });
  } else if (record.kind !== 'update') {
    const { linearIssue, githubIssue, linearLink, etaComment, pylonPriority, pylonLink } = record.results;
    if (linearIssue) created.push({ what: `Linear issue ${linearIssue.identifier}`, url: linearIssue.url });
    if (githubIssue) created.push({ what: `GitHub issue ${githubIssue.repo}#${githubIssue.number}`, url: githubIssue.url });
    if (linearLink) created.push({ what: 'link from Linear to GitHub' });
    if (etaComment) created.push({ what: 'ETA comment', url: etaComment.url });
    if (pylonPriority) created.push({ what: `Pylon ticket #${record.plan.pylon?.number} priority set` });
    if (pylonLink) created.push({ what: `Pylon ticket #${record.plan.pylon?.number} linked` });
  }
  for (const target of record.update?.post?.targets ?? []) {
    const posted = record.results.posted?.[target.ticketId];
    if (posted) created.push({ what: `customer update (${posted.mode}) on Pylon ticket #${target.number}` });
  }
  return created;
}

/**
 * Nothing created: the original error (a rejected token or a config mistake keeps its own exit code), and
 * for a service fault the way to retry. Something created: a partial filing that names both halves.
 */
export function failureFor(record: FilingRecord, error: unknown): Error {
  const created = createdItems(record);
  if (created.length === 0) {
    if (error instanceof ServiceError) {
      return new ServiceError(error.service, `${error.message}; nothing was ${record.kind === 'update' ? 'posted' : 'filed'}`, {
        hint: `Retry with: triage resume ${record.id}`,
        cause: error,
        ...(error.status !== undefined ? { status: error.status } : {}),
        transient: error.transient,
      });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  const reason = error instanceof TriageError ? error.message : 'an unexpected error';
  return new PartialFilingError(`Filing ${record.id} stopped part-way: ${reason}`, created, pendingSteps(record), {
    hint: `Finish it with: triage resume ${record.id}`,
    cause: error,
  });
}
