import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { CancelledError, ConfigError, UsageError } from '../../errors.js';
import { loadDraft, saveDraft, type SavedDraft } from '../../filing/drafts.js';
import { calendarDateOf } from '../../core/calendar-date.js';
import type { Draft } from '../../core/draft.js';
import { etaFromPolicy, parseEta, type Eta } from '../../core/eta.js';
import { planFiling, type FilingPlan } from '../../core/filing-plan.js';
import { decide, type Decision } from '../../core/rubric.js';
import { route } from '../../core/routing.js';
import type { TriageConfig } from '../../config/config.js';
import { createRedactors } from '../../core/filing-redactors.js';
import { executeFiling } from '../../filing/execute.js';
import { newRecord, type FilingRecord } from '../../filing/record.js';
import { openJournal } from '../../filing/open-journal.js';
import { withFilingLock } from '../../filing/lock.js';
import type { FileJournal } from '../../filing/file-journal.js';
import { missingFlags, type NewOptions } from './options.js';
import { pylonReason } from './pylon-reason.js';

export type NewResult = { kind: 'dry-run'; plan: FilingPlan } | { kind: 'filed'; record: FilingRecord };

/** Options with every required field present. */
export type CompleteOptions = NewOptions & Required<Pick<NewOptions, 'title' | 'body' | 'type' | 'customer'>>;

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

/** Builds the redacted plan from complete options: no network, no credentials. */
export async function buildPlan(ctx: Context, options: CompleteOptions, config: TriageConfig): Promise<FilingPlan> {
  const decision = decisionFor(options, config);
  const draft = draftFrom(options, config);
  const eta = etaFor(options, decision, config, ctx.now());
  const routed = route(
    { type: draft.type, labels: draft.labels, title: draft.title, body: draft.body, ...(draft.area ? { area: draft.area } : {}) },
    decision,
    config.routing,
  );
  return planFiling({
    id: randomUUID(),
    createdAt: ctx.now().toISOString(),
    draft,
    decision,
    route: routed,
    ...(eta ? { eta } : {}),
    templates: config.templates,
    stateNames: config.linear.states,
    redactors: createRedactors(draft, config),
    ...(options.pylonTicket ? { pylon: options.pylonTicket } : {}),
  });
}

export interface RunNewHooks {
  /** Called once the plan is known and before anything is filed (not after the wizard, which showed it). */
  onPlanned?: (plan: FilingPlan) => void;
}

export async function runNew(ctx: Context, options: NewOptions, hooks: RunNewHooks = {}): Promise<NewResult> {
  ctx.useConfigPath(options.configPath);
  if (options.recoverPath) applyDraft(options, await loadDraft(ctx.cwd, options.recoverPath));
  if (options.pylon) {
    const { prefillFromPylon } = await import('./pylon-prefill.js');
    options.pylonTicket = await prefillFromPylon(ctx, options, await ctx.config());
  }
  const missing = missingFlags(options);
  // Prompts only when both ends are a terminal; otherwise name every missing flag and stop (never hang).
  const canPrompt = ctx.io.interactive && !options.noInput;
  if (missing.length && !canPrompt) {
    const why = options.noInput ? '--no-input was given' : 'there is no terminal to ask in';
    throw new UsageError(`Missing ${missing.join(', ')} (${why})`, { hint: 'See `triage new --help` for examples.' });
  }
  const config = await ctx.config();
  let plan: FilingPlan;
  if (canPrompt && !options.dryRun && (missing.length > 0 || !options.yes)) {
    plan = await runWizardSavingDraft(ctx, config, options);
  } else {
    applyPrioritySource(options, config);
    plan = await buildPlan(ctx, options as CompleteOptions, config);
    if (!options.dryRun) hooks.onPlanned?.(plan);
  }
  if (options.dryRun) return { kind: 'dry-run', plan };

  const journal = await openJournal(ctx);
  const record = newRecord(plan, ctx.now().toISOString());
  // Journaled before the first request: whatever happens next, `triage resume` can finish it.
  await journal.save(record);
  try {
    return { kind: 'filed', record: await runFilingSteps(ctx, journal, record) };
  } catch (error) {
    // A config or usage mistake found before anything was created: resuming this plan could never work.
    const nothingCreated = Object.keys(record.results).length === 0;
    if (nothingCreated && (error instanceof ConfigError || error instanceof UsageError)) await journal.remove(record.id);
    throw error;
  }
}

/**
 * When the rubric and the Pylon ticket disagree, a scripted run follows --priority-source: "pylon" makes
 * the ticket's priority a manual one with its reason; "rubric" (the default) leaves the plan to update Pylon.
 */
export function applyPrioritySource(options: NewOptions, config: TriageConfig): void {
  const ticket = options.pylonTicket;
  if (!ticket?.priority || options.priority || options.prioritySource !== 'pylon' || !options.type) return;
  const rubric = decisionFor(options, config);
  if (rubric.priority === ticket.priority) return;
  options.priority = ticket.priority;
  options.reason = pylonReason(ticket, ticket.priority);
}

async function runWizardSavingDraft(ctx: Context, config: TriageConfig, options: NewOptions): Promise<FilingPlan> {
  const { NewWizard } = await import('./wizard.js');
  try {
    return (await new NewWizard(ctx, config, options).run()).plan;
  } catch (error) {
    if (!(error instanceof CancelledError) || !options.body) throw error;
    const file = await saveDraftOf(ctx, config, options);
    throw new CancelledError('Cancelled: nothing was filed', {
      hint: `Your draft was saved (redacted) to ${file}\nRecover it with: triage new --recover ${file}`,
    });
  }
}

/** The draft is stored as the Linear policy redacts it: no secret or personal data reaches the disk. */
async function saveDraftOf(ctx: Context, config: TriageConfig, options: NewOptions): Promise<string> {
  const redactor = createRedactors(draftFrom({ ...options, title: options.title ?? '', body: options.body ?? '', type: options.type ?? 'complex', customer: options.customer ?? '' } as CompleteOptions, config), config).linear;
  const draft: SavedDraft = { version: 1, savedAt: ctx.now().toISOString() };
  if (options.title) draft.title = (await redactor.redact(options.title)).text;
  if (options.body) draft.body = (await redactor.redact(options.body)).text;
  if (options.reason) draft.reason = (await redactor.redact(options.reason)).text;
  if (options.type) draft.type = options.type;
  if (options.impact) draft.impact = options.impact;
  if (options.priority) draft.priority = options.priority;
  if (options.customer) draft.customer = options.customer;
  if (options.area) draft.area = options.area;
  if (options.labels.length) draft.labels = options.labels;
  return saveDraft(ctx.paths.stateDir, draft);
}

/** Flags given on this run win over the draft. */
function applyDraft(options: NewOptions, draft: SavedDraft): void {
  const fill = <K extends 'title' | 'body' | 'type' | 'impact' | 'priority' | 'reason' | 'customer' | 'area'>(key: K) => {
    if (options[key] === undefined && draft[key] !== undefined) (options as Record<K, unknown>)[key] = draft[key];
  };
  for (const key of ['title', 'body', 'type', 'impact', 'priority', 'reason', 'customer', 'area'] as const) fill(key);
  if (options.labels.length === 0 && draft.labels) options.labels = draft.labels;
}

/** Runs (or resumes) a journaled filing under its lock. Shared by `triage new` and `triage resume`. */
export function runFilingSteps(ctx: Context, journal: FileJournal, record: FilingRecord): Promise<FilingRecord> {
  return withFilingLock(journal.lockPathFor(record.id), ctx.processInfo, () => ctx.now(), () =>
    executeFiling({
      record,
      journal,
      services: { linear: () => ctx.linear(), github: () => ctx.github(), pylon: () => ctx.pylon() },
      now: () => ctx.now(),
      progress: (message) => ctx.io.info(ctx.io.color.dim(`… ${message}`)),
    }),
  );
}
