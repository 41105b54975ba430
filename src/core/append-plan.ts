import type { Draft } from './draft.js';
import type { PylonLinkBack, PylonSource } from './filing-plan.js';
import { countKinds } from './redaction-tally.js';
import type { Redactor } from './redaction/types.js';
import type { Decision } from './rubric.js';
import type { Route } from './routing.js';
import type { Priority } from './priority.js';
import { describePriority } from './priority.js';
import { neutralizeGitHubReferences, quote, renderTemplate, type TemplateSet } from './templates.js';

/**
 * A feature request that joins an existing ticket instead of opening a new one: what the append will send,
 * already redacted per destination (the journal stores this before the first request; `--dry-run` prints it).
 */
export interface AppendTarget {
  id: string;
  identifier: string;
  url: string;
  title: string;
  /** Linear's number: 0 none, 1 urgent … 4 low. */
  priority: number;
  state: string;
  team: string;
  assignee: string | null;
  branchName: string;
  /** Its linked GitHub issue (from the Linear issue's GitHub attachment), if any. */
  github?: { repo: string; number: number; url: string };
}

export interface AppendPlan {
  id: string;
  createdAt: string;
  type: 'feature';
  /** The rubric's view of this customer's request; the existing ticket keeps its own priority. */
  decision: Decision;
  route: Route;
  /** The request's title as Linear keeps it (redacted), for listings. */
  title: string;
  target: AppendTarget;
  /** The client-supplied comment id is what makes a retried create harmless and a resumed one findable. */
  linearComment: { id: string; body: string };
  githubComment?: { body: string; marker: string };
  /** Who is asking, for Linear's customer requests: found by Pylon account id, else domain, else name. */
  customer: { name: string; externalId?: string; domains: string[] };
  customerNeed: { id: string; body: string };
  /** Set when the request came from a Pylon ticket: it is linked to the existing issues and follows their priority. */
  /** agreedPriority is the existing Linear issue's priority, which the ticket now shares (null: it has none). */
  pylon?: PylonLinkBack;
  redactions: { linear: Record<string, number>; github: Record<string, number> };
}

export interface AppendPylonSource extends PylonSource {
  accountId?: string;
}

export interface AppendInput {
  id: string;
  createdAt: string;
  draft: Draft;
  decision: Decision;
  route: Route;
  target: AppendTarget;
  templates: Pick<TemplateSet, 'linearAppendComment' | 'githubAppendComment'>;
  redactors: { linear: Redactor; github: Redactor };
  pylon?: AppendPylonSource;
  /** Fresh UUIDs for the Linear comment and the customer need. */
  ids: { comment: string; need: string };
  /** The existing issue's priority as a triage priority, or null when it has none. */
  targetPriority: Priority | null;
}

export function appendMarker(id: string): string {
  return `<!-- triage-append:${id} -->`;
}

/** Renders both comments and the customer request, and redacts every one for where it goes. */
export async function planAppend(input: AppendInput): Promise<AppendPlan> {
  const { draft, decision, redactors } = input;
  const [priorityReason = ''] = decision.reasons;
  const marker = appendMarker(input.id);
  const report = draft.body.trim();

  const linearTitle = await redactors.linear.redact(draft.title);
  const linearComment = await redactors.linear.redact(
    renderTemplate(input.templates.linearAppendComment, {
      title: draft.title,
      report,
      quotedReport: quote(draft.body),
      customer: draft.customer.name,
      priority: describePriority(decision.priority),
      priorityReason,
      area: draft.area,
      pylonNumber: input.pylon?.number,
      filingId: input.id,
    }),
  );
  const needBody = await redactors.linear.redact(`${draft.title}\n\n${quote(report.length > 1000 ? `${report.slice(0, 1000)}…` : report)}`);

  const plan: AppendPlan = {
    id: input.id,
    createdAt: input.createdAt,
    type: 'feature',
    decision,
    route: input.route,
    title: linearTitle.text.trim(),
    target: input.target,
    linearComment: { id: input.ids.comment, body: `${linearComment.text.trimEnd()}\n\n${marker}\n` },
    customer: { name: draft.customer.name, domains: [...draft.customer.domains] },
    customerNeed: { id: input.ids.need, body: needBody.text },
    redactions: { linear: countKinds([linearTitle, linearComment, needBody]), github: {} },
  };
  if (input.pylon?.accountId) plan.customer.externalId = input.pylon.accountId;

  if (input.target.github) {
    const githubComment = await redactors.github.redact(
      renderTemplate(input.templates.githubAppendComment, {
        title: neutralizeGitHubReferences(draft.title),
        report: neutralizeGitHubReferences(report),
        quotedReport: quote(neutralizeGitHubReferences(draft.body)),
        priority: describePriority(decision.priority),
        priorityReason,
        area: draft.area,
        linearIdentifier: input.target.identifier,
        filingId: input.id,
      }),
    );
    plan.githubComment = { body: `${githubComment.text.trimEnd()}\n\n${marker}\n`, marker };
    plan.redactions.github = countKinds([githubComment]);
  }

  if (input.pylon) {
    const { pylon } = input;
    plan.pylon = { ticketId: pylon.id, number: pylon.number, link: pylon.link, fieldSlug: pylon.fieldSlug, agreedPriority: input.targetPriority };
    if (input.targetPriority && pylon.priority !== input.targetPriority) plan.pylon.setPriorityTo = pylon.toPylon[input.targetPriority];
  }
  return plan;
}
