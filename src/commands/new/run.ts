import { breakCommand } from '../../cli/help-fit.js';
import type { Context } from '../../context.js';
import type { TriageConfig } from '../../config/config.js';
import { CANDIDATE_RULES, type ScoredCandidate } from '../../core/candidates.js';
import { createRedactors } from '../../core/filing-redactors.js';
import { throwIfInterrupted } from '../../cli/interrupts.js';
import { CancelledError, CandidatesFoundError, InterruptedError, UsageError } from '../../errors.js';
import { loadDraft, saveDraft, type SavedDraft } from '../../filing/drafts.js';
import { executeFiling } from '../../filing/execute.js';
import type { FileJournal } from '../../filing/file-journal.js';
import { withFilingLock } from '../../filing/lock.js';
import { openJournal } from '../../filing/open-journal.js';
import { appendRecord, newRecord, nothingCreated, type AppendRecord, type FilingRecord, type NewFilingRecord } from '../../filing/record.js';
import { readAppendTarget } from './append-target.js';
import { searchCandidates, type CandidateSearch } from './candidates.js';
import { checkTypeFlags, missingFlags, type NewOptions, type PylonTicketInfo } from './options.js';
import { decisionFor, draftFrom, prepareAppend, prepareNew, routeOf, type CompleteOptions, type Planned } from './prepare.js';
import { pylonReason } from './pylon-reason.js';

export { decisionFor, draftFrom, etaFor, type CompleteOptions } from './prepare.js';

/** What was planned or filed: the result `--json` prints. */
export type NewResult =
  | { kind: 'dry-run'; planned: Planned; candidates: CandidateSearch | null }
  | { kind: 'filed'; record: NewFilingRecord | AppendRecord; candidates: CandidateSearch | null };

export type NewOutcome =
  | NewResult
  /** The Pylon ticket was already linked and the engineer chose to update the customer on that issue instead. */
  | { kind: 'update-instead'; identifier: string };

export interface RunNewHooks {
  /** Called once the plan is known and before anything is filed (not after the wizard, which showed it). */
  onPlanned?: (planned: Planned, candidates: CandidateSearch | null) => void;
  /** Called once filed, before the wizard offers to post the customer update. */
  onFiled?: (record: NewFilingRecord | AppendRecord) => void;
  /** Called when the update was posted after the wizard asked. */
  onPosted?: (record: NewFilingRecord | AppendRecord) => void;
}

export async function runNew(ctx: Context, options: NewOptions, hooks: RunNewHooks = {}): Promise<NewOutcome> {
  ctx.useConfigPath(options.configPath);
  if (options.recoverPath) applyDraft(options, await loadDraft(ctx.cwd, options.recoverPath));
  if (startsFromNothing(options) && ctx.io.interactive && !options.noInput && !options.dryRun) {
    const { askStartingPoint } = await import('./queue-question.js');
    const ticket = await askStartingPoint(ctx).catch((error: unknown) => {
      throw error instanceof CancelledError || error instanceof InterruptedError ? nothingFiled(error) : error;
    });
    if (ticket) options.pylon = ticket;
  }
  if (options.pylon) {
    const { prefillFromPylon } = await import('./pylon-prefill.js');
    options.pylonTicket = await prefillFromPylon(ctx, options, await ctx.config());
  }
  // Prompts only when the engineer is at a terminal; otherwise name every missing flag and stop (never hang).
  const canPrompt = ctx.io.interactive && !options.noInput;
  if (options.pylonTicket?.linked?.length) {
    const { checkAlreadyLinked } = await import('./linked-ticket.js');
    const decision = await checkAlreadyLinked(ctx, options, canPrompt);
    if (decision.kind === 'update') return { kind: 'update-instead', identifier: decision.identifier };
  }
  const missing = missingFlags(options);
  if (missing.length && !canPrompt) {
    const why = options.noInput ? '--no-input was given' : 'there is no terminal to ask in';
    throw new UsageError(`Missing ${missing.join(', ')} (${why})`, { hint: 'See `triage new --help` for examples.' });
  }
  const config = await ctx.config();
  let planned: Planned;
  let candidates: CandidateSearch | null;
  const wizard = canPrompt && !options.dryRun && (missing.length > 0 || !options.yes);
  if (wizard) {
    ({ planned, candidates } = await runWizardSavingDraft(ctx, config, options));
  } else {
    applyPrioritySource(options, config);
    checkTypeFlags(options);
    ({ planned, candidates } = await stoppingCleanly(ctx, config, options, { keepDraft: false }, () => planScripted(ctx, options as CompleteOptions, config)));
    if (!options.dryRun) hooks.onPlanned?.(planned, candidates);
  }
  if (options.dryRun) return { kind: 'dry-run', planned, candidates };

  const journal = await openJournal(ctx);
  const now = ctx.now().toISOString();
  const record: NewFilingRecord | AppendRecord = planned.prepared.kind === 'new' ? newRecord(planned.prepared.plan, now) : appendRecord(planned.prepared.plan, now);
  record.update = { ...planned.update };
  if (options.post && options.pylonTicket) record.update.post = { mode: options.post, targets: [postTarget(options.pylonTicket)] };
  record.source = await draftOf(ctx, config, options);
  // A signal while planning: nothing was journaled, nothing filed.
  throwIfInterrupted(ctx.interrupts.signal);
  // Journaled before the first request: whatever happens next, `triage resume` can finish it.
  await journal.save(record);
  try {
    await runFilingSteps(ctx, journal, record);
  } catch (error) {
    // Nothing exists (the preconditions failed, or the first write was refused): there is nothing to resume, and
    // the message says what to fix. A write that may have landed keeps the entry, so resume looks for it first.
    if (nothingCreated(record)) await journal.remove(record.id);
    throw error;
  }
  hooks.onFiled?.(record);

  // The wizard asks before anything reaches the customer; a script posts only with --reply or --note.
  if (wizard && options.pylonTicket && !record.update.post && !options.yes) {
    const { askToPost } = await import('./wizard.js');
    const mode = await askToPost(ctx, options.pylonTicket);
    if (mode) {
      record.update.post = { mode, targets: [postTarget(options.pylonTicket)] };
      await runFilingSteps(ctx, journal, record);
      hooks.onPosted?.(record);
    }
  }
  return { kind: 'filed', record, candidates };
}

/** Nothing says what the request is yet: the wizard may offer the engineer's Pylon queue first. */
function startsFromNothing(options: NewOptions): boolean {
  return !options.pylon && !options.recoverPath && !options.title && !options.body && !options.customer && !options.appendTo;
}

function postTarget(ticket: PylonTicketInfo) {
  return { ticketId: ticket.id, number: ticket.number };
}

/**
 * A scripted run: `--append-to` reads the ticket to join; a feature without `--new` is first compared with the
 * open tickets, and a strong match stops it (exit 2) unless this is a dry run, which shows the candidates.
 */
async function planScripted(ctx: Context, options: CompleteOptions, config: TriageConfig): Promise<{ planned: Planned; candidates: CandidateSearch | null }> {
  if (options.type === 'feature' && options.appendTo) {
    const existing = await readAppendTarget(ctx, options.appendTo);
    return { planned: await prepareAppend(ctx, options, config, existing), candidates: null };
  }
  let candidates: CandidateSearch | null = null;
  if (options.type === 'feature' && !options.newTicket) {
    candidates = await findCandidates(ctx, options, config);
    const strong = candidates.candidates.filter((c) => c.strong);
    if (strong.length && !options.dryRun) throw candidatesError(strong);
  }
  return { planned: await prepareNew(ctx, options, config), candidates };
}

/** The routed team's open tickets (and the routed repo's) that this feature request may duplicate. */
export async function findCandidates(ctx: Context, options: CompleteOptions, config: TriageConfig): Promise<CandidateSearch> {
  const draft = draftFrom(options, config);
  const routed = routeOf(options, config);
  ctx.io.progress('Looking for similar open tickets');
  return searchCandidates(ctx, {
    title: draft.title,
    body: draft.body,
    redactor: createRedactors(draft, config).github,
    teamKey: routed.linear.team,
    repo: draft.github ? routed.github.repo : undefined,
    dryRun: options.dryRun,
    featureMarks: { label: config.linear.featureLabel, project: config.linear.featureProject },
  });
}

export function candidateJson(c: ScoredCandidate) {
  return { identifier: c.identifier, title: c.title, url: c.url, state: c.state.name, score: c.score, strong: c.strong, github: c.github?.url ?? null };
}

function candidatesError(strong: ScoredCandidate[]): CandidatesFoundError {
  const lines = strong.map((c) => `  ${c.identifier}  ${c.title}\n  ${' '.repeat(c.identifier.length)}  ${c.url}  (score ${c.score.toFixed(2)})`);
  const first = strong[0]!.identifier;
  return new CandidatesFoundError(
    `This feature request looks like ${strong.length === 1 ? 'an open ticket' : `${strong.length} open tickets`}; nothing was filed:\n${lines.join('\n')}`,
    strong.map(candidateJson),
    { hint: `Append it with --append-to ${first}, or open a new ticket with --new (strong: score ≥ ${CANDIDATE_RULES.strongScore}; see README).` },
  );
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

/** `~/…` for a path under the home directory, as a shell reads it back: the command then fits a terminal line. */
function homeRelative(file: string, home: string): string {
  const base = home.replace(/\/+$/, '');
  return base && file.startsWith(`${base}/`) && !/\s/.test(file) ? `~${file.slice(base.length)}` : file;
}

async function runWizardSavingDraft(ctx: Context, config: TriageConfig, options: NewOptions): Promise<{ planned: Planned; candidates: CandidateSearch | null }> {
  const { NewWizard } = await import('./wizard.js');
  return stoppingCleanly(ctx, config, options, { keepDraft: true }, () => new NewWizard(ctx, config, options).run());
}

/**
 * A Ctrl-C, Esc or signal at any question before filing (the wizard's, or the one a scripted `--no-page` run
 * still asks in a terminal) is a plain "nothing was filed", never a bare "Cancelled"; with `keepDraft`, a
 * description the engineer typed is saved (redacted) and the message says how to pick it up again.
 */
async function stoppingCleanly<T>(ctx: Context, config: TriageConfig, options: NewOptions, how: { keepDraft: boolean }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CancelledError) && !(error instanceof InterruptedError)) throw error;
    // Nothing had been typed worth keeping: say what happened, plainly.
    if (!how.keepDraft || !options.body) throw nothingFiled(error);
    const file = await saveDraftOf(ctx, config, options);
    const shown = homeRelative(file, ctx.paths.home);
    const command = breakCommand(`triage new --recover ${shown}`, Math.min(ctx.io.columns, 100), '  ', '').join('\n');
    throw nothingFiled(error, `Your draft was saved (redacted). Recover it with:\n${command}`);
  }
}

/** A Ctrl-C, Esc or signal before filing, said plainly: "Cancelled: nothing was filed" (exit 130 for a signal). */
function nothingFiled(error: CancelledError | InterruptedError, hint?: string): CancelledError | InterruptedError {
  const options = hint ? { hint } : {};
  if (error instanceof InterruptedError) return new InterruptedError(error.signal, `Interrupted (${error.signal}): nothing was filed`, options);
  return new CancelledError('Cancelled: nothing was filed', options);
}

/** The draft is stored as the Linear policy redacts it: no secret reaches the disk. */
async function saveDraftOf(ctx: Context, config: TriageConfig, options: NewOptions): Promise<string> {
  return saveDraft(ctx.paths.stateDir, await draftOf(ctx, config, options));
}

/**
 * What the engineer asked for, as a draft: the text as the Linear policy redacts it, and the redaction context
 * (customer, domains, contacts, terms) as given, so the same request redacts the same way when it is recovered
 * or re-planned. Kept only in files readable by the user alone (drafts and the journal are 0600).
 */
export async function draftOf(ctx: Context, config: TriageConfig, options: NewOptions): Promise<SavedDraft> {
  const redactor = createRedactors(draftFrom({ ...options, title: options.title ?? '', body: options.body ?? '', type: options.type ?? 'complex', customer: options.customer ?? '' } as CompleteOptions, config), config).linear;
  const draft: SavedDraft = { version: 1, savedAt: ctx.now().toISOString() };
  for (const key of ['title', 'body', 'reason', 'steps', 'expected', 'actual'] as const) {
    const value = options[key];
    if (value) draft[key] = (await redactor.redact(value)).text;
  }
  if (options.type) draft.type = options.type;
  if (options.impact) draft.impact = options.impact;
  if (options.priority) draft.priority = options.priority;
  if (options.customer) draft.customer = options.customer;
  if (options.area) draft.area = options.area;
  if (options.labels.length) draft.labels = options.labels;
  if (options.customerDomains.length) draft.customerDomains = options.customerDomains;
  if (options.contacts.length) draft.contacts = options.contacts;
  if (options.terms.length) draft.terms = options.terms;
  if (options.eta) draft.eta = options.eta;
  if (options.github !== undefined) draft.github = options.github;
  if (options.newTicket) draft.newTicket = true;
  if (options.appendTo) draft.appendTo = options.appendTo;
  if (options.post) draft.post = options.post;
  if (options.pylonTicket) draft.pylonTicket = options.pylonTicket;
  return draft;
}

/** Flags given on this run win over the draft. */
export function applyDraft(options: NewOptions, draft: SavedDraft): void {
  const fill = <K extends 'title' | 'body' | 'type' | 'impact' | 'priority' | 'reason' | 'customer' | 'area' | 'steps' | 'expected' | 'actual' | 'eta' | 'github' | 'appendTo' | 'post'>(key: K) => {
    if (options[key] === undefined && draft[key] !== undefined) (options as Record<K, unknown>)[key] = draft[key];
  };
  for (const key of ['title', 'body', 'type', 'impact', 'priority', 'reason', 'customer', 'area', 'steps', 'expected', 'actual', 'eta', 'github', 'appendTo', 'post'] as const) fill(key);
  if (options.labels.length === 0 && draft.labels) options.labels = draft.labels;
  if (options.customerDomains.length === 0 && draft.customerDomains) options.customerDomains = draft.customerDomains;
  if (options.contacts.length === 0 && draft.contacts) options.contacts = draft.contacts;
  if (options.terms.length === 0 && draft.terms) options.terms = draft.terms;
  if (draft.newTicket) options.newTicket = true;
  if (!options.pylonTicket && draft.pylonTicket) options.pylonTicket = { ...draft.pylonTicket, toPylon: draft.pylonTicket.toPylon as PylonTicketInfo['toPylon'] };
}

/** Runs (or resumes) a journaled filing under its lock. Shared by `triage new`, `triage update` and `triage resume`. */
export function runFilingSteps(ctx: Context, journal: FileJournal, record: FilingRecord): Promise<FilingRecord> {
  return withFilingLock(journal.lockPathFor(record.id), ctx.processInfo, () => ctx.now(), () =>
    executeFiling({
      record,
      journal,
      services: { linear: () => ctx.linear(), github: () => ctx.github(), pylon: () => ctx.pylon(), pagerduty: () => ctx.pagerduty(), slack: () => ctx.slack(), slackWebhook: () => ctx.slackWebhook() },
      now: () => ctx.now(),
      progress: (message) => ctx.io.progress(message),
      signal: ctx.interrupts.signal,
    }),
  );
}
