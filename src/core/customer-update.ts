import { formatLongDate } from './calendar-date.js';
import { describePriority, PRIORITY_LABEL, type Priority } from './priority.js';
import type { RequestType } from './request-type.js';
import { renderTemplate } from './templates.js';

/**
 * The update a support engineer sends the customer after filing, and later on (`triage update`). One template
 * per situation, Mustache like the ticket templates, each replaceable in config (`templates.customerUpdate.*`).
 * The text goes to the customer, so it carries no internal detail: no Linear link, no customer or contact name
 * (the draft is redacted with the GitHub policy after rendering anyway).
 */
export const UPDATE_SITUATIONS = ['quickFix', 'complex', 'feature', 'urgent', 'appended', 'status', 'done', 'canceled', 'etaMissed'] as const;
export type UpdateSituation = (typeof UPDATE_SITUATIONS)[number];

export type CustomerUpdateTemplates = Record<UpdateSituation, string>;

/**
 * Stands in a filing's draft for the GitHub issue's URL until GitHub has answered (like the Linear slots of
 * templates.ts), so the draft can be rendered and redacted before anything is filed.
 */
export const GITHUB_URL_SLOT = 'TRIAGE_GITHUB_URL';

export function fillGitHubUrl(text: string, url: string | undefined): string {
  return text.replaceAll(GITHUB_URL_SLOT, url ?? '');
}

export const DEFAULT_CUSTOMER_UPDATE_TEMPLATES: CustomerUpdateTemplates = {
  quickFix: `Thanks for reporting this. We have confirmed the problem and an engineer is working on a fix right now.
{{#githubUrl}}

You can follow the fix here: {{githubUrl}}
{{/githubUrl}}
`,
  complex: `Thanks for reporting this. We have logged it with our engineering team, who are investigating.
{{#etaLong}}

Our current estimate for a resolution is {{etaLong}}. We will let you know if that changes.
{{/etaLong}}
{{#githubUrl}}

You can follow progress here: {{githubUrl}}
{{/githubUrl}}
`,
  feature: `Thanks for the suggestion. We have added it to our product Backlog as a feature request.

Feature requests are discussed and prioritized when we plan a future production cycle, so this will not be acted on right away. We will let you know when it is scheduled.
{{#githubUrl}}

You can follow it here: {{githubUrl}}
{{/githubUrl}}
`,
  urgent: `Thanks for alerting us. We are treating this as urgent: {{#onCall}}our on-call engineer is on it now{{/onCall}}{{^onCall}}the team is working on it now{{/onCall}}, and we will keep you updated as we make progress.
{{#etaLong}}

Our current estimate for a resolution is {{etaLong}}.
{{/etaLong}}
{{#githubUrl}}

You can follow progress here: {{githubUrl}}
{{/githubUrl}}
`,
  appended: `Thanks for the suggestion. It is already on our list, and we have added your request to it so the team knows you are asking for it too.

It is in our product Backlog and will be discussed and addressed in a future production cycle, so it will not be acted on right away. We will let you know when it is scheduled.
{{#githubUrl}}

You can follow it here: {{githubUrl}}
{{/githubUrl}}
`,
  status: `Here is an update on "{{title}}": {{#urgent}}it is being treated as urgent{{#onCall}} and our on-call engineer is on it{{/onCall}}; {{/urgent}}{{#inProgress}}the team is working on it now{{/inProgress}}{{#planned}}it is prioritized and scheduled for the team{{/planned}}{{#backlog}}it is in our product Backlog and will be discussed and addressed in a future production cycle{{/backlog}}.
{{#etaLong}}

Our current estimate for a resolution is {{etaLong}}.
{{/etaLong}}
{{#githubUrl}}

You can follow progress here: {{githubUrl}}
{{/githubUrl}}
`,
  done: `Good news: "{{title}}" has been resolved. Please let us know if you still see the problem.
{{#githubUrl}}

Details: {{githubUrl}}
{{/githubUrl}}
`,
  canceled: `An update on "{{title}}": the team has closed this request without making a change ({{stateName}}). If it still matters to you, reply here and we will look at it again.
`,
  etaMissed: `An update on "{{title}}": we had estimated a resolution by {{missedEtaLong}}, and we are sorry it is taking longer. The team is still working on it{{#inProgress}} now{{/inProgress}}, and we will let you know as soon as it is resolved.
{{#githubUrl}}

You can follow progress here: {{githubUrl}}
{{/githubUrl}}
`,
};

/** After a filing (or an append): the request type decides, Urgent speaks first, a feature is never "urgent". */
export function filingSituation(input: { type: RequestType; priority: Priority; appended: boolean }): UpdateSituation {
  if (input.appended) return 'appended';
  if (input.type === 'feature') return 'feature';
  if (input.priority === 'urgent') return 'urgent';
  return input.type === 'quick-fix' ? 'quickFix' : 'complex';
}

/** `triage update`: from the Linear issue's workflow state type. */
export function statusSituation(stateType: string): UpdateSituation {
  if (stateType === 'completed') return 'done';
  if (stateType === 'canceled') return 'canceled';
  return 'status';
}

export interface UpdateFacts {
  /** The title as it may be shown to the customer (the GitHub issue's, or redacted for GitHub). */
  title: string;
  priority?: Priority | undefined;
  githubUrl?: string | undefined;
  etaDate?: string | undefined;
  onCall?: boolean;
  stateName?: string;
  stateType?: string;
  /** The ETA that has passed (etaMissed). */
  missedEtaDate?: string | undefined;
}

/** Every value a customer-update template may use (README lists them). */
export function updateView(facts: UpdateFacts): Record<string, unknown> {
  const type = facts.stateType ?? '';
  return {
    title: facts.title,
    githubUrl: facts.githubUrl,
    etaDate: facts.etaDate,
    etaLong: facts.etaDate ? formatLongDate(facts.etaDate) : undefined,
    onCall: Boolean(facts.onCall),
    urgent: facts.priority === 'urgent',
    priority: facts.priority ? describePriority(facts.priority) : undefined,
    priorityLabel: facts.priority ? PRIORITY_LABEL[facts.priority] : undefined,
    stateName: facts.stateName,
    backlog: type === 'backlog' || type === 'triage',
    planned: type === 'unstarted',
    inProgress: type === 'started',
    missedEtaDate: facts.missedEtaDate,
    missedEtaLong: facts.missedEtaDate ? formatLongDate(facts.missedEtaDate) : undefined,
  };
}

export function renderCustomerUpdate(templates: CustomerUpdateTemplates, situation: UpdateSituation, facts: UpdateFacts): string {
  return renderTemplate(templates[situation], updateView(facts));
}

/** A customer update as a filing keeps it: rendered and redacted before anything is filed. */
export interface CustomerUpdateDraft {
  situation: UpdateSituation;
  /** Redacted with the GitHub policy; may hold GITHUB_URL_SLOT until the GitHub issue exists. */
  text: string;
  /** Hidden in what is posted to Pylon, so a resumed run finds its own message. */
  marker: string;
}

/**
 * Renders the situation's template and redacts the result with the GitHub policy: the customer may forward it
 * anywhere, so it gets the strictest policy. The URL slot must come through redaction untouched.
 */
export async function draftCustomerUpdate(input: {
  situation: UpdateSituation;
  facts: UpdateFacts;
  templates: CustomerUpdateTemplates;
  redactor: { redact(text: string): Promise<{ text: string }> };
  marker: string;
}): Promise<CustomerUpdateDraft> {
  const rendered = renderCustomerUpdate(input.templates, input.situation, input.facts);
  const redacted = await input.redactor.redact(rendered);
  if (rendered.split(GITHUB_URL_SLOT).length !== redacted.text.split(GITHUB_URL_SLOT).length) {
    throw new Error('Redaction altered the GitHub link of the customer update; nothing was filed');
  }
  return { situation: input.situation, text: redacted.text, marker: input.marker };
}
