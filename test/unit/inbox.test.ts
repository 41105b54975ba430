import { describe, expect, it } from 'vitest';
import { ageText, inboxFilter, inboxRows, isTracked, type InboxTicketInput } from '../../src/core/inbox.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

function ticket(number: number, hours: number, more: Partial<InboxTicketInput> = {}): InboxTicketInput {
  return { id: `id-${number}`, number, title: `Ticket ${number}`, state: 'new', link: `https://app.usepylon.com/issues?issueNumber=${number}`, created_at: hoursAgo(hours), account: { id: 'acc-1' }, ...more };
}

describe('the queue', () => {
  it('keeps open tickets no Linear or GitHub issue tracks, newest first, with the customer named', () => {
    const rows = inboxRows(
      [
        ticket(1, 50),
        ticket(2, 2),
        ticket(3, 1, { state: 'closed' }),
        ticket(4, 3, { external_issues: [{ source: 'linear', external_id: 'lin-1' }] }),
        ticket(5, 4, { external_issues: [{ source: 'jira', external_id: 'OPS-7' }], account: { id: 'acc-2' } }),
        ticket(7, 5, { external_issues: [{ source: 'github', external_id: 'acme/app/7' }] }),
        ticket(6, 2, { state: 'waiting_on_you' }),
      ],
      { now: NOW, customers: new Map([['acc-1', 'Globex']]) },
    );
    expect(rows.map((r) => r.number)).toEqual([6, 2, 5, 1]);
    expect(rows[0]).toMatchObject({ customer: 'Globex', state: 'waiting_on_you', ageMs: 2 * 3_600_000, linkedTo: [] });
    // A Jira link is not triage: the ticket stays, and says what it is linked to.
    expect(rows.find((r) => r.number === 5)).toMatchObject({ customer: null, linkedTo: ['jira'] });
  });

  it.each([
    [[], false],
    [[{ source: 'linear', external_id: 'x' }], true],
    [[{ source: 'linear', external_id: '' }], false],
    [[{ source: 'github', external_id: 'acme/app/7' }], true],
    [[{ source: 'jira', external_id: 'J-1' }], false],
  ] as const)('links %j → tracked: %s', (external_issues, linked) => {
    expect(isTracked({ external_issues })).toBe(linked);
  });

  it("asks Pylon for open tickets, as assigned as asked, in Pylon's filter language", () => {
    const open = { field: 'state', operator: 'not_in', values: ['closed'] };
    expect(inboxFilter({ kind: 'anyone' })).toEqual(open);
    expect(inboxFilter({ kind: 'user', id: 'u1' })).toEqual({ operator: 'and', subfilters: [open, { field: 'assignee_id', operator: 'equals', value: 'u1' }] });
    expect(inboxFilter({ kind: 'unassigned' })).toEqual({ operator: 'and', subfilters: [open, { field: 'assignee_id', operator: 'is_unset' }] });
  });

  it.each([
    [20_000, 'now'],
    [5 * 60_000, '5m'],
    [59 * 60_000, '59m'],
    [3 * 3_600_000, '3h'],
    [47 * 3_600_000, '47h'],
    [3 * 86_400_000, '3d'],
    [20 * 86_400_000, '2w'],
    [200 * 86_400_000, '6mo'],
  ])('%i ms reads %s', (ms, text) => {
    expect(ageText(ms)).toBe(text);
  });
});
