import type { IO } from '../../cli/io.js';
import { immediateSummary, type ImmediateRow } from '../../core/immediate.js';
import { PRIORITY_LABEL } from '../../core/priority.js';
import type { ImmediateResult } from './run.js';

function asks(row: ImmediateRow): string {
  return `${row.customers}${row.customersAtLeast ? '+' : ''}`;
}

/** The documented `--json` shape (README, "triage immediate"). */
export function immediateJson(result: ImmediateResult) {
  return {
    teams: result.teams,
    generatedAt: result.generatedAt.toISOString(),
    count: result.rows.length,
    summary: immediateSummary(result.rows),
    issues: result.rows.map((r) => ({
      identifier: r.identifier,
      id: r.id,
      title: r.title,
      url: r.url,
      team: r.team,
      priority: r.priority,
      linearPriority: r.linearPriority,
      status: r.status,
      statusType: r.statusType,
      createdAt: r.createdAt,
      ageDays: r.ageDays,
      customers: r.customers,
      customersAtLeast: r.customersAtLeast,
      customerNeeds: r.customerNeeds,
      pylonTickets: r.pylonTickets,
      github: r.github ? { repo: r.github.repo, number: r.github.number, url: r.github.url } : null,
    })),
  };
}

function summaryLine(result: ImmediateResult): string {
  const s = immediateSummary(result.rows);
  const n = result.rows.length;
  return `${n} open issue${n === 1 ? '' : 's'} in ${result.teams.join(', ')}: ${s.urgent} Urgent, ${s.high} High, ${s.medium} Medium`;
}

/** Table cells: a pipe or a line break would break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A table to paste into the planning doc. */
export function immediateMarkdown(result: ImmediateResult): string {
  const lines = ['| Issue | Title | Priority | Status | Age | Customers | GitHub |', '|---|---|---|---|---:|---:|---|'];
  for (const r of result.rows) {
    const github = r.github ? `[${r.github.repo}#${r.github.number}](${r.github.url})` : '—';
    lines.push(`| [${r.identifier}](${r.url}) | ${cell(r.title)} | ${PRIORITY_LABEL[r.priority]} | ${cell(r.status)} | ${r.ageDays}d | ${asks(r)} | ${github} |`);
  }
  return `${lines.join('\n')}\n\n${summaryLine(result)}.`;
}

function fit(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width);
}

/**
 * Fits the terminal (80 columns when not one): the title takes what the fixed columns leave, and the GitHub link is
 * shortened to `#17` (or `repo#17` when the list spans repositories); full links are in --json and --markdown.
 */
export function immediateText(result: ImmediateResult, width: number): string {
  const rows = result.rows;
  if (rows.length === 0) return `No open Urgent, High or Medium issues in ${result.teams.join(', ')}.`;
  const repos = new Set(rows.flatMap((r) => (r.github ? [r.github.repo] : [])));
  const gh = (r: ImmediateRow) => (r.github ? `${repos.size > 1 ? r.github.repo.split('/')[1] : ''}#${r.github.number}` : '—');
  const w = {
    id: Math.max(5, ...rows.map((r) => r.identifier.length)),
    priority: 8,
    status: Math.min(12, Math.max(6, ...rows.map((r) => r.status.length))),
    age: Math.max(3, ...rows.map((r) => `${r.ageDays}d`.length)),
    asks: Math.max(4, ...rows.map((r) => asks(r).length)),
    github: Math.min(14, Math.max(6, ...rows.map((r) => gh(r).length))),
  };
  const fixed = w.id + w.priority + w.status + w.age + w.asks + w.github + 6;
  const titleWidth = Math.max(10, width - fixed - 1);
  const line = (id: string, p: string, s: string, age: string, a: string, g: string, t: string) =>
    `${fit(id, w.id)} ${fit(p, w.priority)} ${fit(s, w.status)} ${age.padStart(w.age)} ${a.padStart(w.asks)} ${fit(g, w.github)} ${fit(t, titleWidth)}`.trimEnd();
  const out = [line('Issue', 'Priority', 'Status', 'Age', 'Asks', 'GitHub', 'Title')];
  for (const r of rows) out.push(line(r.identifier, PRIORITY_LABEL[r.priority], r.status, `${r.ageDays}d`, asks(r), gh(r), r.title));
  out.push('', summaryLine(result));
  return out.join('\n');
}

export function renderImmediate(io: IO, result: ImmediateResult): void {
  if (result.rows.length === 0 && result.pages > 0) io.info(io.color.dim('Nothing on the immediate list.'));
  const stdout = io.streams.stdout;
  io.out(immediateText(result, stdout.isTTY ? (stdout.columns ?? 80) : 80));
}
