import { fillLinearSlots } from '../core/filing-plan.js';
import { PartialFilingError, ServiceError, TriageError } from '../errors.js';
import type { LinearGateway } from '../services/linear/gateway.js';
import type { GitHubGateway } from '../services/github/gateway.js';
import type { PylonGateway } from '../services/pylon/gateway.js';
import { withAgreed } from '../core/sync/agreed.js';
import { parseRepo } from '../services/github/types.js';
import type { LinearIssue } from '../services/linear/types.js';
import type { Journal } from './journal.js';
import { plannedSteps, STEP_DESCRIPTIONS, type FilingRecord, type LinearIssueResult, type StepName } from './record.js';
import { resolveLinear, type ResolvedLinear } from './resolve-linear.js';
import { allSettledOrThrow } from '../services/http/settle.js';

export interface FilingServices {
  linear: () => Promise<LinearGateway>;
  github: () => Promise<GitHubGateway>;
  pylon: () => Promise<PylonGateway>;
}

export interface ExecuteOptions {
  record: FilingRecord;
  services: FilingServices;
  journal: Journal;
  now: () => Date;
  progress?: (message: string) => void;
}

function toLinearResult(issue: LinearIssue): LinearIssueResult {
  const result: LinearIssueResult = {
    id: issue.id,
    identifier: issue.identifier,
    url: issue.url,
    branchName: issue.branchName,
    priority: issue.priority,
    state: issue.state.name,
  };
  if (issue.assignee) result.assignee = issue.assignee.email;
  return result;
}

/**
 * Runs the steps of a filing in order, recording each result in the journal as soon as it exists.
 * Every step looks before it writes when an earlier attempt may have gone through, so running this again
 * on the same record (a retry, or `triage resume`) never makes a second issue, link or comment.
 */
export async function executeFiling(options: ExecuteOptions): Promise<FilingRecord> {
  const { record, services, journal } = options;
  const { plan } = record;
  const stamp = () => options.now().toISOString();
  const save = async () => {
    record.updatedAt = stamp();
    await journal.save(record);
  };

  let resolved: ResolvedLinear | undefined;
  const steps = plannedSteps(plan);
  let current: StepName = steps[0]!;
  try {
    if (!record.results.linearIssue) {
      current = 'linearIssue';
      const linear = await services.linear();
      // Resolve names and check the repo before the first write, so a config mistake files nothing.
      [resolved] = await allSettledOrThrow([
        resolveLinear(linear, plan),
        plan.github ? services.github().then((gh) => checkRepo(gh, plan.github!.repo)) : Promise.resolve(),
      ]);
      let issue = record.attempted.linearIssue ? await linear.issueById(plan.id) : undefined;
      if (!issue) {
        record.attempted.linearIssue = true;
        await save();
        options.progress?.('Creating the Linear issue');
        issue = await withGuardedRetry(
          () => linear.createIssue({
            id: plan.id,
            teamId: resolved!.teamId,
            title: plan.linear.title,
            description: plan.linear.description,
            priority: plan.linear.priority,
            stateId: resolved!.stateId,
            labelIds: resolved!.labelIds,
            ...(resolved!.assigneeId ? { assigneeId: resolved!.assigneeId } : {}),
          }),
          () => linear.issueById(plan.id),
        );
      }
      record.results.linearIssue = toLinearResult(issue);
      await save();
    }
    const linearIssue = record.results.linearIssue;

    if (plan.github && !record.results.githubIssue) {
      current = 'githubIssue';
      const github = await services.github();
      const repo = parseRepo(plan.github.repo);
      const since = plan.createdAt;
      let issue = record.attempted.githubIssue ? await github.findIssueByMarker(repo, plan.github.marker, since) : undefined;
      if (!issue) {
        const assignees = [...plan.github.assignees];
        if (plan.github.assignViewer) assignees.push(await github.viewer());
        record.attempted.githubIssue = true;
        await save();
        options.progress?.('Creating the GitHub issue');
        issue = await withGuardedRetry(
          () => github.createIssue(repo, {
            title: plan.github!.title,
            body: fillLinearSlots(plan.github!.body, linearIssue),
            labels: plan.github!.labels,
            assignees: [...new Set(assignees)],
          }),
          () => github.findIssueByMarker(repo, plan.github!.marker, since),
        );
      }
      record.results.githubIssue = { repo: plan.github.repo, number: issue.number, url: issue.url };
      await save();
    }

    const githubIssue = record.results.githubIssue;
    if (plan.github && githubIssue && !record.results.linearLink) {
      current = 'linearLink';
      const linear = await services.linear();
      record.attempted.linearLink = true;
      await save();
      options.progress?.('Linking the Linear issue to the GitHub issue');
      // Linear keeps one attachment per URL on an issue, so repeating this cannot duplicate the link.
      const attachmentId = await withGuardedRetry(
        () => linear.attach({
          issueId: linearIssue.id,
          url: githubIssue.url,
          title: `GitHub ${githubIssue.repo}#${githubIssue.number}`,
          subtitle: plan.github!.title,
          metadata: { source: 'triage', filingId: plan.id },
        }),
        async () => (await linear.attachments(linearIssue.id)).find((a) => a.url === githubIssue.url)?.id,
      );
      record.results.linearLink = { attachmentId };
      await save();
    }

    if (plan.etaComment && githubIssue && !record.results.etaComment) {
      current = 'etaComment';
      const github = await services.github();
      const repo = parseRepo(githubIssue.repo);
      const marker = plan.etaComment.marker;
      const findComment = async () => (await github.comments(repo, githubIssue.number)).find((c) => c.body.includes(marker));
      let comment = record.attempted.etaComment ? await findComment() : undefined;
      if (!comment) {
        record.attempted.etaComment = true;
        await save();
        options.progress?.('Posting the ETA comment');
        comment = await withGuardedRetry(() => github.createComment(repo, githubIssue.number, plan.etaComment!.body), findComment);
      }
      record.results.etaComment = { id: comment.id, url: comment.url };
      await save();
    }

    if (plan.pylon) {
      const ticket = plan.pylon;
      const pylon = await services.pylon();
      // Pylon's writes here set values and link by id: repeating them changes nothing, so no look-up is needed.
      if (ticket.setPriorityTo && !record.results.pylonPriority) {
        current = 'pylonPriority';
        options.progress?.(`Setting Pylon ticket #${ticket.number} to the filing's priority`);
        await pylon.updateIssueCustomFields(ticket.ticketId, [{ slug: ticket.fieldSlug, value: ticket.setPriorityTo }]);
        record.results.pylonPriority = { value: ticket.setPriorityTo };
        await save();
      }
      if (!record.results.pylonLink) {
        current = 'pylonLink';
        options.progress?.(`Linking Pylon ticket #${ticket.number} to the new issues`);
        const links = [{ source: 'linear', external_issue_id: linearIssue.id }];
        if (githubIssue) links.push({ source: 'github', external_issue_id: `${githubIssue.repo}/${githubIssue.number}` });
        await pylon.linkExternalIssues(ticket.ticketId, links);
        record.results.pylonLink = { sources: links.map((l) => l.source) };
        await save();
      }
      if (!record.results.pylonAttachment) {
        current = 'pylonAttachment';
        const linear = await services.linear();
        options.progress?.(`Attaching Pylon ticket #${ticket.number} to the Linear issue`);
        // The agreed priority lives on this link, where every `triage sync` runner reads it.
        const attachmentId = await withGuardedRetry(
          () => linear.attach({
            issueId: linearIssue.id,
            url: ticket.link,
            title: `Pylon #${ticket.number}`,
            subtitle: plan.linear.title,
            metadata: withAgreed({ source: 'triage', filingId: plan.id }, ticket.agreedPriority, options.now()),
          }),
          async () => (await linear.attachments(linearIssue.id)).find((a) => a.url === ticket.link)?.id,
        );
        record.results.pylonAttachment = { attachmentId };
        await save();
      }
    }

    record.status = 'complete';
    delete record.lastError;
    await save();
    return record;
  } catch (error) {
    record.status = 'failed';
    const message = error instanceof TriageError ? error.message : 'unexpected error';
    record.lastError = { step: current, message, at: stamp() };
    await save().catch(() => {});
    throw failureFor(record, steps, error);
  }
}

async function checkRepo(github: GitHubGateway, repo: string): Promise<void> {
  const info = await github.repo(parseRepo(repo));
  if (!info.hasIssues) throw new ServiceError('github', `GitHub repository ${repo} has issues turned off`);
}

/**
 * A write that failed in a way that may have gone through (5xx, timeout, dropped connection) is looked up
 * once; only when it is not there is it tried again. Rate limits and rejections are not retried here.
 */
async function withGuardedRetry<T>(write: () => Promise<T>, lookup: () => Promise<T | undefined>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ServiceError) || !error.transient) throw error;
    const existing = await lookup();
    if (existing !== undefined) return existing;
    return write();
  }
}

/**
 * Nothing created: the original error (a rejected token or a config mistake keeps its own exit code), and
 * for a service fault the way to retry. Something created: a partial filing that names both halves.
 */
function failureFor(record: FilingRecord, steps: StepName[], error: unknown): Error {
  const created: Array<{ what: string; url?: string }> = [];
  const { linearIssue, githubIssue, linearLink, etaComment } = record.results;
  if (linearIssue) created.push({ what: `Linear issue ${linearIssue.identifier}`, url: linearIssue.url });
  if (githubIssue) created.push({ what: `GitHub issue ${githubIssue.repo}#${githubIssue.number}`, url: githubIssue.url });
  if (linearLink) created.push({ what: 'link from Linear to GitHub' });
  if (etaComment) created.push({ what: 'ETA comment', url: etaComment.url });
  if (record.results.pylonPriority) created.push({ what: `Pylon ticket #${record.plan.pylon?.number} priority set` });
  if (record.results.pylonLink) created.push({ what: `Pylon ticket #${record.plan.pylon?.number} linked` });
  if (created.length === 0) {
    if (error instanceof ServiceError) {
      return new ServiceError(error.service, `${error.message}; nothing was filed`, {
        hint: `Retry with: triage resume ${record.id}`,
        cause: error,
        ...(error.status !== undefined ? { status: error.status } : {}),
        transient: error.transient,
      });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  const pending = steps.filter((s) => !record.results[s]).map((s) => STEP_DESCRIPTIONS[s]);
  const reason = error instanceof TriageError ? error.message : 'an unexpected error';
  return new PartialFilingError(`Filing ${record.id} stopped part-way: ${reason}`, created, pending, {
    hint: `Finish it with: triage resume ${record.id}`,
    cause: error,
  });
}
