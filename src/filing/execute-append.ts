import { FailureError } from '../errors.js';
import type { LinearGateway } from '../services/linear/gateway.js';
import { parseRepo } from '../services/github/types.js';
import { withGuardedRetry } from './guarded-retry.js';
import { attachPylonTicket, linkPylonTicket, setPylonPriority } from './pylon-steps.js';
import type { AppendRecord } from './record.js';
import type { StepRunner } from './step-runner.js';

/**
 * Appends a feature request to an existing ticket: the request as a comment on the Linear issue and on its
 * GitHub issue, the customer recorded as asking for it (Linear's customer requests), and the Pylon ticket linked
 * to both. Nothing new is filed. Every step can be repeated: the Linear comment and the customer request carry
 * client-supplied ids, the GitHub comment a hidden marker, and each is looked up before it is made again.
 */
export async function executeAppend(run: StepRunner<AppendRecord>): Promise<void> {
  const { record } = run;
  const { plan, results } = record;
  const target = plan.target;

  if (!results.linearComment) {
    run.at('linearComment');
    const linear = await run.services.linear();
    const lookup = () => linear.commentById(plan.linearComment.id);
    let comment = record.attempted.linearComment ? await lookup() : undefined;
    if (!comment) {
      record.attempted.linearComment = true;
      await run.save();
      run.progress(`Adding the request to ${target.identifier} as a comment`);
      comment = await withGuardedRetry(() => linear.createComment({ id: plan.linearComment.id, issueId: target.id, body: plan.linearComment.body }), lookup);
    }
    results.linearComment = comment;
    await run.save();
  }

  if (plan.githubComment && target.github && !results.githubComment) {
    run.at('githubComment');
    const github = await run.services.github();
    const repo = parseRepo(target.github.repo);
    const number = target.github.number;
    const marker = plan.githubComment.marker;
    const lookup = async () => (await github.comments(repo, number)).find((c) => c.body.includes(marker));
    let comment = record.attempted.githubComment ? await lookup() : undefined;
    if (!comment) {
      record.attempted.githubComment = true;
      await run.save();
      run.progress(`Adding the request to GitHub issue ${target.github.repo}#${number}`);
      comment = await withGuardedRetry(() => github.createComment(repo, number, plan.githubComment!.body), lookup);
    }
    results.githubComment = { id: comment.id, url: comment.url };
    await run.save();
  }

  if (plan.pylon) await attachPylonTicket(run, results, plan.pylon, { id: target.id, title: target.title });

  if (!results.customer) {
    run.at('customer');
    const linear = await run.services.linear();
    run.progress(`Recording ${plan.customer.name} as a customer in Linear`);
    results.customer = { id: await upsertCustomer(linear, plan.customer) };
    await run.save();
  }

  if (!results.customerNeed) {
    run.at('customerNeed');
    const linear = await run.services.linear();
    const lookup = () => linear.customerNeedById(plan.customerNeed.id);
    let needId = record.attempted.customerNeed ? await lookup() : undefined;
    if (!needId) {
      record.attempted.customerNeed = true;
      await run.save();
      run.progress(`Recording the customer's request on ${target.identifier}`);
      const input = {
        id: plan.customerNeed.id,
        customerId: results.customer.id,
        issueId: target.id,
        body: plan.customerNeed.body,
        ...(results.pylonAttachment ? { attachmentId: results.pylonAttachment.attachmentId } : {}),
      };
      needId = await withGuardedRetry(() => linear.createCustomerNeed(input), lookup);
    }
    results.customerNeed = { id: needId };
    await run.save();
  }

  if (plan.pylon) {
    await setPylonPriority(run, results, plan.pylon);
    await linkPylonTicket(run, results, plan.pylon, { linearId: target.id, github: target.github });
  }
}

/**
 * Linear's customer upsert, keyed the way the process says: the Pylon account id (as externalId) when the
 * request came from Pylon, else a domain, else the name. The customer is looked up by all three first, so a
 * repeat finds the one made before (and a customer first known by domain gains the Pylon id).
 */
async function upsertCustomer(linear: LinearGateway, customer: AppendRecord['plan']['customer']): Promise<string> {
  const found = await linear.customersMatching({ ...(customer.externalId ? { externalId: customer.externalId } : {}), domains: customer.domains, name: customer.name });
  const lower = (s: string) => s.toLowerCase();
  const existing =
    (customer.externalId ? found.find((c) => c.externalIds.includes(customer.externalId!)) : undefined) ??
    found.find((c) => c.domains.some((d) => customer.domains.map(lower).includes(lower(d)))) ??
    found.find((c) => lower(c.name) === lower(customer.name));
  if (existing) return linear.upsertCustomer({ id: existing.id, ...(customer.externalId ? { externalId: customer.externalId } : {}) });
  if (!customer.name.trim()) throw new FailureError('The customer has no name to record in Linear');
  return linear.upsertCustomer({
    name: customer.name,
    ...(customer.externalId ? { externalId: customer.externalId } : {}),
    ...(customer.domains.length ? { domains: customer.domains } : {}),
  });
}
