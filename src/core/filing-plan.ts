import { formatLongDate } from './calendar-date.js';
import { countKinds, mergeReview, reviewLines, type ReviewLine } from './redaction-tally.js';
import type { Draft } from './draft.js';
import type { Eta } from './eta.js';
import { describePriority, PRIORITY_LABEL, type Priority } from './priority.js';
import type { Redactor } from './redaction/types.js';
import { REQUEST_TYPE_INFO } from './request-type.js';
import type { Decision } from './rubric.js';
import type { PagePlan } from './page-plan.js';
import type { Route } from './routing.js';
import {
  LINEAR_IDENTIFIER_SLOT,
  LINEAR_URL_SLOT,
  neutralizeGitHubReferences,
  quote,
  renderTemplate,
  type TemplateSet,
} from './templates.js';

/**
 * Everything a filing will send, already redacted: the journal stores this before the first request, and
 * `--dry-run` prints it. It holds no original customer text.
 */
export interface FilingPlan {
  id: string;
  createdAt: string;
  type: Draft['type'];
  decision: Decision;
  route: Route;
  eta?: Eta;
  linear: {
    team: string;
    state: string;
    priority: number;
    title: string;
    description: string;
    assignee: Route['linear']['assignee'];
    labels: string[];
    /** A feature request's roadmap project (`linear.featureProject`), by name. */
    project?: string;
  };
  github?: {
    repo: string;
    title: string;
    /** Holds the Linear identifier slot until Linear has answered; see `fillLinearSlots`. */
    body: string;
    labels: string[];
    assignees: string[];
    assignViewer: boolean;
    marker: string;
  };
  etaComment?: { body: string; marker: string };
  /** An Urgent filing pages on-call (`oncall.page`), or says on the Linear issue why it did not (`--no-page`). */
  page?: PagePlan;
  /** Set when the filing started from a Pylon ticket: link back, and leave both priorities in agreement. */
  pylon?: PylonLinkBack & { agreedPriority: Priority };
  redactions: { linear: Record<string, number>; github: Record<string, number> };
  /** What was removed, for the engineer's review: kinds and placeholder context, never values. */
  redactionReview?: ReviewLine[];
}

/** How a filing or an append links a Pylon ticket back and leaves its priority in agreement. */
export interface PylonLinkBack {
  ticketId: string;
  number: number;
  link: string;
  fieldSlug: string;
  /** The option to write to Pylon when its priority differs from the one the issue ends with. */
  setPriorityTo?: string;
  /** The priority both sides hold once filing ends, remembered for `triage sync` (null: none). */
  agreedPriority: Priority | null;
}

/** What a plan needs of the Pylon ticket it starts from. */
export interface PylonSource {
  id: string;
  number: number;
  link: string;
  fieldSlug: string;
  priority: Priority | null;
  toPylon: Record<Priority, string>;
}

export interface PlanInput {
  id: string;
  createdAt: string;
  draft: Draft;
  decision: Decision;
  route: Route;
  eta?: Eta;
  templates: TemplateSet;
  stateNames: { prioritized: string; backlog: string };
  redactors: { linear: Redactor; github: Redactor };
  pylon?: PylonSource;
}

/** Hidden in the GitHub body so a retried filing finds the issue it already made. */
export function filingMarker(id: string): string {
  return `<!-- triage-filing:${id} -->`;
}

/** The ETA date rides in the marker, so `triage update` reads it whatever the comment's wording. */
export function etaMarker(id: string, date?: string): string {
  return `<!-- triage-eta:${id}${date ? ` eta:${date}` : ''} -->`;
}

export function fillLinearSlots(text: string, linear: { identifier: string; url: string }): string {
  return text.replaceAll(LINEAR_IDENTIFIER_SLOT, linear.identifier).replaceAll(LINEAR_URL_SLOT, linear.url);
}

function baseView(input: PlanInput) {
  const { draft, decision, eta } = input;
  const info = REQUEST_TYPE_INFO[draft.type];
  const [priorityReason = '', statusReason = ''] = decision.reasons;
  return {
    title: draft.title,
    report: draft.body.trim(),
    quotedReport: quote(draft.body),
    steps: draft.steps?.trim() || undefined,
    expected: draft.expected?.trim() || undefined,
    actual: draft.actual?.trim() || undefined,
    type: draft.type,
    typeTitle: info.title,
    typeMeaning: info.meaning,
    priority: describePriority(decision.priority),
    priorityLabel: PRIORITY_LABEL[decision.priority],
    priorityReason,
    statusReason,
    status: decision.status === 'prioritized' ? 'Prioritized' : 'Backlog',
    reasons: decision.reasons,
    manualReason: decision.source === 'manual' ? input.draft.override?.reason : undefined,
    area: draft.area,
    etaDate: eta?.date,
    etaLong: eta ? formatLongDate(eta.date) : undefined,
    etaBusinessDays: eta?.businessDays,
    /** "1 business day", "5 business days": templates should say this rather than pluralise by hand. */
    etaBusinessDaysText: eta?.businessDays === undefined ? undefined : `${eta.businessDays} business day${eta.businessDays === 1 ? '' : 's'}`,
    filingId: input.id,
    linearIdentifier: LINEAR_IDENTIFIER_SLOT,
    linearUrl: LINEAR_URL_SLOT,
  };
}

/**
 * Renders both tickets from the templates and redacts every outgoing field for its destination. The whole
 * rendered text is redacted (not only the customer's parts), so nothing a template adds can slip through.
 */
export async function planFiling(input: PlanInput): Promise<FilingPlan> {
  const { draft, decision, route, redactors } = input;
  const view = baseView(input);
  const linearView = {
    ...view,
    summary: `${view.typeTitle} reported by ${draft.customer.name}.`,
    customer: draft.customer.name,
    links: [] as string[],
  };
  const linearTitle = await redactors.linear.redact(draft.title);
  const linearSource = renderTemplate(input.templates.linearDescription, linearView);
  const linearDescription = await redactors.linear.redact(linearSource);
  const review: ReviewLine[] = [...reviewLines('linear', draft.title, linearTitle), ...reviewLines('linear', linearSource, linearDescription)];

  const plan: FilingPlan = {
    id: input.id,
    createdAt: input.createdAt,
    type: draft.type,
    decision,
    route,
    linear: {
      team: route.linear.team,
      state: decision.status === 'prioritized' ? input.stateNames.prioritized : input.stateNames.backlog,
      priority: decision.linearPriority,
      title: linearTitle.text.trim(),
      description: linearDescription.text,
      assignee: route.linear.assignee,
      labels: route.linear.labels,
    },
    redactions: { linear: countKinds([linearTitle, linearDescription]), github: {} },
  };
  if (input.eta) plan.eta = input.eta;
  if (input.pylon) {
    const { pylon } = input;
    plan.pylon = { ticketId: pylon.id, number: pylon.number, link: pylon.link, fieldSlug: pylon.fieldSlug, agreedPriority: decision.priority };
    if (pylon.priority !== decision.priority) plan.pylon.setPriorityTo = pylon.toPylon[decision.priority];
  }

  if (draft.github) {
    const githubView = {
      ...view,
      summary: `${view.typeTitle} reported by a customer.`,
      report: neutralizeGitHubReferences(view.report),
      quotedReport: quote(neutralizeGitHubReferences(draft.body)),
      steps: view.steps && neutralizeGitHubReferences(view.steps),
      expected: view.expected && neutralizeGitHubReferences(view.expected),
      actual: view.actual && neutralizeGitHubReferences(view.actual),
      customer: undefined,
    };
    const githubTitle = await redactors.github.redact(draft.title);
    const githubSource = renderTemplate(input.templates.githubBody, githubView);
    const githubBody = await redactors.github.redact(githubSource);
    assertSlotsSurvived(githubSource, githubBody.text);
    review.push(...reviewLines('github', draft.title, githubTitle), ...reviewLines('github', githubSource, githubBody));
    const marker = filingMarker(input.id);
    plan.github = {
      repo: route.github.repo,
      title: githubTitle.text.trim(),
      body: `${githubBody.text.trimEnd()}\n\n${marker}\n`,
      labels: route.github.labels,
      assignees: route.github.assignees,
      assignViewer: route.github.assignViewer,
      marker,
    };
    const results = [githubTitle, githubBody];
    if (input.eta && draft.type === 'complex') {
      const comment = await redactors.github.redact(renderTemplate(input.templates.etaComment, githubView));
      const etaMark = etaMarker(input.id, input.eta.date);
      plan.etaComment = { body: `${comment.text.trimEnd()}\n\n${etaMark}\n`, marker: etaMark };
      results.push(comment);
    }
    plan.redactions.github = countKinds(results);
  }
  if (review.length) plan.redactionReview = mergeReview(review);
  return plan;
}

/** The Linear slots must come through redaction untouched, or the GitHub issue would not name its ticket. */
function assertSlotsSurvived(before: string, after: string): void {
  for (const slot of [LINEAR_IDENTIFIER_SLOT, LINEAR_URL_SLOT]) {
    if (before.split(slot).length !== after.split(slot).length) {
      throw new Error('Redaction altered the Linear reference in the GitHub body; nothing was filed');
    }
  }
}
