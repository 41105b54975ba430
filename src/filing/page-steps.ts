import { pageLinks, pageStep, pageSummary, pageText, type PageLinks, type PagePlan, type PageTarget } from '../core/page-plan.js';
import { ServiceError } from '../errors.js';
import type { SlackMessage } from '../services/slack/gateway.js';
import { withGuardedRetry } from './guarded-retry.js';
import type { NewFilingRecord, PageResult } from './record.js';
import type { StepRunner } from './step-runner.js';

/** Slack's clock and ours may disagree a little: a message this much older than our attempt still counts. */
const CLOCK_SKEW_S = 300;

/** The metadata event triage's Slack pages carry, so a resumed run recognises its own post. */
export const SLACK_PAGE_EVENT = 'triage_page';

/**
 * Checks, before anything is filed, that every paging target can be reached at all (its secret is set and
 * well-formed): a missing PAGERDUTY_ROUTING_KEY stops the filing with nothing created, not half-way through.
 */
export async function checkPaging(run: StepRunner<NewFilingRecord>, page: PagePlan | undefined): Promise<void> {
  if (!page || page.skip) return;
  for (const target of page.targets) await gatewayFor(run, target);
}

async function gatewayFor(run: StepRunner, target: PageTarget) {
  const services = run.services;
  if (target.type === 'pagerduty') return { kind: 'pagerduty' as const, gateway: await services.pagerduty() };
  if (target.channel) return { kind: 'slack-bot' as const, gateway: await services.slack(), channel: target.channel };
  return { kind: 'slack-webhook' as const, gateway: await services.slackWebhook() };
}

/**
 * Pages every target of an Urgent filing, once each, with the links that exist. PagerDuty: a trigger with the
 * filing's dedup key, which PagerDuty folds into one incident however often it is sent, so it is retried like a
 * read. Slack with a bot token: the attempt is journaled first; a run that finds an attempt (or a fault that may
 * have posted) looks in the channel for the post carrying our dedup key before posting. Slack through a webhook
 * cannot read the channel: it is posted at most once, and an attempt whose answer was lost is recorded as
 * `unconfirmed`, never posted again.
 */
export async function pageOnCall(run: StepRunner<NewFilingRecord>, issues: PageLinks): Promise<void> {
  const { record } = run;
  const links = pageLinks(issues);
  const page = record.plan.page;
  if (!page) return;
  if (page.skip) return recordSkip(run, page.skip, links);
  const results = (record.results.page ??= {});
  for (const target of page.targets) {
    if (results[target.type]) continue;
    run.at(pageStep(target.type));
    const reach = await gatewayFor(run, target);
    const at = () => run.now().toISOString();
    let result: PageResult;
    if (reach.kind === 'pagerduty') {
      (record.pageAttempts ??= {}).pagerduty ??= at();
      await run.save();
      run.progress('Paging on-call through PagerDuty');
      const answer = await reach.gateway.trigger({
        dedupKey: page.dedupKey,
        summary: pageSummary(page, links),
        source: 'triage',
        severity: target.type === 'pagerduty' ? target.severity : 'critical',
        clientUrl: links.linear.url,
        links: [{ href: links.linear.url, text: `Linear ${links.linear.identifier}` }, ...(links.github ? [{ href: links.github.url, text: `GitHub ${links.github.repo}#${links.github.number}` }] : [])],
        customDetails: { reason: page.reason, linear: links.linear.url, ...(links.github ? { github: links.github.url } : {}), filing: record.id },
      });
      result = { status: 'sent', dedupKey: answer.dedupKey || page.dedupKey, at: at() };
    } else if (reach.kind === 'slack-bot') {
      const slack = reach.gateway;
      const mine = (messages: SlackMessage[]) =>
        messages.find((m) => m.metadata?.event_type === SLACK_PAGE_EVENT && m.metadata.event_payload?.dedup_key === page.dedupKey) ?? messages.find((m) => m.text.includes(`ref ${page.dedupKey}`));
      const lookup = async () => {
        const since = record.pageAttempts?.slack;
        if (!since) return undefined;
        return mine(await slack.history(reach.channel, Date.parse(since) / 1000 - CLOCK_SKEW_S));
      };
      let found = await lookup();
      if (!found) {
        (record.pageAttempts ??= {}).slack = at();
        await run.save();
        run.progress(`Paging on-call in Slack channel ${reach.channel}`);
        const message = { text: pageText(page, links), metadata: { event_type: SLACK_PAGE_EVENT, event_payload: { dedup_key: page.dedupKey, filing_id: record.id } } };
        try {
          const posted = await slack.postMessage(reach.channel, message);
          found = { ts: posted.ts, text: message.text };
        } catch (error) {
          // Slack may have posted before the fault: look once, and post again only on a later run that looks too.
          if (!(error instanceof ServiceError) || !error.transient) throw error;
          found = await lookup();
          if (!found) throw error;
        }
      }
      result = { status: 'sent', dedupKey: page.dedupKey, at: at(), channel: reach.channel, ts: found.ts };
    } else {
      if (record.pageAttempts?.slack) {
        // An earlier run sent it and never heard back. A webhook cannot be read: at most once, so not again.
        result = { status: 'unconfirmed', dedupKey: page.dedupKey, at: record.pageAttempts.slack };
      } else {
        (record.pageAttempts ??= {}).slack = at();
        await run.save();
        run.progress('Paging on-call in Slack (webhook)');
        try {
          await reach.gateway.post({ text: pageText(page, links) });
          result = { status: 'sent', dedupKey: page.dedupKey, at: at() };
        } catch (error) {
          if (error instanceof ServiceError && error.transient && error.status === undefined) {
            // No answer (timeout, dropped connection): it may be in the channel. Not sent twice.
            result = { status: 'unconfirmed', dedupKey: page.dedupKey, at: record.pageAttempts.slack };
          } else {
            // Slack answered and refused: nothing was posted, so a resume may send it.
            delete record.pageAttempts.slack;
            await run.save();
            throw error;
          }
        }
      }
    }
    results[target.type] = result;
    await run.save();
  }
}

/** `--no-page`: a comment on the Linear issue says why nobody was paged. Client-supplied id: never twice. */
async function recordSkip(run: StepRunner<NewFilingRecord>, skip: NonNullable<PagePlan['skip']>, links: PageLinks): Promise<void> {
  const { record } = run;
  if (record.results.pageSkipped) return;
  run.at('pageSkipped');
  const linear = await run.services.linear();
  const issue = record.results.linearIssue!;
  const lookup = () => linear.commentById(skip.commentId);
  let comment = record.attempted.pageSkipped ? await lookup() : undefined;
  if (!comment) {
    record.attempted.pageSkipped = true;
    await run.save();
    run.progress(`Recording on ${links.linear.identifier} why on-call was not paged`);
    comment = await withGuardedRetry(() => linear.createComment({ id: skip.commentId, issueId: issue.id, body: skip.body }), lookup);
  }
  record.results.pageSkipped = { commentId: comment.id, url: comment.url };
  await run.save();
}
