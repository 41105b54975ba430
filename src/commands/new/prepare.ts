import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import type { TriageConfig } from '../../config/config.js';
import { planAppend, type AppendPlan, type AppendTarget } from '../../core/append-plan.js';
import { calendarDateOf } from '../../core/calendar-date.js';
import { draftCustomerUpdate, filingSituation, GITHUB_URL_SLOT, type CustomerUpdateDraft } from '../../core/customer-update.js';
import type { Draft } from '../../core/draft.js';
import { etaFromPolicy, parseEta, type Eta } from '../../core/eta.js';
import { planFiling, type FilingPlan } from '../../core/filing-plan.js';
import { createRedactors } from '../../core/filing-redactors.js';
import { updateMarker } from '../../core/message-html.js';
import { DEFAULT_NO_PAGE_REASON, planPage } from '../../core/page-plan.js';
import type { Priority } from '../../core/priority.js';
import { route, type Route } from '../../core/routing.js';
import { decide, type Decision } from '../../core/rubric.js';
import { fitReport, LIMITS, titleProblem } from '../../core/limits.js';
import { hasControls, neutralizeControls } from '../../core/text-safety.js';
import { UsageError } from '../../errors.js';
import type { NewOptions } from './options.js';

/** Options with every required field present. */
export type CompleteOptions = NewOptions & Required<Pick<NewOptions, 'title' | 'body' | 'type' | 'customer'>>;

/** What will be sent: a new ticket, or an append to an existing one. */
export type Prepared = { kind: 'new'; plan: FilingPlan } | { kind: 'append'; plan: AppendPlan };

/** A prepared filing and the customer update drafted for it, both redacted. */
export interface Planned {
  prepared: Prepared;
  update: CustomerUpdateDraft;
}

export function decisionFor(options: Pick<NewOptions, 'type' | 'impact' | 'priority' | 'reason'>, config: TriageConfig): Decision {
  const outcome = decide(
    {
      type: options.type!,
      ...(options.impact ? { impact: options.impact } : {}),
      ...(options.priority ? { override: { priority: options.priority, reason: options.reason ?? '' } } : {}),
    },
    config.rubric,
  );
  if (outcome.ok) return outcome.decision;
  const error = outcome.error;
  if (error.kind === 'unknown-impact') {
    throw new UsageError(`Unknown --impact "${error.value}". Valid impacts: ${error.valid.join(', ')}`, {
      hint: '`triage rubric` explains each one.',
    });
  }
  if (error.kind === 'override-without-reason') throw new UsageError('--priority needs --reason: say why the rubric does not apply');
  throw new UsageError('Pass --impact (or --priority with --reason)');
}

/** `github.skipForQuickFix` makes `--no-github` the default for quick fixes; `--github` turns it back on. */
export function draftFrom(options: CompleteOptions, config: TriageConfig): Draft {
  const github = options.github ?? !(options.type === 'quick-fix' && config.github.skipForQuickFix);
  const draft: Draft = {
    title: options.title,
    body: options.body,
    type: options.type,
    customer: { name: options.customer, domains: options.customerDomains, contacts: options.contacts },
    terms: options.terms,
    labels: options.labels,
    github,
  };
  if (options.impact) draft.impact = options.impact;
  if (options.priority) draft.override = { priority: options.priority, reason: options.reason ?? '' };
  for (const key of ['area', 'steps', 'expected', 'actual'] as const) {
    const value = options[key];
    if (value) draft[key] = value;
  }
  return draft;
}

/** Complex issues always get an ETA (the policy's, or `--eta`); other types only when `--eta` asks. */
export function etaFor(options: NewOptions, decision: Decision, config: TriageConfig, now: Date): Eta | undefined {
  const today = calendarDateOf(now, config.eta.timeZone);
  if (options.eta) {
    const parsed = parseEta(options.eta, today, config.eta);
    if (!parsed.ok) throw new UsageError(parsed.message);
    return parsed.eta;
  }
  return options.type === 'complex' ? etaFromPolicy(today, decision.priority, config.eta) : undefined;
}

function routeFor(draft: Draft, decision: Decision, config: TriageConfig, options: { newTicket: boolean } = { newTicket: true }): Route {
  const routed = route(
    { type: draft.type, labels: draft.labels, title: draft.title, body: draft.body, ...(draft.area ? { area: draft.area } : {}) },
    decision,
    config.routing,
  );
  if (!options.newTicket) return routed;
  // The roadmap: a new feature ticket carries the configured label (the project is set on the plan).
  const label = config.linear.featureLabel;
  if (draft.type === 'feature' && label && !routed.linear.labels.some((l) => l.toLowerCase() === label.toLowerCase())) {
    routed.linear.labels = [...routed.linear.labels, label];
    routed.reasons.push(`Roadmap: feature requests get the label "${label}"`);
  }
  if (draft.type === 'feature' && config.linear.featureProject) routed.reasons.push(`Roadmap: feature requests go into the project "${config.linear.featureProject}"`);
  return routed;
}

/** The routed team and repo for these options, before anything is planned (the candidate search needs them). */
export function routeOf(options: CompleteOptions, config: TriageConfig): Route {
  const decision = decisionFor(options, config);
  return routeFor(draftFrom(options, config), decision, config);
}

/**
 * Before anything is redacted or planned: a title the services would refuse stops here (exit 2), and a report
 * too long for an issue keeps its beginning and end (the issue says what was left out, and so does stderr).
 * Shortened first, so a 20 MB paste is not redacted in full only to be cut.
 */
function fitToLimits(ctx: Context, options: CompleteOptions): void {
  // Escape sequences and other controls in customer text are made inert before anything shows or files it.
  if (hasControls(options.title) || hasControls(options.body)) {
    options.title = neutralizeControls(options.title);
    options.body = neutralizeControls(options.body);
    ctx.io.warn('The report holds terminal control characters (escape sequences, bidi overrides, …): they are shown and filed as visible symbols such as ␛.');
  }
  const problem = titleProblem(options.title.trim());
  if (problem) throw new UsageError(`--title: ${problem}`, { hint: 'Shorten it: the details belong in the description (--body).' });
  const fitted = fitReport(options.body);
  if (fitted.removed) {
    const was = options.body.length;
    options.body = fitted.text;
    ctx.io.warn(
      `The report is ${was.toLocaleString('en-US')} characters, more than an issue holds: its beginning and end are kept, and ${fitted.removed.characters.toLocaleString('en-US')} characters (${fitted.removed.lines.toLocaleString('en-US')} lines) from the middle are left out (the issue says so). Attach the full log to the Pylon ticket if the team needs it.`,
    );
  }
}

/** What was planned must fit too: placeholders can be longer than what they replace. */
function checkPlannedLimits(plan: { linear: { title: string; description: string }; github?: { title: string; body: string } | undefined; etaComment?: { body: string } | undefined }): void {
  const texts: Array<[string, string, number]> = [
    ['Linear title', plan.linear.title, LIMITS.title],
    ['Linear description', plan.linear.description, LIMITS.body],
    ...(plan.github ? ([['GitHub title', plan.github.title, LIMITS.title], ['GitHub body', plan.github.body, LIMITS.body]] as Array<[string, string, number]>) : []),
    ...(plan.etaComment ? ([['GitHub ETA comment', plan.etaComment.body, LIMITS.body]] as Array<[string, string, number]>) : []),
  ];
  for (const [what, text, limit] of texts) {
    if (text.length > limit) throw new UsageError(`The ${what} would be ${text.length.toLocaleString('en-US')} characters; it holds ${limit.toLocaleString('en-US')}. Nothing was filed.`, { hint: 'Shorten --title or --body (or the templates in the config).' });
  }
}

/** A new ticket: the redacted plan and its customer update. No network, no credentials. */
export async function prepareNew(ctx: Context, options: CompleteOptions, config: TriageConfig, id: string = randomUUID()): Promise<Planned> {
  fitToLimits(ctx, options);
  const decision = decisionFor(options, config);
  const draft = draftFrom(options, config);
  const eta = etaFor(options, decision, config, ctx.now());
  const redactors = createRedactors(draft, config);
  const plan = await planFiling({
    id,
    createdAt: ctx.now().toISOString(),
    draft,
    decision,
    route: routeFor(draft, decision, config),
    ...(eta ? { eta } : {}),
    templates: config.templates,
    stateNames: config.linear.states,
    redactors,
    ...(options.pylonTicket ? { pylon: options.pylonTicket } : {}),
  });
  if (draft.type === 'feature' && config.linear.featureProject) plan.linear.project = config.linear.featureProject;
  checkPlannedLimits(plan);
  const urgent = decision.priority === 'urgent';
  if (urgent && options.noPage && options.noPageReason === undefined && config.oncall.page.length && ctx.io.interactive && !options.noInput) {
    // Skipping a page is a decision someone will ask about: the wizard asks why, once, and Linear records it.
    options.noPageReason = (await ctx.prompter.input('Why is on-call not being paged for this Urgent issue?', { default: DEFAULT_NO_PAGE_REASON })).trim();
  }
  const page = await planPage({
    filingId: plan.id,
    urgent,
    title: draft.title,
    reason: decision.reasons[0] ?? 'Urgent',
    targets: config.oncall.page,
    ...(options.noPage ? { skip: { reason: options.noPageReason ?? '', commentId: randomUUID() } } : {}),
    redactors,
  });
  if (page) plan.page = page;
  const update = await draftCustomerUpdate({
    situation: filingSituation({ type: draft.type, priority: decision.priority, appended: false }),
    facts: {
      title: plan.github?.title ?? (await redactors.github.redact(draft.title)).text.trim(),
      priority: decision.priority,
      githubUrl: plan.github ? GITHUB_URL_SLOT : undefined,
      etaDate: eta?.date,
      onCall: plan.route.onCall,
    },
    templates: config.templates.customerUpdate,
    redactor: redactors.github,
    marker: updateMarker(plan.id),
  });
  return { prepared: { kind: 'new', plan }, update };
}

/** An append to an existing ticket: both comments, the customer request and the update, redacted. No network. */
export async function prepareAppend(
  ctx: Context,
  options: CompleteOptions,
  config: TriageConfig,
  existing: { target: AppendTarget; priority: Priority | null },
  id: string = randomUUID(),
): Promise<Planned> {
  fitToLimits(ctx, options);
  const decision = decisionFor(options, config);
  const draft = draftFrom(options, config);
  const redactors = createRedactors(draft, config);
  const plan = await planAppend({
    id,
    createdAt: ctx.now().toISOString(),
    draft,
    decision,
    route: routeFor(draft, decision, config, { newTicket: false }),
    target: existing.target,
    templates: config.templates,
    redactors,
    ...(options.pylonTicket ? { pylon: options.pylonTicket } : {}),
    ids: { comment: randomUUID(), need: randomUUID() },
    targetPriority: existing.priority,
  });
  // --no-github keeps the request off the GitHub issue; the update may still point the customer at it.
  if (!draft.github) delete plan.githubComment;
  for (const [what, text] of [['Linear comment', plan.linearComment.body], ['GitHub comment', plan.githubComment?.body ?? '']] as const) {
    if (text.length > LIMITS.body) throw new UsageError(`The ${what} would be ${text.length.toLocaleString('en-US')} characters; it holds ${LIMITS.body.toLocaleString('en-US')}. Nothing was filed.`, { hint: 'Shorten --body.' });
  }
  const update = await draftCustomerUpdate({
    situation: 'appended',
    facts: { title: (await redactors.github.redact(draft.title)).text.trim(), priority: existing.priority ?? undefined, githubUrl: existing.target.github?.url },
    templates: config.templates.customerUpdate,
    redactor: redactors.github,
    marker: updateMarker(id),
  });
  return { prepared: { kind: 'append', plan }, update };
}
