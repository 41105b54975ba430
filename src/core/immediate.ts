import { githubIssueRef, pylonTicketRef, type GitHubIssueRef } from './linked-refs.js';
import { IMMEDIATE_PRIORITIES, LINEAR_PRIORITY, priorityFromLinear, type Priority } from './priority.js';

/**
 * The "immediate" list for sprint planning: open Urgent, High and Medium issues, most urgent first and, within a
 * priority, oldest first (it has waited longest). Pure: the rows come from paged reads, the clock is passed in.
 */
export const IMMEDIATE_LINEAR_PRIORITIES: readonly number[] = IMMEDIATE_PRIORITIES.map((p) => LINEAR_PRIORITY[p]);

export interface ImmediateIssueInput {
  id: string;
  identifier: string;
  title: string;
  url: string;
  priority: number;
  createdAt: string;
  state: { name: string; type: string };
  team: { key: string };
  attachments: ReadonlyArray<{ url: string; title?: string | null }>;
  needs: ReadonlyArray<{ customerId: string | null; attachmentUrl: string | null }>;
  /** The page held only some of the issue's links: the count is then a lower bound. */
  moreLinks: boolean;
}

export interface ImmediateRow {
  id: string;
  identifier: string;
  title: string;
  url: string;
  priority: Priority;
  linearPriority: number;
  status: string;
  statusType: string;
  team: string;
  createdAt: string;
  ageDays: number;
  /** Customers asking: each customer with a customer request once, plus each linked Pylon ticket no request accounts for. */
  customers: number;
  /** True when the issue had more links than were read: `customers` is then a lower bound. */
  customersAtLeast: boolean;
  customerNeeds: number;
  pylonTickets: number;
  github: GitHubIssueRef | null;
}

const DAY_MS = 86_400_000;

/**
 * A customer request recorded with its Pylon ticket (what an append does) and that ticket's link are the same
 * customer asking, so they count once; a Pylon ticket linked without a request (a filing from Pylon) counts too.
 */
export function customersAsking(issue: Pick<ImmediateIssueInput, 'attachments' | 'needs'>): { customers: number; needs: number; pylonTickets: number } {
  const customers = new Set(issue.needs.map((n) => n.customerId).filter((id): id is string => Boolean(id)));
  const covered = new Set(issue.needs.map((n) => n.attachmentUrl).filter((u): u is string => Boolean(u)));
  const tickets = issue.attachments.filter((a) => pylonTicketRef(a));
  const uncovered = tickets.filter((a) => !covered.has(a.url)).length;
  return { customers: customers.size + uncovered, needs: issue.needs.length, pylonTickets: tickets.length };
}

export function immediateRows(issues: readonly ImmediateIssueInput[], now: Date): ImmediateRow[] {
  const rows: ImmediateRow[] = [];
  for (const issue of issues) {
    const priority = priorityFromLinear(issue.priority);
    if (!priority || !IMMEDIATE_PRIORITIES.includes(priority)) continue;
    if (issue.state.type === 'completed' || issue.state.type === 'canceled') continue;
    const asking = customersAsking(issue);
    const github = issue.attachments.map((a) => githubIssueRef(a.url)).find((ref) => ref) ?? null;
    rows.push({
      id: issue.id,
      identifier: issue.identifier,
      title: issue.title,
      url: issue.url,
      priority,
      linearPriority: issue.priority,
      status: issue.state.name,
      statusType: issue.state.type,
      team: issue.team.key,
      createdAt: issue.createdAt,
      ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(issue.createdAt)) / DAY_MS)),
      customers: asking.customers,
      customersAtLeast: issue.moreLinks,
      customerNeeds: asking.needs,
      pylonTickets: asking.pylonTickets,
      github,
    });
  }
  return rows.sort(
    (a, b) => a.linearPriority - b.linearPriority || Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.identifier.localeCompare(b.identifier, 'en', { numeric: true }),
  );
}

export function immediateSummary(rows: readonly ImmediateRow[]): Record<'urgent' | 'high' | 'medium', number> {
  return {
    urgent: rows.filter((r) => r.priority === 'urgent').length,
    high: rows.filter((r) => r.priority === 'high').length,
    medium: rows.filter((r) => r.priority === 'medium').length,
  };
}
