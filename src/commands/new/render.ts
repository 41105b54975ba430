import type { IO } from '../../cli/io.js';
import { formatLongDate } from '../../core/calendar-date.js';
import type { FilingPlan } from '../../core/filing-plan.js';
import { describePriority } from '../../core/priority.js';
import { REQUEST_TYPE_INFO } from '../../core/request-type.js';
import type { Decision } from '../../core/rubric.js';
import { LINEAR_IDENTIFIER_SLOT } from '../../core/templates.js';
import type { NewResult } from './run.js';

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

function redactionsJson(plan: FilingPlan) {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return { linear: plan.redactions.linear, github: plan.redactions.github, total: total(plan.redactions.linear) + total(plan.redactions.github) };
}

function assigneeText(plan: FilingPlan): string | null {
  const a = plan.linear.assignee;
  return a.kind === 'email' ? a.email : a.kind === 'viewer' ? '(you)' : null;
}

/** The documented `--json` shape of `triage new` (see README, "Scripted use"). */
export function newResultJson(result: NewResult) {
  const plan = result.kind === 'dry-run' ? result.plan : result.record.plan;
  const base = {
    filingId: plan.id,
    dryRun: result.kind === 'dry-run',
    type: plan.type,
    decision: decisionJson(plan.decision),
    route: { name: plan.route.name, onCall: plan.route.onCall, reasons: plan.route.reasons },
    redactions: redactionsJson(plan),
  };
  if (result.kind === 'dry-run') {
    return {
      ...base,
      plan: {
        linear: { ...plan.linear, assignee: assigneeText(plan) },
        github: plan.github
          ? { repo: plan.github.repo, title: plan.github.title, body: plan.github.body, labels: plan.github.labels, assignees: plan.github.assignees, assignToYou: plan.github.assignViewer }
          : null,
        etaComment: plan.etaComment ? { body: plan.etaComment.body } : null,
      },
      linear: null,
      github: null,
      eta: plan.eta ? { date: plan.eta.date, source: plan.eta.source, commentUrl: null } : null,
      pylon: plan.pylon ? { ticketId: plan.pylon.ticketId, number: plan.pylon.number, url: plan.pylon.link, priority: plan.pylon.agreedPriority, priorityUpdated: false, linked: false } : null,
    };
  }
  const { linearIssue, githubIssue, etaComment } = result.record.results;
  return {
    ...base,
    linear: linearIssue
      ? { id: linearIssue.id, identifier: linearIssue.identifier, url: linearIssue.url, priority: linearIssue.priority, state: linearIssue.state, team: plan.linear.team, assignee: linearIssue.assignee ?? null, branchName: linearIssue.branchName }
      : null,
    github: githubIssue ? { repo: githubIssue.repo, number: githubIssue.number, url: githubIssue.url } : null,
    eta: plan.eta ? { date: plan.eta.date, source: plan.eta.source, commentUrl: etaComment?.url ?? null } : null,
    pylon: plan.pylon
      ? { ticketId: plan.pylon.ticketId, number: plan.pylon.number, url: plan.pylon.link, priority: plan.pylon.agreedPriority, priorityUpdated: Boolean(result.record.results.pylonPriority), linked: Boolean(result.record.results.pylonLink) }
      : null,
  };
}

function redactionLine(plan: FilingPlan): string {
  const merged: Record<string, number> = { ...plan.redactions.github };
  for (const [kind, n] of Object.entries(plan.redactions.linear)) merged[kind] = Math.max(merged[kind] ?? 0, n);
  const parts = Object.entries(merged).map(([kind, n]) => `${n} ${kind}`);
  return parts.length ? `Redacted before filing: ${parts.join(', ')}` : 'Redaction found nothing sensitive';
}

export function renderDecision(io: IO, plan: FilingPlan): void {
  const { decision } = plan;
  const c = io.color;
  io.err(`${c.bold(describePriority(decision.priority))} · ${decision.status === 'prioritized' ? 'Prioritized' : 'Backlog'} · ${REQUEST_TYPE_INFO[plan.type].title}`);
  for (const reason of [...decision.reasons, ...plan.route.reasons]) io.err(c.dim(`  ${reason}`));
  io.err(c.dim(`  ${redactionLine(plan)}`));
}

/** Both tickets exactly as they will be filed (redacted), for `--dry-run` and the wizard's review. */
export function planText(plan: FilingPlan, columns: number): string {
  const lines: string[] = [];
  const rule = '─'.repeat(Math.min(columns, 80));
  lines.push(rule, `Linear issue (team ${plan.linear.team}, state ${plan.linear.state}, priority ${plan.linear.priority})`);
  if (plan.linear.labels.length) lines.push(`Labels: ${plan.linear.labels.join(', ')}`);
  const assignee = assigneeText(plan);
  if (assignee) lines.push(`Assignee: ${assignee}`);
  lines.push(`Title: ${plan.linear.title}`, '', plan.linear.description.trimEnd());
  if (plan.github) {
    lines.push(rule, `GitHub issue (${plan.github.repo})`);
    if (plan.github.labels.length) lines.push(`Labels: ${plan.github.labels.join(', ')}`);
    const assignees = [...plan.github.assignees, ...(plan.github.assignViewer ? ['(you)'] : [])];
    if (assignees.length) lines.push(`Assignees: ${assignees.join(', ')}`);
    lines.push(`Title: ${plan.github.title}`, '', plan.github.body.replaceAll(LINEAR_IDENTIFIER_SLOT, '<Linear identifier>').trimEnd());
  } else {
    lines.push(rule, 'No GitHub issue (--no-github)');
  }
  if (plan.etaComment) lines.push(rule, 'ETA comment on the GitHub issue', '', plan.etaComment.body.trimEnd());
  if (plan.pylon) {
    lines.push(rule, `Pylon ticket #${plan.pylon.number}: linked to both issues${plan.pylon.setPriorityTo ? `; its priority is set to ${plan.pylon.setPriorityTo} to match` : '; its priority already matches'}`);
  }
  lines.push(rule);
  return lines.join('\n');
}

/** `--dry-run`: exactly what would be filed, redacted, on stdout. */
export function renderDryRun(io: IO, plan: FilingPlan): void {
  renderDecision(io, plan);
  io.out(planText(plan, io.columns));
  io.err(io.color.yellow('Dry run: nothing was filed.'));
}

export function renderFiled(io: IO, result: Extract<NewResult, { kind: 'filed' }>): void {
  const { plan, results } = result.record;
  const c = io.color;
  const linear = results.linearIssue!;
  io.success(`Linear ${c.bold(linear.identifier)} created (${describePriority(plan.decision.priority)}, ${linear.state})`);
  if (results.githubIssue) io.success(`GitHub ${c.bold(`${results.githubIssue.repo}#${results.githubIssue.number}`)} created and linked`);
  if (plan.decision.priority === 'urgent' && plan.route.onCall) {
    io.err(c.red.bold('URGENT: this needs an immediate on-call response. On-call has been assigned.'));
  }
  if (plan.type === 'quick-fix') io.err(`Open your PR from branch: ${c.cyan(linear.branchName)}`);
  if (plan.eta && results.etaComment) io.err(`ETA ${formatLongDate(plan.eta.date)} posted on the GitHub issue`);
  if (plan.type === 'feature') io.err('Feature request filed in the Backlog: it will be discussed in a future cycle.');
  if (plan.pylon && results.pylonLink) {
    io.success(`Pylon ticket #${plan.pylon.number} linked${results.pylonPriority ? ` and set to ${describePriority(plan.pylon.agreedPriority)}` : ''}`);
  }
  const lines = [`Linear: ${linear.url}`];
  if (results.githubIssue) lines.push(`GitHub: ${results.githubIssue.url}`);
  io.out(lines.join('\n'));
}
