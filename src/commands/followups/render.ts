import { renderResolved as renderResolvedPages } from '../../filing/resolve-pages.js';
import type { IO } from '../../cli/io.js';
import { breakCommand } from '../../cli/help-fit.js';
import { truncate, wrapWords } from '../../cli/text-wrap.js';
import { priorityFromLinear } from '../../core/priority.js';
import type { FollowupRow, FollowupsResult } from './run.js';

function scopeText(result: FollowupsResult): string {
  const s = result.scope;
  return s.kind === 'mine' ? 'your issues' : s.kind === 'all' ? 'every linked ticket' : `team${s.teams.length === 1 ? '' : 's'} ${s.teams.join(', ')}`;
}

function outcome(row: FollowupRow): string | undefined {
  if (row.posted) return `posted as ${row.posted.mode === 'reply' ? 'a reply' : 'an internal note'}`;
  if (row.error) return `not posted: ${row.error}`;
  return row.skipped;
}

/** One block per ticket, fitted to the terminal (80 columns when piped): who, what changed, how to post it, then the draft. */
export function renderFollowups(io: IO, result: FollowupsResult): void {
  const width = io.outProse;
  const c = io.color;
  const blocks = result.rows.map((row) => {
    const head = truncate(`#${row.ticket.number}  ${row.customer ?? row.ticket.accountId ?? '—'}  ${row.issue.identifier}  ${row.decision.changes.join('; ')}`, width);
    const lines = [c.bold(head)];
    const done = outcome(row);
    // The command is for copying: it breaks between arguments with `\` continuations, never cut.
    lines.push(...(done ? wrapWords(done, width, '    ', '  ') : breakCommand(row.command, width, '  ', 'post: ')));
    for (const line of row.draft.text.trimEnd().split('\n')) for (const part of wrapWords(line, width - 4)) lines.push(`  ${c.dim('│')} ${part}`.trimEnd());
    return lines.join('\n');
  });
  if (blocks.length) io.out(blocks.join('\n\n'));
  const n = result.rows.length;
  io.info(n ? `${n} customer update${n === 1 ? '' : 's'} owed (${scopeText(result)}, ${result.looked} linked ticket${result.looked === 1 ? '' : 's'} looked at)` : `No customer is owed an update (${scopeText(result)}, ${result.looked} linked ticket${result.looked === 1 ? '' : 's'} looked at)`);
  renderResolved(io, result);
}

export function renderResolved(io: IO, result: FollowupsResult): void {
  renderResolvedPages(io, result.resolved);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A table for the stand-up, then each draft. */
export function followupsMarkdown(result: FollowupsResult): string {
  if (result.rows.length === 0) return `No customer is owed an update (${scopeText(result)}).\n`;
  const lines = ['| Ticket | Customer | Issue | What changed | Post with |', '|---|---|---|---|---|'];
  for (const row of result.rows) {
    lines.push(`| [#${row.ticket.number}](${row.ticket.link}) | ${cell(row.customer ?? '—')} | [${row.issue.identifier}](${row.issue.url}) | ${cell(row.decision.changes.join('; '))} | ${outcome(row) ?? `\`${row.command}\``} |`);
  }
  for (const row of result.rows) {
    lines.push('', `#### #${row.ticket.number} · ${row.issue.identifier}`, '', ...row.draft.text.trimEnd().split('\n').map((l) => (l ? `> ${l}` : '>')));
  }
  return `${lines.join('\n')}\n`;
}

/** The documented `--json` shape (README, "Who is owed an update: triage followups"). */
export function followupsJson(result: FollowupsResult) {
  return {
    generatedAt: result.generatedAt,
    scope: result.scope,
    looked: result.looked,
    count: result.rows.length,
    followups: result.rows.map((row) => ({
      ticket: { id: row.ticket.id, number: row.ticket.number, url: row.ticket.link },
      customer: row.customer,
      issue: { id: row.issue.id, identifier: row.issue.identifier, url: row.issue.url, title: row.issue.title, state: row.issue.state.name, stateType: row.issue.state.type, priority: priorityFromLinear(row.issue.priority) ?? null },
      reasons: row.decision.reasons,
      changes: row.decision.changes,
      lastUpdate: row.decision.since,
      eta: row.eta ?? null,
      github: row.github?.url ?? null,
      update: { situation: row.draft.situation, text: row.draft.text },
      command: row.command,
      posted: row.posted ?? null,
      error: row.error ?? null,
    })),
    resolvedPages: result.resolved,
  };
}
