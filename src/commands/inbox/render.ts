import type { IO } from '../../cli/io.js';
import { renderTable } from '../../cli/table.js';
import { wrapWords } from '../../cli/text-wrap.js';
import { ageText, stateText } from '../../core/inbox.js';
import type { Inbox } from './load.js';

/** The documented `--json` shape (README, "Start from your queue: triage inbox"). */
export function inboxJson(inbox: Inbox) {
  return {
    scope: inbox.scope,
    assignee: inbox.assignee,
    count: inbox.rows.length,
    tickets: inbox.rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      url: r.link,
      state: r.state,
      createdAt: r.createdAt,
      ageHours: Math.floor(r.ageMs / 3_600_000),
      customer: r.customer ? { id: r.accountId, name: r.customer } : null,
      linkedTo: r.linkedTo,
      command: `triage new --pylon ${r.number}`,
    })),
  };
}

/** "2 tickets assigned to Sam Rivera", "1 unassigned ticket", "no open tickets". */
function counted(inbox: Inbox, n: number): string {
  const tickets = `ticket${n === 1 ? '' : 's'}`;
  const count = n === 0 ? 'no' : String(n);
  if (inbox.scope === 'unassigned') return `${count} unassigned ${tickets}`;
  if (inbox.scope === 'anyone') return `${count} open ${tickets}`;
  return `${count} ${tickets} assigned to ${inbox.assignee?.name ?? 'you'}`;
}

export function inboxText(inbox: Inbox, width: number, prose: number): string {
  if (inbox.rows.length === 0) return wrapWords(`Nothing waits for triage: ${counted(inbox, 0)} in Pylon without a Linear issue.`, prose).join('\n');
  const lines = renderTable(
    [{ header: 'Ticket' }, { header: 'Age', align: 'right' }, { header: 'State', shrinkTo: 8 }, { header: 'Customer', shrinkTo: 10 }, { header: 'Title', shrinkTo: 16, weight: 3 }],
    inbox.rows.map((r) => [`#${r.number}`, ageText(r.ageMs), stateText(r.state), r.customer ?? '—', r.title]),
    { width },
  );
  return lines.join('\n');
}

export function renderInbox(io: IO, inbox: Inbox): void {
  io.out(inboxText(inbox, io.outWidth, io.outProse));
  const n = inbox.rows.length;
  if (n) io.info(io.color.dim(`${counted(inbox, n)}, not yet in Linear, newest first. Start on one with: triage new --pylon <number>`));
}
