/**
 * The engineer's queue: open Pylon tickets assigned to them that no Linear or GitHub issue tracks yet, newest first.
 * These are the requests still waiting to be triaged; `triage inbox` lists them and the wizard offers them as
 * its first question.
 */

export interface InboxTicketInput {
  id: string;
  number: number;
  title: string;
  state: string;
  link: string;
  created_at: string;
  account?: { id: string };
  requester?: { id: string; email?: string };
  assignee?: { id: string; email?: string };
  external_issues?: ReadonlyArray<{ source: string; external_id: string }>;
}

export interface InboxRow {
  id: string;
  number: number;
  title: string;
  state: string;
  link: string;
  createdAt: string;
  ageMs: number;
  accountId: string | null;
  customer: string | null;
  /** Linked elsewhere already (Jira, say), though not to an issue triage files. */
  linkedTo: string[];
}

/** Pylon's search filter language, as much of it as the queue uses. */
export type InboxFilter = { field: string; operator: string; value?: string; values?: string[] } | { operator: 'and'; subfilters: InboxFilter[] };

/** Pylon's states that need no triage: done, or parked by the team. */
export const CLOSED_STATES: readonly string[] = ['closed'];

/** The trackers a filing links a ticket to: a ticket linked to either has been triaged (`triage new` says so too). */
const TRACKERS = ['linear', 'github'];

/** Whether a Linear or GitHub issue already tracks the ticket. */
export function isTracked(ticket: Pick<InboxTicketInput, 'external_issues'>): boolean {
  return (ticket.external_issues ?? []).some((e) => TRACKERS.includes(e.source) && Boolean(e.external_id));
}

/**
 * The filter sent to Pylon's issue search: not closed, assigned as asked. Linked tickets are dropped here,
 * not in the search, since Pylon's filter language has no field for external issues.
 */
export function inboxFilter(assignee: { kind: 'user'; id: string } | { kind: 'unassigned' } | { kind: 'anyone' }): InboxFilter {
  const open: InboxFilter = { field: 'state', operator: 'not_in', values: [...CLOSED_STATES] };
  if (assignee.kind === 'anyone') return open;
  const who: InboxFilter = assignee.kind === 'user' ? { field: 'assignee_id', operator: 'equals', value: assignee.id } : { field: 'assignee_id', operator: 'is_unset' };
  return { operator: 'and', subfilters: [open, who] };
}

export function inboxRows(tickets: readonly InboxTicketInput[], options: { now: Date; customers: ReadonlyMap<string, string> }): InboxRow[] {
  const now = options.now.getTime();
  return tickets
    .filter((t) => !CLOSED_STATES.includes(t.state) && !isTracked(t))
    .map((t) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      state: t.state,
      link: t.link,
      createdAt: t.created_at,
      ageMs: Math.max(0, now - Date.parse(t.created_at)),
      accountId: t.account?.id ?? null,
      customer: (t.account?.id && options.customers.get(t.account.id)) || null,
      linkedTo: (t.external_issues ?? []).map((e) => e.source),
    }))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.number - a.number);
}

/** "just now", "45m", "3h", "2d", "5w", "14mo": an age one reads at a glance. */
export function ageText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${days}d`;
  if (days < 90) return `${Math.floor(days / 7)}w`;
  return `${Math.floor(days / 30)}mo`;
}

/** Pylon's state slugs as words: "waiting_on_you" → "waiting on you". */
export function stateText(state: string): string {
  return state.replace(/_/g, ' ');
}
