import type { LinearGateway } from '../../services/linear/gateway.js';
import type { LinearAttachment, LinearSyncIssue } from '../../services/linear/types.js';
import type { PylonGateway } from '../../services/pylon/gateway.js';
import { readPylonPriority, type PriorityFieldMap, type PylonPriorityReading } from '../../services/pylon/priority-field.js';
import type { PylonFilter, PylonIssue } from '../../services/pylon/types.js';
import { mapBounded } from './bounded.js';

/** Linear issues per read: one request for every hundred linked tickets. */
export const LINEAR_BATCH_SIZE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Pylon ticket and one Linear issue it is linked to, as read from both services. */
export interface SyncPair {
  ticket: { id: string; number: number; link: string; state: string; accountId: string | undefined };
  pylon: PylonPriorityReading;
  linearId: string;
  /** undefined when Linear does not know the id (deleted, or not visible to this key). */
  linear: LinearSyncIssue | undefined;
  /** The Linear attachment whose URL is the ticket's link: where the agreed priority is kept. */
  attachment: LinearAttachment | undefined;
}

export interface CollectResult {
  pairs: SyncPair[];
  /** Tickets the search returned, linked or not. */
  scanned: number;
}

/**
 * Open tickets, and closed ones updated since `since`. Pylon's search cannot filter on linked issues, so every
 * candidate is paged through and the linked ones are picked out here.
 */
export function candidateFilter(since: Date): PylonFilter {
  return {
    operator: 'or',
    subfilters: [
      { field: 'state', operator: 'not_in', values: ['closed'] },
      { field: 'updated_at', operator: 'time_is_after', value: since.toISOString() },
    ],
  };
}

/**
 * Reads both sides in batches: one Pylon search per page of tickets, then the page's Linear issues a hundred
 * per request, so requests grow with pages, not with tickets.
 */
export async function collectPairs(input: {
  pylon: PylonGateway;
  linear: LinearGateway;
  field: PriorityFieldMap;
  filter: PylonFilter;
  pageSize: number;
  concurrency: number;
  progress: (scanned: number, linked: number) => void;
}): Promise<CollectResult> {
  const pairs: SyncPair[] = [];
  const seen = new Set<string>();
  let scanned = 0;

  // The next search page is asked for while this page's Linear issues are read: each page needs only the
  // previous page's cursor, so the two services' round trips overlap instead of adding up.
  const pages = input.pylon.searchIssuePages(input.filter, { pageSize: input.pageSize })[Symbol.asyncIterator]();
  let next = pages.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) break;
      next = pages.next();
      // Settled later (or never, when this page's reads fail first): not an unhandled rejection meanwhile.
      next.catch(() => {});
      await collectPage(current.value);
    }
  } finally {
    // Stopped early by an error: the generator's finally blocks run, and no further page is fetched.
    await pages.return?.(undefined);
  }
  return { pairs, scanned };

  async function collectPage(page: PylonIssue[]): Promise<void> {
    scanned += page.length;
    const fresh: SyncPair[] = [];
    for (const ticket of page) {
      for (const linearId of linearIdsOf(ticket)) {
        const key = `${ticket.id}\u0000${linearId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        fresh.push({
          ticket: { id: ticket.id, number: ticket.number, link: ticket.link, state: ticket.state, accountId: ticket.account?.id },
          pylon: readPylonPriority(ticket.custom_fields ?? {}, input.field),
          linearId,
          linear: undefined,
          attachment: undefined,
        });
      }
    }
    // Fetched per page with this page's links, even an issue an earlier page read: its attachments are filtered
    // to the links asked for, and a ticket on this page may be linked to it too.
    const issues = new Map<string, LinearSyncIssue>();
    const wanted = [...new Set(fresh.map((p) => p.linearId))].filter((id) => UUID.test(id));
    const batches: string[][] = [];
    for (let i = 0; i < wanted.length; i += LINEAR_BATCH_SIZE) batches.push(wanted.slice(i, i + LINEAR_BATCH_SIZE));
    await mapBounded(batches, input.concurrency, async (ids) => {
      const wantedIds = new Set(ids);
      const links = [...new Set(fresh.filter((p) => wantedIds.has(p.linearId)).map((p) => p.ticket.link))];
      for (const issue of await input.linear.issuesForSync(ids, links)) issues.set(issue.id, issue);
    });
    for (const pair of fresh) {
      pair.linear = issues.get(pair.linearId);
      pair.attachment = pair.linear?.attachments.find((a) => a.url === pair.ticket.link);
    }
    pairs.push(...fresh);
    input.progress(scanned, pairs.length);
  }
}

function linearIdsOf(ticket: PylonIssue): string[] {
  return [...new Set((ticket.external_issues ?? []).filter((e) => e.source === 'linear' && e.external_id).map((e) => e.external_id))];
}

export function isLinearUuid(id: string): boolean {
  return UUID.test(id);
}
