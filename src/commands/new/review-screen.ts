import type { ChalkInstance } from 'chalk';
import { formatLongDate } from '../../core/calendar-date.js';
import { describeTarget } from '../../core/page-plan.js';
import { describePriority, priorityFromLinear } from '../../core/priority.js';
import { REQUEST_TYPE_INFO } from '../../core/request-type.js';
import type { Planned } from './prepare.js';
import { assigneeText, updateText } from './result-json.js';

/**
 * The wizard's review, made to fit one screen: what goes where, the priority and why, what was removed and the
 * first lines of the report and of the customer update. The full text of every body is one choice away (see
 * `planText`), so nothing is hidden, only folded. Lines are cut at a word with an ellipsis, never wrapped: a
 * wrapped line would take rows the budget does not have.
 */
export interface ReviewScreenInput {
  planned: Planned;
  columns: number;
  /** Rows this summary may take (the menu below it has the rest). */
  rows: number;
  color: ChalkInstance;
}

const LABEL = 8;

/** Cuts `text` to `width` code points, at a word boundary when one is near, with an ellipsis. */
export function clipLine(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  const room = Math.max(1, width - 1);
  let cut = chars.slice(0, room).join('');
  const space = cut.lastIndexOf(' ');
  // Cut at the last whole word, unless the cut already falls between words or that would waste the line.
  if (chars[room] !== ' ' && space >= room * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** The customer's report as the Linear issue carries it (the section after a "report" heading), else the body. */
function reportLines(description: string): string[] {
  const lines = description.split('\n');
  const heading = lines.findIndex((l) => /^#{1,6}\s.*\breport\b/i.test(l));
  const from = heading >= 0 ? heading + 1 : 0;
  const end = lines.findIndex((l, i) => i > from && /^#{1,6}\s/.test(l));
  return lines
    .slice(from, end < 0 ? undefined : end)
    .map(plainLine)
    .filter((l) => l !== '');
}

/** The same finding in both bodies reads alike once GitHub's quote marks are set aside: one row, "both". */
function sameFindingOnce(review: ReadonlyArray<{ target: string; kind: string; context: string }>): Array<{ kind: string; targets: string; context: string }> {
  const rows: Array<{ kind: string; targets: string; context: string; norm: string }> = [];
  for (const line of review) {
    const norm = line.context.replace(/⏎ > /g, '⏎ ').replace(/…$/, '');
    const same = rows.find((r) => {
      if (r.kind !== line.kind || r.targets === line.target) return false;
      const [short, long] = r.norm.length <= norm.length ? [r.norm, norm] : [norm, r.norm];
      return long.startsWith(short.slice(0, Math.max(1, short.length - 6)));
    });
    if (same) same.targets = 'both';
    else rows.push({ kind: line.kind, targets: line.target, context: line.context, norm });
  }
  return rows;
}

/** A title may take two rows: its start decides whether the engineer recognises the ticket. */
function addWrapped(add: (rank: number, label: string, text: string) => void, label: string, text: string, width: number): void {
  const words = text.split(' ');
  let first = '';
  while (words.length && Array.from(`${first} ${words[0]}`.trim()).length <= width) first = `${first} ${words.shift()}`.trim();
  if (!first) {
    add(0, label, text);
    return;
  }
  add(0, label, first);
  if (words.length) add(1, '', words.join(' '));
}

/** A body line as it reads, without Markdown's quote marks, emphasis and hidden markers. */
function plainLine(line: string): string {
  return line
    .replace(/<!--.*?-->/g, '')
    .replace(/^\s*(?:>\s?)+/, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .trim();
}

function priorityName(linearPriority: number): string {
  const p = priorityFromLinear(linearPriority);
  return p ? describePriority(p) : 'no priority';
}

function kindsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

function mergedCounts(linear: Record<string, number>, github: Record<string, number>): Record<string, number> {
  const merged: Record<string, number> = { ...github };
  for (const [kind, n] of Object.entries(linear)) merged[kind] = Math.max(merged[kind] ?? 0, n);
  return merged;
}

/** A summary row; rows of rank 0 come first, the others fill what is left of the budget by rank. */
interface Row {
  text: string;
  /** Lower goes first when rows compete for the budget; ties keep their order. */
  rank: number;
}

export function reviewScreen({ planned, columns, rows, color: c }: ReviewScreenInput): string[] {
  const width = Math.max(20, Math.min(columns, 100));
  const out: Row[] = [];
  const add = (rank: number, label: string, text: string, style: (s: string) => string = (s) => s) => {
    const head = label ? label.padEnd(LABEL) : ' '.repeat(LABEL);
    out.push({ rank, text: `${c.bold(head)}${style(clipLine(text, width - LABEL))}` });
  };
  const { prepared } = planned;
  const plan = prepared.plan;
  const decision = plan.decision;
  out.push({ rank: 0, text: c.bold(clipLine(`${describePriority(decision.priority)} · ${decision.status === 'prioritized' ? 'Prioritized' : 'Backlog'} · ${REQUEST_TYPE_INFO[plan.type].title}`, width)) });
  const reasons = [...decision.reasons, ...plan.route.reasons];
  reasons.forEach((reason, i) => out.push({ rank: i === 0 ? 3 : 7, text: c.dim(clipLine(`  ${reason}`, width)) }));

  let report: string[];
  if (prepared.kind === 'new') {
    const p = prepared.plan;
    const assignee = assigneeText(p);
    add(0, 'Linear', [`team ${p.linear.team}`, p.linear.state, priorityName(p.linear.priority), ...(assignee ? [`assigned to ${assignee}`] : []), ...p.linear.labels].join(' · '));
    if (p.github) {
      const who = [...p.github.assignees, ...(p.github.assignViewer ? ['(you)'] : [])];
      add(0, 'GitHub', [p.github.repo, ...p.github.labels, ...(who.length ? [`assigned to ${who.join(', ')}`] : []), ...(p.etaComment ? [`+ ETA comment${p.eta ? ` (${formatLongDate(p.eta.date)})` : ''}`] : [])].join(' · '));
    } else {
      add(0, 'GitHub', 'no GitHub issue (--no-github)', c.dim);
    }
    if (p.page) add(0, 'Page', p.page.skip ? `on-call is NOT paged: ${p.page.skip.reason}` : `on-call, once filed: ${p.page.targets.map(describeTarget).join(', ')}`, p.page.skip ? c.yellow : c.red);
    if (p.pylon) add(1, 'Pylon', `#${p.pylon.number} linked to both${p.pylon.setPriorityTo ? `; its priority is set to ${p.pylon.setPriorityTo}` : ''}`);
    addWrapped(add, 'Title', p.linear.title, width - LABEL);
    report = reportLines(p.linear.description);
  } else {
    const p = prepared.plan;
    out.push({ rank: 0, text: c.bold(clipLine(`Append to ${p.target.identifier}: ${p.target.title}`, width)) });
    add(1, '', `${p.target.state} · ${priorityName(p.target.priority)} · keeps its priority; a comment${p.githubComment ? ' on both issues' : ' on Linear'}`, c.dim);
    if (p.pylon) add(1, 'Pylon', `#${p.pylon.number} linked to ${p.target.identifier}`);
    addWrapped(add, 'Title', p.title, width - LABEL);
    report = reportLines(p.linearComment.body);
  }

  report.forEach((line, i) => add(i === 0 ? 0 : 4 + i, i === 0 ? 'Report' : '', line));

  const counts = mergedCounts(plan.redactions.linear, plan.redactions.github);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  add(0, 'Removed', total ? kindsText(counts) : 'nothing sensitive found', total ? c.yellow : c.dim);
  const review = prepared.kind === 'new' ? (prepared.plan.redactionReview ?? []) : [];
  for (const line of sameFindingOnce(review)) add(2, '', `${line.kind} (${line.targets}): ${line.context}`, c.dim);

  const update = updateText(planned.update.text, prepared.kind === 'append' ? prepared.plan.target.github?.url : null)
    .split('\n')
    .filter((l) => l.trim() !== '');
  if (update.length) add(1, 'Update', `${update[0]}${update.length > 1 ? ` (+${update.length - 1} lines)` : ''}`);

  // Fill the budget by rank, then print in the original order; what does not fit is counted, not lost.
  const order = out.map((row, index) => ({ ...row, index })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  const budget = Math.max(2, rows);
  const shown = new Set(order.slice(0, out.length <= budget ? budget : budget - 1).map((r) => r.index));
  const hidden = out.length - shown.size;
  const lines = out.filter((_, i) => shown.has(i)).map((r) => r.text);
  if (hidden > 0) lines.push(c.dim(clipLine(`${' '.repeat(LABEL)}… ${hidden} more line${hidden === 1 ? '' : 's'}: "Show the full text" has everything`, width)));
  return lines;
}
