import type { IO } from '../../cli/io.js';
import { renderTable, type TableColumn } from '../../cli/table.js';
import { wrapWords } from '../../cli/text-wrap.js';
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

/**
 * Fits the terminal (80 columns when not one): the title takes what the other columns leave and is cut with
 * an ellipsis, and the GitHub link is shortened to `#17` (or `repo#17` when the list spans repositories); full
 * links are in --json and --markdown.
 */
export function immediateText(result: ImmediateResult, width: number, prose = Math.min(width, 100)): string {
  const rows = result.rows;
  if (rows.length === 0) return wrapWords(`No open Urgent, High or Medium issues in ${result.teams.join(', ')}.`, prose).join('\n');
  const repos = new Set(rows.flatMap((r) => (r.github ? [r.github.repo] : [])));
  const gh = (r: ImmediateRow) => (r.github ? `${repos.size > 1 ? r.github.repo.split('/')[1] : ''}#${r.github.number}` : '—');
  const columns: TableColumn[] = [
    { header: 'Issue' },
    { header: 'Priority' },
    { header: 'Status', shrinkTo: 6 },
    { header: 'Age', align: 'right' },
    { header: 'Asks', align: 'right' },
    { header: 'GitHub', shrinkTo: 6 },
    { header: 'Title', shrinkTo: 12 },
  ];
  const cells = rows.map((r) => [r.identifier, PRIORITY_LABEL[r.priority], r.status, `${r.ageDays}d`, asks(r), gh(r), r.title]);
  return [...renderTable(columns, cells, { width, gap: 1 }), '', ...wrapWords(summaryLine(result), prose)].join('\n');
}

export function renderImmediate(io: IO, result: ImmediateResult): void {
  if (result.rows.length === 0 && result.pages > 0) io.info(io.color.dim('Nothing on the immediate list.'));
  io.out(immediateText(result, io.outWidth, io.outProse));
}
