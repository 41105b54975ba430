import type { AppendPlan } from '../core/append-plan.js';
import type { CustomerUpdateDraft } from '../core/customer-update.js';
import type { FilingPlan } from '../core/filing-plan.js';
import type { SavedDraft } from './drafts.js';
import { PAGE_TARGET_LABEL, pageStep, type PageTargetType } from '../core/page-plan.js';

export type StepName =
  | 'linearIssue'
  | 'githubIssue'
  | 'linearLink'
  | 'etaComment'
  | 'pylonPriority'
  | 'pylonLink'
  | 'pylonAttachment'
  | 'linearComment'
  | 'githubComment'
  | 'customer'
  | 'customerNeed'
  | 'pageSkipped';

export const STEP_DESCRIPTIONS: Record<StepName, string> = {
  linearIssue: 'Linear issue',
  githubIssue: 'GitHub issue',
  linearLink: 'link from the Linear issue to the GitHub issue',
  etaComment: 'ETA comment on the GitHub issue',
  pylonPriority: "Pylon ticket's priority",
  pylonLink: 'link from the Pylon ticket to the new issues',
  pylonAttachment: 'link from the Linear issue to the Pylon ticket',
  linearComment: "the customer's request as a comment on the Linear issue",
  githubComment: "the customer's request as a comment on the GitHub issue",
  customer: 'the customer in Linear',
  customerNeed: "the customer's request recorded on the Linear issue",
  pageSkipped: 'the reason on-call was not paged, as a comment on the Linear issue',
};

export interface LinearIssueResult {
  id: string;
  identifier: string;
  url: string;
  branchName: string;
  priority: number;
  state: string;
  assignee?: string;
}

export interface GitHubIssueResult {
  repo: string;
  number: number;
  url: string;
}

/** A Pylon ticket the customer update goes to. */
export interface PostTarget {
  ticketId: string;
  number: number;
}

/** The drafted customer update, and (once the engineer chose it) where and how it is posted. */
export interface CustomerUpdateRecord extends CustomerUpdateDraft {
  /** Set by `--reply` / `--note` or the wizard's answer: without it nothing is ever posted. */
  post?: { mode: 'reply' | 'note'; targets: PostTarget[] };
}

/** How a page went out. `unconfirmed`: a webhook post whose answer was lost; webhooks are sent at most once. */
export interface PageResult {
  status: 'sent' | 'unconfirmed';
  dedupKey: string;
  at: string;
  /** Slack: where it was posted. */
  channel?: string;
  ts?: string;
}

interface PostResults {
  /** By Pylon ticket id: the message posted there. */
  posted?: Record<string, { mode: 'reply' | 'note'; messageId: string }>;
}

interface RecordBase {
  version: 1;
  /**
   * What the engineer asked for (Linear-redacted text and the redaction context), so a filing that created
   * nothing is re-planned from the current config on resume. Records written before this have none.
   */
  source?: SavedDraft;
  id: string;
  status: 'in-progress' | 'complete' | 'failed';
  attempted: Partial<Record<StepName, boolean>>;
  /**
   * When posting to each Pylon ticket was first tried. A reply or note is not idempotent: a resumed run first
   * looks among the ticket's messages posted since then.
   */
  postAttempts?: Record<string, string>;
  update?: CustomerUpdateRecord;
  /** The last failure, as shown to the engineer (no tokens, no customer text). */
  lastError?: { step: string; message: string; at: string };
  updatedAt: string;
}

/** A new ticket: a Linear issue and its GitHub issue, linked. Records written before kinds existed have no `kind`. */
export interface NewFilingRecord extends RecordBase {
  kind?: 'new';
  plan: FilingPlan;
  /**
   * When paging each target was first tried. A Slack post is not idempotent: a resumed run first looks in the
   * channel for its own message (bot token), or does not post again (webhook: at most once).
   */
  pageAttempts?: Partial<Record<PageTargetType, string>>;
  results: PostResults & {
    linearIssue?: LinearIssueResult;
    /** By target: the page that went out. */
    page?: Partial<Record<PageTargetType, PageResult>>;
    /** `--no-page`: the comment on the Linear issue saying why. */
    pageSkipped?: { commentId: string; url: string };
    /** `oncall.resolveOnDone`: the PagerDuty incident was resolved once the issue was Done or Canceled. */
    pageResolved?: { at: string; state: string };
    githubIssue?: GitHubIssueResult;
    linearLink?: { attachmentId: string };
    etaComment?: { id: number; url: string };
    pylonPriority?: { value: string };
    pylonLink?: { sources: string[] };
    pylonAttachment?: { attachmentId: string };
  };
}

/** A feature request joining an existing ticket: comments on both sides and a customer request, no new issue. */
export interface AppendRecord extends RecordBase {
  kind: 'append';
  plan: AppendPlan;
  results: PostResults & {
    linearComment?: { id: string; url: string };
    githubComment?: { id: number; url: string };
    pylonAttachment?: { attachmentId: string };
    customer?: { id: string };
    customerNeed?: { id: string };
    pylonPriority?: { value: string };
    pylonLink?: { sources: string[] };
  };
}

/** `triage update --reply/--note`: posting a fresh update to the Pylon tickets of an issue. */
export interface UpdatePlan {
  id: string;
  createdAt: string;
  issue: { id: string; identifier: string; url: string; title: string };
}

export interface UpdateRecord extends RecordBase {
  kind: 'update';
  plan: UpdatePlan;
  results: PostResults;
}

/**
 * A filing as the journal keeps it: the redacted plan, what each step produced, and which steps were
 * attempted (an attempted step with no result may have happened: look before doing it again).
 */
export type FilingRecord = NewFilingRecord | AppendRecord | UpdateRecord;

export function isNewFiling(record: FilingRecord): record is NewFilingRecord {
  return record.kind === undefined || record.kind === 'new';
}

export function newRecord(plan: FilingPlan, now: string): NewFilingRecord {
  return { version: 1, id: plan.id, kind: 'new', plan, status: 'in-progress', attempted: {}, results: {}, updatedAt: now };
}

export function appendRecord(plan: AppendPlan, now: string): AppendRecord {
  return { version: 1, id: plan.id, kind: 'append', plan, status: 'in-progress', attempted: {}, results: {}, updatedAt: now };
}

export function updateRecord(plan: UpdatePlan, update: CustomerUpdateRecord, now: string): UpdateRecord {
  return { version: 1, id: plan.id, kind: 'update', plan, update, status: 'in-progress', attempted: {}, results: {}, updatedAt: now };
}

/** The steps a new filing's plan needs, in order. */
export function plannedSteps(plan: FilingPlan): StepName[] {
  const steps: StepName[] = ['linearIssue'];
  if (plan.github) steps.push('githubIssue', 'linearLink');
  if (plan.github && plan.etaComment) steps.push('etaComment');
  if (plan.pylon) {
    if (plan.pylon.setPriorityTo) steps.push('pylonPriority');
    steps.push('pylonLink', 'pylonAttachment');
  }
  return steps;
}

/** The steps of an append, in order. */
export function appendSteps(plan: AppendPlan): StepName[] {
  const steps: StepName[] = ['linearComment'];
  if (plan.githubComment) steps.push('githubComment');
  if (plan.pylon) steps.push('pylonAttachment');
  steps.push('customer', 'customerNeed');
  if (plan.pylon) {
    if (plan.pylon.setPriorityTo) steps.push('pylonPriority');
    steps.push('pylonLink');
  }
  return steps;
}

/** The paging steps of an Urgent filing: one per target, or the comment that says why nobody was paged. */
export function pageSteps(plan: FilingPlan): string[] {
  if (!plan.page) return [];
  return plan.page.skip ? ['pageSkipped'] : plan.page.targets.map((t) => pageStep(t.type));
}

/**
 * Every step of a record, filing steps first, then one post per Pylon ticket when posting was chosen. A new
 * filing pages right after its issues exist (both links in the page), before the steps on-call does not need.
 */
export function recordSteps(record: FilingRecord): string[] {
  const steps: string[] = record.kind === 'append' ? appendSteps(record.plan) : record.kind === 'update' ? [] : plannedSteps(record.plan);
  if (isNewFiling(record)) steps.splice(record.plan.github ? 2 : 1, 0, ...pageSteps(record.plan));
  for (const target of record.update?.post?.targets ?? []) steps.push(postStep(target.ticketId));
  return steps;
}

export function postStep(ticketId: string): string {
  return `post:${ticketId}`;
}

function isDone(record: FilingRecord, step: string): boolean {
  if (step.startsWith('post:')) return Boolean(record.results.posted?.[step.slice(5)]);
  if (step.startsWith('page:') && isNewFiling(record)) return Boolean(record.results.page?.[step.slice(5) as PageTargetType]);
  return Boolean((record.results as Record<string, unknown>)[step]);
}

/** Steps that were tried and have no result: they may exist on the service (a resume looks for them first). */
export function uncertainSteps(record: FilingRecord): string[] {
  const steps = Object.entries(record.attempted)
    .filter(([step, tried]) => tried && !isDone(record, step))
    .map(([step]) => step);
  for (const ticketId of Object.keys(record.postAttempts ?? {})) if (!isDone(record, postStep(ticketId))) steps.push(postStep(ticketId));
  if (isNewFiling(record)) for (const target of Object.keys(record.pageAttempts ?? {})) if (!isDone(record, `page:${target}`)) steps.push(`page:${target}`);
  return steps;
}

/** Nothing exists anywhere because of this filing: no result, and no write that may have landed. */
export function nothingCreated(record: FilingRecord): boolean {
  const results = record.results as Record<string, unknown>;
  const anyResult = Object.entries(results).some(([key, value]) => (key === 'posted' ? Object.keys(value ?? {}).length > 0 : value !== undefined));
  return !anyResult && uncertainSteps(record).length === 0;
}

/** What is left, in words, for `triage resume` and a partial failure. */
export function pendingSteps(record: FilingRecord): string[] {
  const uncertain = new Set(uncertainSteps(record));
  return recordSteps(record)
    .filter((step) => !isDone(record, step))
    .map((step) => `${describeStep(record, step)}${uncertain.has(step) ? ' (may exist already: resume looks for it first)' : ''}`);
}

function describeStep(record: FilingRecord, step: string): string {
  if (step === 'pylonLink' && record.kind === 'append') return 'link from the Pylon ticket to the existing issues';
  if (step.startsWith('page:')) return `page to on-call through ${PAGE_TARGET_LABEL[step.slice(5) as PageTargetType] ?? step.slice(5)}`;
  if (step === 'pageSkipped') return 'the reason on-call was not paged, as a comment on the Linear issue';
  if (!step.startsWith('post:')) return STEP_DESCRIPTIONS[step as StepName] ?? step;
  const target = record.update?.post?.targets.find((t) => postStep(t.ticketId) === step);
  return `customer update (${record.update?.post?.mode ?? 'reply'}) on Pylon ticket #${target?.number ?? '?'}`;
}

/** One line that says what a record is about, for listings. */
export function recordTitle(record: FilingRecord): string {
  if (record.kind === 'append') return `${record.plan.title} (appended to ${record.plan.target.identifier})`;
  if (record.kind === 'update') return `Customer update for ${record.plan.issue.identifier}`;
  return record.plan.linear.title;
}
