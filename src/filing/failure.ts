import { InterruptedError, InterruptedFilingError, PartialFilingError, ServiceError, TriageError } from '../errors.js';
import { serviceLabel } from '../errors.js';
import { nothingCreated, pendingSteps, STEP_DESCRIPTIONS, uncertainSteps, type FilingRecord, type StepName } from './record.js';

function uncertainWords(record: FilingRecord): string {
  return uncertainSteps(record)
    .map((step) => (step.startsWith('post:') ? 'customer update' : STEP_DESCRIPTIONS[step as StepName]))
    .join(' and ');
}

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
    for (const [target, page] of Object.entries(record.results.page ?? {})) {
      created.push({ what: `${page.status === 'sent' ? 'page to on-call' : 'page to on-call (unconfirmed)'} through ${target === 'pagerduty' ? 'PagerDuty' : 'Slack'} (dedup key ${page.dedupKey})` });
    }
    if (record.results.pageSkipped) created.push({ what: 'comment saying why on-call was not paged', url: record.results.pageSkipped.url });
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
  const filed = record.kind === 'update' ? 'posted' : 'filed';
  const resume = `triage resume ${record.id}`;
  if (error instanceof InterruptedError) {
    if (created.length === 0 && nothingCreated(record)) return new InterruptedError(error.signal, `Interrupted (${error.signal}): nothing was ${filed}`);
    return new InterruptedFilingError(error.signal, `Interrupted (${error.signal}): filing ${record.id} stopped part-way`, created, pendingSteps(record), {
      hint: `Finish it with: ${resume}`,
      filingId: record.id,
    });
  }
  if (created.length === 0 && nothingCreated(record)) {
    // Nothing exists: the caller drops the journal entry, so the message says what to fix, not how to resume.
    if (error instanceof ServiceError) {
      const message = /[.!]$/.test(error.message) ? `${error.message} Nothing was ${filed}.` : `${error.message}; nothing was ${filed}`;
      const again = `Run the same command again once ${serviceLabel[error.service]} answers (\`triage doctor\` checks the connection).`;
      return new ServiceError(error.service, message, {
        hint: error.hint ? `${error.hint}\n${again}` : again,
        cause: error,
        ...(error.status !== undefined ? { status: error.status } : {}),
        transient: error.transient,
      });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  if (created.length === 0) {
    // A write was sent and got no answer: it may exist. Resuming looks for it before making it again.
    const maybe = pendingSteps(record).length ? uncertainWords(record) : 'the first write';
    const reason = error instanceof TriageError ? error.message : 'an unexpected error';
    return new PartialFilingError(`Filing ${record.id} stopped: ${reason}; the ${maybe} may have been created`, [], pendingSteps(record), {
      hint: `Finish it with: ${resume} (it looks for what may exist before creating anything again)`,
      cause: error,
      filingId: record.id,
    });
  }
  const reason = error instanceof TriageError ? error.message : 'an unexpected error';
  return new PartialFilingError(`Filing ${record.id} stopped part-way: ${reason}`, created, pendingSteps(record), {
    hint: `Finish it with: ${resume}`,
    cause: error,
    filingId: record.id,
  });
}
