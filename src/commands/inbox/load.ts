import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { inboxFilter, inboxRows, type InboxRow } from '../../core/inbox.js';
import type { PylonUser } from '../../services/pylon/types.js';

/** Whose queue: the engineer's own (found through their Linear account's email), someone's, nobody's, or all. */
export type InboxScope = { kind: 'me' } | { kind: 'user'; ref: string } | { kind: 'unassigned' } | { kind: 'anyone' };

export interface Inbox {
  rows: InboxRow[];
  /** The Pylon user whose queue this is (none for --unassigned and --all). */
  assignee: { id: string; name: string; email: string | null } | null;
  scope: InboxScope['kind'];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function emailsOf(user: PylonUser): string[] {
  return [user.email, ...(user.emails ?? [])].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase());
}

/**
 * Pylon's API token belongs to the organization, not to a person, so "my tickets" needs the engineer's
 * email: the one their Linear key belongs to, matched against Pylon's members.
 */
async function resolveAssignee(ctx: Context, scope: Extract<InboxScope, { kind: 'me' | 'user' }>): Promise<PylonUser> {
  const pylon = await ctx.pylon();
  let email: string;
  if (scope.kind === 'user') {
    if (UUID.test(scope.ref)) {
      const users = await pylon.users();
      return users.find((u) => u.id === scope.ref) ?? { id: scope.ref, name: scope.ref };
    }
    email = scope.ref.toLowerCase();
  } else {
    if (!ctx.env.LINEAR_API_KEY) {
      throw new UsageError('Cannot tell whose queue this is: Pylon tokens belong to the organization, and no LINEAR_API_KEY says who you are', {
        hint: 'Pass --assignee <your Pylon email>, or set LINEAR_API_KEY (your Linear account\'s email is matched to Pylon\'s users).',
      });
    }
    email = (await (await ctx.linear()).viewer()).email.toLowerCase();
  }
  const users = await pylon.users();
  const user = users.find((u) => emailsOf(u).includes(email));
  if (!user) {
    throw new UsageError(`No Pylon user has the email ${email}${scope.kind === 'me' ? " (your Linear account's)" : ''}`, {
      hint: `Pass --assignee with the email you use in Pylon (${users.length} users there), or --unassigned / --all.`,
    });
  }
  return user;
}

/** The queue, newest first: one search (a page of up to `limit`), then the customers' names in pages. */
export async function loadInbox(ctx: Context, scope: InboxScope, options: { limit: number }): Promise<Inbox> {
  const pylon = await ctx.pylon();
  const assignee = scope.kind === 'me' || scope.kind === 'user' ? await resolveAssignee(ctx, scope) : null;
  const filter = inboxFilter(assignee ? { kind: 'user', id: assignee.id } : scope.kind === 'unassigned' ? { kind: 'unassigned' } : { kind: 'anyone' });
  const tickets = [];
  for await (const page of pylon.searchIssuePages(filter, { pageSize: Math.min(999, Math.max(options.limit * 2, 100)) })) {
    tickets.push(...page);
    // Linked tickets are dropped after the search; reading on past a full queue would only cost requests.
    if (tickets.length >= options.limit * 4) break;
  }
  const open = inboxRows(tickets, { now: ctx.now(), customers: new Map() });
  const shown = open.slice(0, options.limit);
  const customers = await pylon.accountNames([...new Set(shown.flatMap((r) => (r.accountId ? [r.accountId] : [])))]);
  return {
    rows: shown.map((r) => ({ ...r, customer: (r.accountId && customers.get(r.accountId)) || null })),
    assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email ?? assignee.emails?.[0] ?? null } : null,
    scope: scope.kind,
  };
}
