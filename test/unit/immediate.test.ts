import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureComplexity, selectOperation } from '../../src/sandbox/linear/complexity.js';
import { LINEAR_MAX_QUERY_COMPLEXITY } from '../../src/sandbox/linear/rate-limit.js';
import { linearSchema } from '../../src/sandbox/linear/schema.js';
import { CUSTOMER_NEEDS_OF_ISSUES, IMMEDIATE_PAGE } from '../../src/services/linear/queries.js';
import { customersAsking, immediateRows, type ImmediateIssueInput } from '../../src/core/immediate.js';
import { immediateMarkdown, immediateText } from '../../src/commands/immediate/render.js';

const NOW = new Date('2026-11-26T12:00:00Z');

function issue(n: number, priority: number, createdAt: string, extra: Partial<ImmediateIssueInput> = {}): ImmediateIssueInput {
  return {
    id: `id-${n}`,
    identifier: `SUP-${n}`,
    title: `Issue ${n}`,
    url: `https://linear.app/acme/issue/SUP-${n}`,
    priority,
    createdAt,
    state: { name: 'Todo', type: 'unstarted' },
    team: { key: 'SUP' },
    attachments: [],
    needs: [],
    moreLinks: false,
    ...extra,
  };
}

describe('the immediate list', () => {
  it('keeps open Urgent, High and Medium issues, by priority then oldest first', () => {
    const rows = immediateRows(
      [
        issue(1, 3, '2026-11-01T00:00:00Z'),
        issue(2, 1, '2026-11-20T00:00:00Z'),
        issue(3, 2, '2026-11-10T00:00:00Z'),
        issue(4, 1, '2026-11-02T00:00:00Z'),
        issue(5, 4, '2026-10-01T00:00:00Z'),
        issue(6, 0, '2026-10-01T00:00:00Z'),
        issue(7, 1, '2026-10-01T00:00:00Z', { state: { name: 'Done', type: 'completed' } }),
        issue(8, 2, '2026-11-10T00:00:00Z'),
      ],
      NOW,
    );
    expect(rows.map((r) => r.identifier)).toEqual(['SUP-4', 'SUP-2', 'SUP-3', 'SUP-8', 'SUP-1']);
    expect(rows[0]).toMatchObject({ priority: 'urgent', ageDays: 24 });
  });

  it('counts customers: each customer request once, plus Pylon tickets no request accounts for', () => {
    const pylon = (n: number) => ({ url: `https://app.usepylon.com/issues?issueNumber=${n}`, title: `Pylon #${n}` });
    expect(
      customersAsking({
        attachments: [pylon(1), pylon(2), { url: 'https://github.com/acme/app/issues/4' }],
        needs: [
          { customerId: 'globex', attachmentUrl: pylon(2).url },
          { customerId: 'globex', attachmentUrl: null },
          { customerId: 'initech', attachmentUrl: null },
        ],
      }),
    ).toEqual({ customers: 3, needs: 3, pylonTickets: 2 });
  });

  const result = () => ({
    teams: ['SUP'],
    generatedAt: NOW,
    pages: 1,
    rows: immediateRows(
      [
        issue(12, 1, '2026-11-25T00:00:00Z', { title: 'Checkout | payments time out for every customer in the EU region since the deploy', attachments: [{ url: 'https://github.com/acme/app/issues/3' }], needs: [{ customerId: 'a', attachmentUrl: null }] }),
        issue(1234, 3, '2025-11-01T00:00:00Z', { state: { name: 'In Progress', type: 'started' }, moreLinks: true }),
      ],
      NOW,
    ),
  });

  it('fits 80 columns as text', () => {
    const text = immediateText(result(), 80);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^Issue\s+Priority\s+Status\s+Age\s+Asks\s+GitHub\s+Title/);
    expect(text).toMatch(/SUP-12\s+Urgent\s+Todo\s+1d\s+1 #3\s+Checkout/);
    expect(text).toMatch(/SUP-1234 Medium\s+In Progress 390d\s+0\+ —/);
    expect(text).toContain('2 open issues in SUP: 1 Urgent, 0 High, 1 Medium');
  });

  it('is a Markdown table with links and escaped cells', () => {
    const md = immediateMarkdown(result());
    const lines = md.split('\n');
    expect(lines[0]).toBe('| Issue | Title | Priority | Status | Age | Customers | GitHub |');
    expect(lines[2]).toBe('| [SUP-12](https://linear.app/acme/issue/SUP-12) | Checkout \\| payments time out for every customer in the EU region since the deploy | Urgent | Todo | 1d | 1 | [acme/app#3](https://github.com/acme/app/issues/3) |');
    expect(lines[3]).toContain('| 390d | 0+ | — |');
  });
});

describe("the list's query", () => {
  it("stays under Linear's complexity limit at a hundred issues a page, with room to spare", () => {
    for (const [query, variables] of [[IMMEDIATE_PAGE, { first: 100 }], [CUSTOMER_NEEDS_OF_ISSUES, { first: 250 }]] as const) {
      const document = parse(query);
      const report = measureComplexity(linearSchema(), document, selectOperation(document)!, variables);
      expect(report.complexity).toBeLessThan(LINEAR_MAX_QUERY_COMPLEXITY * 0.75);
    }
  });
});
