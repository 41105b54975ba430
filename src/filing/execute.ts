import { fillLinearSlots } from '../core/filing-plan.js';
import { AuthError, ConfigError, ServiceError, TriageError } from '../errors.js';
import type { GitHubGateway } from '../services/github/gateway.js';
import { parseRepo } from '../services/github/types.js';
import type { LinearIssue } from '../services/linear/types.js';
import { allSettledOrThrow } from '../services/http/settle.js';
import { executeAppend } from './execute-append.js';
import { failureFor } from './failure.js';
import { withGuardedRetry } from './guarded-retry.js';
import type { Journal } from './journal.js';
import { checkPaging, pageOnCall } from './page-steps.js';
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
  /** SIGINT/SIGTERM: stop between steps, journal, and report what exists. */
  signal?: AbortSignal;
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
    await settleLinearIssue(options, error);
    const failedAt = current;
    // Not when paging itself failed: one attempt per run, so a Slack post is never sent twice in a run.
    if (!failedAt.startsWith('page')) await pageDespiteFailure(run, record);
    record.status = 'failed';
    const message = error instanceof TriageError ? error.message : 'unexpected error';
    record.lastError = { step: failedAt, message, at: options.now().toISOString() };
    await run.save().catch(() => {});
    throw failureFor(record, error);
  }
}

/**
 * A Linear create that failed with an answer (not a timeout) is looked up once more by its client id: either it
 * is there (and recorded), or it is certainly not, so a filing that stopped there is known to have created nothing.
 */
async function settleLinearIssue(options: ExecuteOptions, error: unknown): Promise<void> {
  const { record } = options;
  if (!isNewFiling(record) || !record.attempted.linearIssue || record.results.linearIssue || mayStillLand(error)) return;
  try {
    const found = await (await options.services.linear()).issueById(record.plan.id);
    if (found) record.results.linearIssue = toLinearResult(found);
    else delete record.attempted.linearIssue;
  } catch {
    // Linear cannot be asked now: the create stays uncertain, and a resume looks for it first.
  }
}

/** A request that got no answer (a timeout, an interrupt) may still be processed by the service after this. */
export function mayStillLand(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'RequestTimeoutError' || name === 'AbortError' || name === 'InterruptedError') return true;
  }
  return false;
}

/**
 * An Urgent filing that stops after its Linear issue exists still pages on-call, with the links that exist: a
 * GitHub or Pylon fault never delays waking someone. A page that fails here too is left for `triage resume`.
 */
async function pageDespiteFailure(run: StepRunner, record: FilingRecord): Promise<void> {
  if (!isNewFiling(record) || !record.plan.page || record.plan.page.skip || !record.results.linearIssue) return;
  const github = record.results.githubIssue;
  await pageOnCall(run as StepRunner<NewFilingRecord>, { linear: record.results.linearIssue, github }).catch(() => {});
}

async function executeNewFiling(run: StepRunner<NewFilingRecord>): Promise<void> {
  const { record, services } = run;
  const { plan, results } = record;

  let resolved: ResolvedLinear | undefined;
  if (!results.linearIssue) {
    run.at('linearIssue');
    const linear = await services.linear();
    // Every precondition before the first write (names, the repo and write access to it, the other tokens), so a
    // config or permission mistake files nothing.
    [resolved] = await allSettledOrThrow([
      resolveLinear(linear, plan),
      plan.github ? services.github().then((gh) => checkRepo(gh, plan.github!.repo, plan.route.name)) : Promise.resolve(),
      plan.github?.assignViewer ? services.github().then((gh) => gh.viewer()) : Promise.resolve(),
      plan.pylon || record.update?.post ? services.pylon() : Promise.resolve(),
      checkPaging(run, plan.page),
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
  // On-call is paged as soon as both links exist; linking, the ETA and Pylon do not hold it up.
  if (plan.page) await pageOnCall(run, { linear: linearIssue, github: githubIssue });

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

/** The repository exists, takes issues, and the token may write to it (labels and assignees need push access). */
async function checkRepo(github: GitHubGateway, repo: string, routeName: string): Promise<void> {
  let info;
  try {
    info = await github.repo(parseRepo(repo));
  } catch (error) {
    // GitHub answers 404 both for a repository that does not exist and for one the token cannot see.
    if (error instanceof ServiceError && error.status === 404) {
      const field = routeName === 'default' ? 'routing.default.github.repo' : `routing.routes "${routeName}" github.repo (or routing.default.github.repo)`;
      throw new ConfigError(`GitHub repository ${repo} was not found, or the token in GITHUB_TOKEN cannot see it; nothing was filed`, {
        hint: `The repository comes from ${field} in your config: fix the name, or give the token access to it. \`triage doctor\` checks every routed repository.`,
        cause: error,
      });
    }
    throw error;
  }
  if (!info.hasIssues) throw new ConfigError(`GitHub repository ${repo} has issues turned off`, { hint: 'Turn issues on in the repository settings, or route to another repository in your config.' });
  if (!info.canPush) {
    throw new AuthError('github', `The token in GITHUB_TOKEN (or GH_TOKEN) cannot write to ${repo} (GitHub says permissions.push is false); nothing was filed`, {
      hint: 'Use a token with write access to the repository (fine-grained: "Issues: read and write" plus "Contents: read"), or route elsewhere; `triage doctor` checks it.',
    });
  }
}
