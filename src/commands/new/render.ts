import type { ChalkInstance } from 'chalk';
import { PROSE_MAX_COLUMNS, type IO } from '../../cli/io.js';
import { truncate, wrapBlock, wrapWords } from '../../cli/text-wrap.js';
import type { AppendPlan } from '../../core/append-plan.js';
import type { ScoredCandidate } from '../../core/candidates.js';
import { formatLongDate } from '../../core/calendar-date.js';
import type { FilingPlan } from '../../core/filing-plan.js';
import { describeTarget, pageText, PAGE_TARGET_LABEL } from '../../core/page-plan.js';
import { describePriority, priorityFromLinear } from '../../core/priority.js';
import { REQUEST_TYPE_INFO } from '../../core/request-type.js';
import { LINEAR_IDENTIFIER_SLOT } from '../../core/templates.js';
import type { AppendRecord, NewFilingRecord } from '../../filing/record.js';
import type { CandidateSearch } from './candidates.js';
import type { Planned } from './prepare.js';
import { assigneeText, updateText } from './result-json.js';

export { newResultJson } from './result-json.js';

type PlanSummary = Pick<FilingPlan, 'type' | 'decision' | 'route' | 'redactions' | 'redactionReview'>;

/** Review lines shown at most; the rest are counted. */
const REVIEW_SHOWN = 8;

function redactionLine(plan: PlanSummary): string {
  const merged: Record<string, number> = { ...plan.redactions.github };
  for (const [kind, n] of Object.entries(plan.redactions.linear)) merged[kind] = Math.max(merged[kind] ?? 0, n);
  const parts = Object.entries(merged).map(([kind, n]) => `${n} ${kind}`);
  return parts.length ? `Redacted before filing: ${parts.join(', ')}` : 'Redaction found nothing sensitive';
}

export function renderDecision(io: IO, plan: PlanSummary): void {
  for (const line of decisionLines(plan, io.color, io.errProse)) io.err(line);
}

/** The priority, status and type, every reason, and what redaction removed (a few characters around each placeholder). */
export function decisionLines(plan: PlanSummary, c: ChalkInstance, columns: number): string[] {
  const { decision } = plan;
  const width = columns;
  const lines = [`${c.bold(describePriority(decision.priority))} · ${decision.status === 'prioritized' ? 'Prioritized' : 'Backlog'} · ${REQUEST_TYPE_INFO[plan.type].title}`];
  for (const reason of [...decision.reasons, ...plan.route.reasons, redactionLine(plan)]) lines.push(...wrapWords(reason, width, '    ', '  ').map((l) => c.dim(l)));
  return [...lines, ...redactionReviewLines(plan, c, columns)];
}

/** A few characters around each placeholder, so the engineer sees what went without seeing the value. */
function redactionReviewLines(plan: PlanSummary, c: ChalkInstance, columns: number): string[] {
  const lines = plan.redactionReview ?? [];
  if (lines.length === 0) return [];
  const width = Math.max(...lines.slice(0, REVIEW_SHOWN).map((l) => l.kind.length));
  const room = Math.max(10, columns - width - 13);
  const out = lines.slice(0, REVIEW_SHOWN).map((line) => c.dim(`    ${line.target.padEnd(6)} ${line.kind.padEnd(width)}  ${truncate(line.context, room)}`));
  if (lines.length > REVIEW_SHOWN) out.push(c.dim(`    … and ${lines.length - REVIEW_SHOWN} more`));
  return out;
}

/** Both tickets exactly as they will be filed (redacted), for `--dry-run` and the wizard's review. */
export function planText(plan: FilingPlan, columns: number): string {
  const lines: string[] = [];
  const rule = '─'.repeat(Math.min(columns, PROSE_MAX_COLUMNS));
  lines.push(rule, `Linear issue (team ${plan.linear.team}, state ${plan.linear.state}, priority ${plan.linear.priority})`);
  if (plan.linear.labels.length) lines.push(`Labels: ${plan.linear.labels.join(', ')}`);
  if (plan.linear.project) lines.push(`Project: ${plan.linear.project}`);
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
  if (plan.page) lines.push(rule, ...pagePlanLines(plan));
  if (plan.pylon) {
    lines.push(rule, `Pylon ticket #${plan.pylon.number}: linked to both issues${plan.pylon.setPriorityTo ? `; its priority is set to ${plan.pylon.setPriorityTo} to match` : '; its priority already matches'}`);
  }
  lines.push(rule);
  return forDisplay(lines, columns);
}

/**
 * Bodies go out as they are; only their display wraps, on words and under each line's own quote mark or
 * bullet, so the review fits the terminal. `--json` has the exact text.
 */
function forDisplay(lines: string[], columns: number): string {
  return wrapBlock(lines.join('\n'), columns);
}

/** The page as it will go out (the links are filled in once the issues exist). */
function pagePlanLines(plan: FilingPlan): string[] {
  const page = plan.page!;
  if (page.skip) return [`On-call is NOT paged (--no-page). Recorded on the Linear issue: ${page.skip.reason}`];
  const links = { linear: { identifier: '<Linear identifier>', url: '<Linear issue URL>' }, github: plan.github ? { repo: plan.github.repo, number: 0, url: '<GitHub issue URL>' } : undefined };
  return [`Page on-call once the Linear issue exists: ${page.targets.map(describeTarget).join(', ')}`, `Dedup key: ${page.dedupKey}`, '', pageText(page, links).replace('#0', '')];
}

function priorityName(linearPriority: number): string {
  const p = priorityFromLinear(linearPriority);
  return p ? describePriority(p) : 'no priority';
}

/** What an append will do, redacted, for `--dry-run` and the wizard's review. */
export function appendPlanText(plan: AppendPlan, columns: number): string {
  const rule = '─'.repeat(Math.min(columns, PROSE_MAX_COLUMNS));
  const t = plan.target;
  const lines = [
    rule,
    `Append to ${t.identifier}: ${t.title}`,
    `${t.state} · ${priorityName(t.priority)} · ${t.url}`,
    'No new ticket: the request is added to the existing one, which keeps its priority.',
    rule,
    `Comment on Linear issue ${t.identifier}`,
    '',
    plan.linearComment.body.trimEnd(),
  ];
  if (plan.githubComment && t.github) lines.push(rule, `Comment on GitHub issue ${t.github.repo}#${t.github.number}`, '', plan.githubComment.body.trimEnd());
  else lines.push(rule, t.github ? 'No comment on the GitHub issue (--no-github)' : `${t.identifier} has no linked GitHub issue: Linear only`);
  const key = plan.customer.externalId ? 'its Pylon account' : plan.customer.domains.length ? `domain ${plan.customer.domains[0]}` : 'its name';
  lines.push(rule, `Customer request: ${plan.customer.name} (found by ${key}) is recorded as asking for ${t.identifier}`);
  if (plan.pylon) {
    lines.push(`Pylon ticket #${plan.pylon.number}: linked to ${t.identifier}${t.github ? ' and its GitHub issue' : ''}${plan.pylon.setPriorityTo ? `; its priority is set to ${plan.pylon.setPriorityTo} to match` : ''}`);
  }
  lines.push(rule);
  return forDisplay(lines, columns);
}

/** The customer update in a frame, so it reads as the text that goes out, not as triage talking. Fits the terminal. */
export function updateBox(io: IO, text: string, title: string, columns = io.errProse): string {
  const c = io.color;
  const width = Math.max(20, columns - 2);
  const lines = text.trimEnd().split('\n').flatMap((line) => wrapWords(line, width));
  return [c.bold(title), ...lines.map((line) => `${c.dim('│')} ${line}`.trimEnd())].join('\n');
}

export function renderCandidates(io: IO, search: CandidateSearch | null): void {
  if (!search) return;
  if (search.skipped) {
    io.warn(`Not searched for similar tickets: ${search.skipped}.`);
    return;
  }
  if (search.candidates.length === 0) {
    io.info(io.color.dim('No similar open tickets found.'));
    return;
  }
  io.err('Similar open tickets:');
  for (const c of search.candidates) io.err(candidateLines(io, c).join('\n'));
}

/** The identifier and title, then the link and score under them: a URL never shares a line it would overflow. */
function candidateLines(io: IO, c: ScoredCandidate): string[] {
  const width = io.errProse;
  return [
    ...wrapWords(`${c.title}`, width, '    ', `  ${io.color.bold(c.identifier)}  `),
    ...wrapWords(`${c.url} (${c.strong ? 'strong, ' : ''}score ${c.score.toFixed(2)})`, width, '    ', '    ').map((l) => io.color.dim(l)),
  ];
}

/** `--dry-run`: exactly what would be filed (or appended), redacted, on stdout. */
export function renderDryRun(io: IO, planned: Planned, candidates: CandidateSearch | null): void {
  const { prepared, update } = planned;
  renderDecision(io, prepared.plan);
  renderCandidates(io, candidates);
  const strong = candidates?.candidates.filter((c) => c.strong) ?? [];
  if (strong.length) io.warn(`Without --dry-run this stops here (exit 2): pass --append-to ${strong[0]!.identifier} or --new.`);
  io.out(prepared.kind === 'append' ? appendPlanText(prepared.plan, io.outProse) : planText(prepared.plan, io.outProse));
  io.out(updateBox(io, updateText(update.text, prepared.kind === 'append' ? prepared.plan.target.github?.url : null), 'Customer update (draft, redacted)', io.outProse));
  io.err(io.color.yellow('Dry run: nothing was filed.'));
}

/** After filing: what happened on stderr, loudly when it is urgent; the links on stdout. */
export function renderFiled(io: IO, record: NewFilingRecord | AppendRecord, options: { askingToPost?: boolean } = {}): void {
  const c = io.color;
  let githubUrl: string | undefined;
  const lines: string[] = [];
  if (record.kind === 'append') {
    const { plan, results } = record;
    const t = plan.target;
    io.success(`Appended to Linear ${c.bold(t.identifier)} (${t.state}): no new ticket`);
    if (results.githubComment && t.github) io.success(`Request added to GitHub ${c.bold(`${t.github.repo}#${t.github.number}`)}`);
    if (results.customerNeed) io.success(`${plan.customer.name} recorded as asking for it (Linear customer request)`);
    io.err('Feature request: in the Backlog, to be discussed in a future cycle.');
    if (plan.pylon && results.pylonLink) io.success(`Pylon ticket #${plan.pylon.number} linked${results.pylonPriority ? ` and set to ${plan.pylon.setPriorityTo}` : ''}`);
    githubUrl = t.github?.url;
    lines.push(`Linear: ${t.url}`);
    if (t.github) lines.push(`GitHub: ${t.github.url}`);
  } else {
    const { plan, results } = record;
    const linear = results.linearIssue!;
    io.success(`Linear ${c.bold(linear.identifier)} created (${describePriority(plan.decision.priority)}, ${linear.state})`);
    if (results.githubIssue) io.success(`GitHub ${c.bold(`${results.githubIssue.repo}#${results.githubIssue.number}`)} created and linked`);
    if (plan.decision.priority === 'urgent') renderPage(io, record);
    if (plan.type === 'quick-fix') io.err(`Open your PR from branch: ${c.cyan(linear.branchName)}`);
    if (plan.eta && results.etaComment) io.err(`ETA ${formatLongDate(plan.eta.date)} posted on the GitHub issue`);
    if (plan.type === 'feature') io.err('Feature request filed in the Backlog: it will be discussed in a future cycle.');
    if (plan.pylon && results.pylonLink) {
      io.success(`Pylon ticket #${plan.pylon.number} linked${results.pylonPriority ? ` and set to ${describePriority(plan.pylon.agreedPriority)}` : ''}`);
    }
    githubUrl = results.githubIssue?.url;
    lines.push(`Linear: ${linear.url}`);
    if (results.githubIssue) lines.push(`GitHub: ${results.githubIssue.url}`);
  }
  renderDraftUpdate(io, record, githubUrl, options.askingToPost ?? false);
  io.out(lines.join('\n'));
}

/** The draft on stderr (stdout stays the links), then whether it was posted and how to post it if not. */
function renderDraftUpdate(io: IO, record: NewFilingRecord | AppendRecord, githubUrl: string | undefined, askingToPost: boolean): void {
  if (!record.update) return;
  io.err(updateBox(io, updateText(record.update.text, githubUrl), 'Customer update (draft, redacted)'));
  renderPosted(io, record);
  const ticket = record.plan.pylon;
  if (!record.update.post && ticket && !askingToPost) {
    const id = record.kind === 'append' ? record.plan.target.identifier : record.results.linearIssue?.identifier;
    io.info(io.color.dim(`Not posted. Post it with --reply or --note next time, or later with: triage update ${id} --reply`));
  }
}

/** Urgent: who was woken, loudly; a page that did not go out is never shown as done. */
function renderPage(io: IO, record: NewFilingRecord): void {
  const c = io.color;
  const { plan, results } = record;
  const assigned = plan.route.onCall ? ' On-call has been assigned.' : '';
  if (!plan.page) {
    io.err(c.red.bold(`URGENT: this needs an immediate on-call response.${assigned}`));
    io.warn('No paging target is configured (oncall.page): nobody was woken. Page on-call yourself.');
    return;
  }
  if (plan.page.skip) {
    io.err(c.red.bold(`URGENT: this needs an immediate on-call response.${assigned}`));
    io.warn(`On-call was NOT paged (--no-page): ${plan.page.skip.reason}${results.pageSkipped ? ' (recorded on the Linear issue)' : ''}`);
    return;
  }
  const all = plan.page.targets.every((t) => results.page?.[t.type]?.status === 'sent');
  io.err(c.red.bold(all ? `URGENT: on-call has been paged.${assigned}` : `URGENT: this needs an immediate on-call response.${assigned}`));
  for (const target of plan.page.targets) {
    const done = results.page?.[target.type];
    const where = target.type === 'pagerduty' ? `PagerDuty (${target.severity}, dedup key ${plan.page.dedupKey})` : target.channel ? `Slack channel ${target.channel}` : 'Slack (webhook)';
    if (done?.status === 'sent') io.success(`Paged through ${where}`);
    else if (done?.status === 'unconfirmed') io.warn(`${PAGE_TARGET_LABEL[target.type]}: the webhook post got no answer; it may not have arrived and is not sent twice. Check the channel.`);
    else io.err(`${c.red('✗')} Not paged through ${where} yet`);
  }
}

export function renderPosted(io: IO, record: NewFilingRecord | AppendRecord): void {
  for (const target of record.update?.post?.targets ?? []) {
    const posted = record.results.posted?.[target.ticketId];
    if (posted) io.success(`Customer update posted as ${posted.mode === 'reply' ? 'a reply' : 'an internal note'} on Pylon ticket #${target.number}`);
  }
}
