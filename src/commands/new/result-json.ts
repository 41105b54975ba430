import type { AppendPlan } from '../../core/append-plan.js';
import { fillGitHubUrl, GITHUB_URL_SLOT } from '../../core/customer-update.js';
import type { FilingPlan } from '../../core/filing-plan.js';
import { describePriority } from '../../core/priority.js';
import type { PageResult } from '../../filing/record.js';
import type { Decision } from '../../core/rubric.js';
import type { CandidateSearch } from './candidates.js';
import { candidateJson, type NewResult } from './run.js';

type PlanSummary = Pick<FilingPlan, 'type' | 'decision' | 'route' | 'redactions'>;

function decisionJson(decision: Decision) {
  return {
    priority: decision.priority,
    priorityLabel: describePriority(decision.priority),
    linearPriority: decision.linearPriority,
    status: decision.status,
    immediate: decision.immediate,
    source: decision.source,
    impact: decision.impact?.value ?? null,
    reasons: decision.reasons,
  };
}

function redactionsJson(plan: PlanSummary) {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return { linear: plan.redactions.linear, github: plan.redactions.github, total: total(plan.redactions.linear) + total(plan.redactions.github) };
}

export function assigneeText(plan: FilingPlan): string | null {
  const a = plan.linear.assignee;
  return a.kind === 'email' ? a.email : a.kind === 'viewer' ? '(you)' : null;
}

function candidatesJson(search: CandidateSearch | null) {
  return search ? search.candidates.map(candidateJson) : null;
}

/** The draft as it is (or would be) sent: the GitHub link filled in once known. */
export function updateText(text: string, githubUrl: string | null | undefined): string {
  return githubUrl ? fillGitHubUrl(text, githubUrl) : text.replaceAll(GITHUB_URL_SLOT, '<GitHub issue URL>');
}

function pylonJson(plan: FilingPlan | AppendPlan, results: { pylonPriority?: unknown; pylonLink?: unknown } | undefined) {
  if (!plan.pylon) return null;
  return {
    ticketId: plan.pylon.ticketId,
    number: plan.pylon.number,
    url: plan.pylon.link,
    priority: plan.pylon.agreedPriority,
    priorityUpdated: Boolean(results?.pylonPriority),
    linked: Boolean(results?.pylonLink),
  };
}

/**
 * One entry per paging target: `planned` (dry run), `pending` (not sent yet), `sent`, `unconfirmed` (a webhook
 * post whose answer was lost; not sent again), or `skipped` with the reason (`--no-page`). null: nothing to page.
 */
export function pageJson(plan: FilingPlan, results: { page?: Partial<Record<string, PageResult>>; pageSkipped?: { url: string } } | undefined) {
  const page = plan.page;
  if (!page) return null;
  return page.targets.map((t) => {
    const entry: Record<string, unknown> = { target: t.type, status: 'planned', dedupKey: page.dedupKey };
    if (t.type === 'slack') entry.channel = t.channel ?? null;
    if (page.skip) return { ...entry, status: 'skipped', reason: page.skip.reason, ...(results?.pageSkipped ? { url: results.pageSkipped.url } : {}) };
    if (!results) return entry;
    const done = results.page?.[t.type];
    if (!done) return { ...entry, status: 'pending' };
    return { ...entry, status: done.status, dedupKey: done.dedupKey, sentAt: done.at, ...(done.ts ? { ts: done.ts } : {}) };
  });
}

function targetJson(plan: AppendPlan) {
  const t = plan.target;
  return { id: t.id, identifier: t.identifier, url: t.url, priority: t.priority, state: t.state, team: t.team, assignee: t.assignee, branchName: t.branchName };
}

/** The documented `--json` shape of `triage new` (see README, "Scripted use" and "Feature requests and customer updates"). */
export function newResultJson(result: NewResult) {
  const prepared = result.kind === 'dry-run' ? result.planned.prepared : result.record.kind === 'append' ? { kind: 'append' as const, plan: result.record.plan } : { kind: 'new' as const, plan: result.record.plan };
  const plan = prepared.plan;
  const base = {
    ok: true,
    filingId: plan.id,
    dryRun: result.kind === 'dry-run',
    type: plan.type,
    mode: prepared.kind,
    decision: decisionJson(plan.decision),
    route: { name: plan.route.name, onCall: plan.route.onCall, reasons: plan.route.reasons },
    onCall: plan.route.onCall,
    redactions: redactionsJson(plan),
    candidates: candidatesJson(result.candidates),
  };

  if (result.kind === 'dry-run') {
    const update = result.planned.update;
    const customerUpdate = { text: updateText(update.text, prepared.kind === 'append' ? prepared.plan.target.github?.url : null), situation: update.situation, posted: null, messageId: null };
    if (prepared.kind === 'append') {
      const p = prepared.plan;
      return {
        ...base,
        plan: {
          append: {
            target: targetJson(p),
            linearComment: p.linearComment.body,
            githubComment: p.githubComment?.body ?? null,
            customer: p.customer,
            customerNeed: p.customerNeed.body,
          },
        },
        linear: null,
        github: null,
        eta: null,
        pylon: pylonJson(p, undefined),
        append: null,
        customerUpdate,
      };
    }
    const p = prepared.plan;
    return {
      ...base,
      plan: {
        linear: { ...p.linear, assignee: assigneeText(p) },
        github: p.github ? { repo: p.github.repo, title: p.github.title, body: p.github.body, labels: p.github.labels, assignees: p.github.assignees, assignToYou: p.github.assignViewer } : null,
        etaComment: p.etaComment ? { body: p.etaComment.body } : null,
      },
      page: pageJson(p, undefined),
      linear: null,
      github: null,
      eta: p.eta ? { date: p.eta.date, source: p.eta.source, commentUrl: null } : null,
      pylon: pylonJson(p, undefined),
      append: null,
      customerUpdate,
    };
  }

  const record = result.record;
  const posted = Object.values(record.results.posted ?? {})[0];
  if (record.kind === 'append') {
    const p = record.plan;
    const r = record.results;
    return {
      ...base,
      linear: targetJson(p),
      github: p.target.github ?? null,
      eta: null,
      pylon: pylonJson(p, r),
      append: {
        linearComment: r.linearComment ?? null,
        githubComment: r.githubComment ?? null,
        customer: r.customer ? { id: r.customer.id, name: p.customer.name } : null,
        customerNeed: r.customerNeed ?? null,
      },
      customerUpdate: { text: updateText(record.update?.text ?? '', p.target.github?.url), situation: record.update?.situation ?? null, posted: posted?.mode ?? null, messageId: posted?.messageId ?? null },
    };
  }
  const p = record.plan;
  const { linearIssue, githubIssue, etaComment } = record.results;
  return {
    ...base,
    linear: linearIssue
      ? { id: linearIssue.id, identifier: linearIssue.identifier, url: linearIssue.url, priority: linearIssue.priority, state: linearIssue.state, team: p.linear.team, assignee: linearIssue.assignee ?? null, branchName: linearIssue.branchName }
      : null,
    github: githubIssue ? { repo: githubIssue.repo, number: githubIssue.number, url: githubIssue.url } : null,
    eta: p.eta ? { date: p.eta.date, source: p.eta.source, commentUrl: etaComment?.url ?? null } : null,
    page: pageJson(p, record.results),
    pylon: pylonJson(p, record.results),
    append: null,
    customerUpdate: record.update
      ? { text: updateText(record.update.text, githubIssue?.url), situation: record.update.situation, posted: posted?.mode ?? null, messageId: posted?.messageId ?? null }
      : null,
  };
}
