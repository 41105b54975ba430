import { fillLinearSlots } from '../core/filing-plan.js';
import { ServiceError, TriageError } from '../errors.js';
import type { GitHubGateway } from '../services/github/gateway.js';
import { parseRepo } from '../services/github/types.js';
import type { LinearIssue } from '../services/linear/types.js';
import { allSettledOrThrow } from '../services/http/settle.js';
import { executeAppend } from './execute-append.js';
import { failureFor } from './failure.js';
import { withGuardedRetry } from './guarded-retry.js';
import type { Journal } from './journal.js';
import { postCustomerUpdate } from './post-update.js';
import { attachPylonTicket, linkPylonTicket, setPylonPriority } from './pylon-steps.js';
import { isNewFiling, type FilingRecord, type LinearIssueResult, type NewFilingRecord } from './record.js';
import { resolveLinear, type ResolvedLinear } from './resolve-linear.js';
import { createStepRunner, type FilingServices, type StepRunner } from './step-runner.js';

export type { FilingServices } from './step-runner.js';

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
 * Runs the steps of a filing (a new ticket, an append, or a customer update) in order, recording each result in
 * the journal as soon as it exists, then posts the customer update when the engineer chose to. Every step looks
 * before it writes when an earlier attempt may have gone through, so running this again on the same record (a
 * retry, or `triage resume`) never makes a second issue, link, comment, customer request or message.
 */
export async function executeFiling(options: ExecuteOptions): Promise<FilingRecord> {
  const { record } = options;
  let current = 'start';
  const run = createStepRunner({ ...options, onStep: (step) => (current = step) });
  try {
    let githubUrl: string | undefined;
    if (record.kind === 'append') {
      await executeAppend(run as StepRunner<typeof record>);
      githubUrl = record.plan.target.github?.url;
    } else if (isNewFiling(record)) {
      await executeNewFiling(run as StepRunner<NewFilingRecord>);
      githubUrl = record.results.githubIssue?.url;
    }
    await postCustomerUpdate(run, githubUrl);
    record.status = 'complete';
    delete record.lastError;
    await run.save();
    return record;
  } catch (error) {
    record.status = 'failed';
    const message = error instanceof TriageError ? error.message : 'unexpected error';
    record.lastError = { step: current, message, at: options.now().toISOString() };
    await run.save().catch(() => {});
    throw failureFor(record, error);
  }
}

async function executeNewFiling(run: StepRunner<NewFilingRecord>): Promise<void> {
  const { record, services } = run;
  const { plan, results } = record;

  let resolved: ResolvedLinear | undefined;
  if (!results.linearIssue) {
    run.at('linearIssue');
    const linear = await services.linear();
    // Resolve names and check the repo before the first write, so a config mistake files nothing.
    [resolved] = await allSettledOrThrow([
      resolveLinear(linear, plan),
      plan.github ? services.github().then((gh) => checkRepo(gh, plan.github!.repo)) : Promise.resolve(),
    ]);
    let issue = record.attempted.linearIssue ? await linear.issueById(plan.id) : undefined;
    if (!issue) {
      record.attempted.linearIssue = true;
      await run.save();
      run.progress('Creating the Linear issue');
      issue = await withGuardedRetry(
        () =>
          linear.createIssue({
            id: plan.id,
            teamId: resolved!.teamId,
            title: plan.linear.title,
            description: plan.linear.description,
            priority: plan.linear.priority,
            stateId: resolved!.stateId,
            labelIds: resolved!.labelIds,
            ...(resolved!.assigneeId ? { assigneeId: resolved!.assigneeId } : {}),
            ...(resolved!.projectId ? { projectId: resolved!.projectId } : {}),
          }),
        () => linear.issueById(plan.id),
      );
    }
    results.linearIssue = toLinearResult(issue);
    await run.save();
  }
  const linearIssue = results.linearIssue;

  if (plan.github && !results.githubIssue) {
    run.at('githubIssue');
    const github = await services.github();
    const repo = parseRepo(plan.github.repo);
    const since = plan.createdAt;
    let issue = record.attempted.githubIssue ? await github.findIssueByMarker(repo, plan.github.marker, since) : undefined;
    if (!issue) {
      const assignees = [...plan.github.assignees];
      if (plan.github.assignViewer) assignees.push(await github.viewer());
      record.attempted.githubIssue = true;
      await run.save();
      run.progress('Creating the GitHub issue');
      issue = await withGuardedRetry(
        () =>
          github.createIssue(repo, {
            title: plan.github!.title,
            body: fillLinearSlots(plan.github!.body, linearIssue),
            labels: plan.github!.labels,
            assignees: [...new Set(assignees)],
          }),
        () => github.findIssueByMarker(repo, plan.github!.marker, since),
      );
    }
    results.githubIssue = { repo: plan.github.repo, number: issue.number, url: issue.url };
    await run.save();
  }

  const githubIssue = results.githubIssue;
  if (plan.github && githubIssue && !results.linearLink) {
    run.at('linearLink');
    const linear = await services.linear();
    record.attempted.linearLink = true;
    await run.save();
    run.progress('Linking the Linear issue to the GitHub issue');
    // Linear keeps one attachment per URL on an issue, so repeating this cannot duplicate the link.
    const attachmentId = await withGuardedRetry(
      () =>
        linear.attach({
          issueId: linearIssue.id,
          url: githubIssue.url,
          title: `GitHub ${githubIssue.repo}#${githubIssue.number}`,
          subtitle: plan.github!.title,
          metadata: { source: 'triage', filingId: plan.id },
        }),
      async () => (await linear.attachments(linearIssue.id)).find((a) => a.url === githubIssue.url)?.id,
    );
    results.linearLink = { attachmentId };
    await run.save();
  }

  if (plan.etaComment && githubIssue && !results.etaComment) {
    run.at('etaComment');
    const github = await services.github();
    const repo = parseRepo(githubIssue.repo);
    const marker = plan.etaComment.marker;
    const findComment = async () => (await github.comments(repo, githubIssue.number)).find((c) => c.body.includes(marker));
    let comment = record.attempted.etaComment ? await findComment() : undefined;
    if (!comment) {
      record.attempted.etaComment = true;
      await run.save();
      run.progress('Posting the ETA comment');
      comment = await withGuardedRetry(() => github.createComment(repo, githubIssue.number, plan.etaComment!.body), findComment);
    }
    results.etaComment = { id: comment.id, url: comment.url };
    await run.save();
  }

  if (plan.pylon) {
    const ticket = plan.pylon;
    await setPylonPriority(run, results, ticket);
    await linkPylonTicket(run, results, ticket, { linearId: linearIssue.id, github: githubIssue });
    await attachPylonTicket(run, results, ticket, { id: linearIssue.id, title: plan.linear.title });
  }
}

async function checkRepo(github: GitHubGateway, repo: string): Promise<void> {
  const info = await github.repo(parseRepo(repo));
  if (!info.hasIssues) throw new ServiceError('github', `GitHub repository ${repo} has issues turned off`);
}
