import type { Redactor } from './redaction/types.js';

/**
 * Paging on-call for an Urgent filing. What a page says is planned (and redacted) with the filing, before anything
 * is sent: the title and the rubric's reason, redacted with the GitHub policy (a page lands on phones and in
 * channels that are not the support tool), and the links triage itself makes. The page's text is put together
 * when it is sent, from these parts and the links that exist by then.
 */

export type PageTargetType = 'pagerduty' | 'slack';

export type PageTarget = { type: 'pagerduty'; severity: 'critical' | 'error' | 'warning' | 'info' } | { type: 'slack'; channel?: string };

export interface PagePlan {
  /** PagerDuty folds every event with this key into one incident; Slack's post carries it as metadata. */
  dedupKey: string;
  /** Redacted with the GitHub policy. */
  title: string;
  /** The rubric's reason, redacted with the GitHub policy ("Urgent: critical system outage"). */
  reason: string;
  targets: PageTarget[];
  /** `--no-page`: nobody is paged, and why is recorded on the Linear issue as a comment (client id below). */
  skip?: { reason: string; commentId: string; body: string };
}

export interface PageLinks {
  linear: { identifier: string; url: string };
  github?: { repo: string; number: number; url: string } | undefined;
}

/**
 * Linear's issue URLs end in a slug of the title (`/issue/SUP-12/checkout-down-for-globex`), which is the
 * customer's unredacted wording; the URL works without it, so a page carries only `/issue/SUP-12`.
 */
export function linearUrlWithoutSlug(url: string, identifier: string): string {
  const part = `/issue/${identifier}`;
  const at = url.indexOf(part);
  const next = url[at + part.length];
  if (at < 0 || (next !== undefined && next !== '/' && next !== '?' && next !== '#')) return url;
  return url.slice(0, at + part.length);
}

/** The links as a page shows them. */
export function pageLinks(links: PageLinks): PageLinks {
  return { linear: { identifier: links.linear.identifier, url: linearUrlWithoutSlug(links.linear.url, links.linear.identifier) }, github: links.github };
}

/** Derived from the filing id: a retry or a resume sends the same key, so it never opens a second incident. */
export function pageDedupKey(filingId: string): string {
  return `triage-${filingId}`;
}

export function pageStep(type: PageTargetType): string {
  return `page:${type}`;
}

export const PAGE_TARGET_LABEL: Record<PageTargetType, string> = { pagerduty: 'PagerDuty', slack: 'Slack' };

export function describeTarget(target: PageTarget): string {
  if (target.type === 'pagerduty') return `PagerDuty (${target.severity})`;
  return target.channel ? `Slack channel ${target.channel}` : 'Slack (incoming webhook)';
}

/** PagerDuty's summary is at most 1024 characters: the title is cut, never the identifier. */
export function pageSummary(page: Pick<PagePlan, 'title'>, links: PageLinks): string {
  const prefix = `[Urgent] ${links.linear.identifier}: `;
  const room = 1024 - prefix.length;
  const title = page.title.length > room ? `${page.title.slice(0, room - 1)}…` : page.title;
  return `${prefix}${title}`;
}

/** The Slack message (mrkdwn). Slack would turn `<...>` and `&` into markup, so the free text is escaped. */
export function pageText(page: Pick<PagePlan, 'title' | 'reason' | 'dedupKey'>, links: PageLinks): string {
  const lines = [`:rotating_light: *Urgent: ${slackEscape(page.title)}*`, slackEscape(page.reason), `Linear: <${links.linear.url}|${links.linear.identifier}>`];
  if (links.github) lines.push(`GitHub: <${links.github.url}|${links.github.repo}#${links.github.number}>`);
  lines.push(`_Filed with triage · ref ${page.dedupKey}_`);
  return lines.join('\n');
}

export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function skipCommentBody(reason: string): string {
  return `**On-call was not paged** for this Urgent issue (\`triage new --no-page\`).\n\nReason: ${reason}\n`;
}

export const DEFAULT_NO_PAGE_REASON = 'skipped with --no-page (no reason given)';

/**
 * The page of an Urgent filing, or undefined when there is nothing to page (not Urgent, or no `oncall.page`
 * targets). Everything free-form is redacted here, before the journal holds it.
 */
export async function planPage(input: {
  filingId: string;
  urgent: boolean;
  title: string;
  reason: string;
  targets: readonly PageTarget[];
  skip?: { reason: string; commentId: string };
  redactors: { github: Redactor; linear: Redactor };
}): Promise<PagePlan | undefined> {
  if (!input.urgent || input.targets.length === 0) return undefined;
  const [title, reason] = await Promise.all([input.redactors.github.redact(input.title), input.redactors.github.redact(input.reason)]);
  const page: PagePlan = { dedupKey: pageDedupKey(input.filingId), title: oneLine(title.text), reason: oneLine(reason.text), targets: input.targets.map((t) => ({ ...t })) };
  if (input.skip) {
    // The reason goes to Linear only, so the Linear policy applies (like the rest of the Linear issue).
    const why = oneLine((await input.redactors.linear.redact(input.skip.reason)).text) || DEFAULT_NO_PAGE_REASON;
    page.skip = { reason: why, commentId: input.skip.commentId, body: skipCommentBody(why) };
  }
  return page;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
