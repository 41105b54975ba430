import { describe, expect, it } from 'vitest';
import { appendMarker, planAppend, type AppendInput, type AppendTarget } from '../../src/core/append-plan.js';
import type { Draft } from '../../src/core/draft.js';
import { createRedactors } from '../../src/core/filing-redactors.js';
import type { Priority } from '../../src/core/priority.js';
import { route } from '../../src/core/routing.js';
import { decide } from '../../src/core/rubric.js';
import { DEFAULT_TEMPLATES } from '../../src/core/templates.js';

const draft: Draft = {
  title: 'Export dashboards to PDF for @board',
  body: 'Globex Corporation needs PDFs. Ask nora.quinn@globex.com or @ops-team on GitHub.',
  type: 'feature',
  impact: 'nice-to-have',
  customer: { name: 'Globex Corporation', domains: ['globex.com'], contacts: [{ name: 'Nora Quinn', email: 'nora.quinn@globex.com' }] },
  terms: [],
  labels: [],
  github: true,
};

const target: AppendTarget = {
  id: 'issue-8',
  identifier: 'SUP-8',
  url: 'https://linear.app/acme/issue/SUP-8',
  title: 'Export dashboards to PDF',
  priority: 3,
  state: 'Backlog',
  team: 'SUP',
  assignee: null,
  branchName: 'sam/sup-8',
  github: { repo: 'acme/app', number: 1, url: 'https://github.com/acme/app/issues/1' },
};

function input(extra: Partial<AppendInput> = {}): AppendInput {
  const outcome = decide({ type: 'feature', impact: 'nice-to-have' });
  if (!outcome.ok) throw new Error('rubric');
  return {
    id: 'f-1',
    createdAt: '2026-11-26T12:00:00.000Z',
    draft,
    decision: outcome.decision,
    route: route({ type: 'feature', labels: [], title: draft.title, body: draft.body }, outcome.decision, { routes: [], default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } } }),
    target,
    templates: DEFAULT_TEMPLATES,
    redactors: createRedactors(draft, { redaction: { allow: [], extraPatterns: [] } }),
    ids: { comment: 'c-1', need: 'n-1' },
    targetPriority: 'medium',
    ...extra,
  };
}

describe('planning an append', () => {
  it('Linear keeps the customer, GitHub gets neither customer nor contact, and nobody is pinged', async () => {
    const plan = await planAppend(input());
    expect(plan.linearComment).toMatchObject({ id: 'c-1' });
    expect(plan.linearComment.body).toContain('Another customer asks for this: Globex Corporation');
    expect(plan.linearComment.body).not.toContain('nora.quinn@globex.com');
    expect(plan.linearComment.body).toContain(appendMarker('f-1'));
    const github = plan.githubComment!.body;
    expect(github).not.toMatch(/globex|nora|quinn/i);
    expect(github).toContain('`@board`');
    expect(github).toContain('`@ops-team`');
    expect(plan.githubComment!.marker).toBe(appendMarker('f-1'));
    expect(plan.customerNeed).toMatchObject({ id: 'n-1' });
    expect(plan.customerNeed.body).not.toContain('nora.quinn@globex.com');
    expect(plan.redactions.github.customer).toBeGreaterThan(0);
  });

  it('comments on Linear only when the ticket has no GitHub issue', async () => {
    const { github: _github, ...linearOnly } = target;
    const plan = await planAppend(input({ target: linearOnly }));
    expect(plan.githubComment).toBeUndefined();
    expect(plan.redactions.github).toEqual({});
  });

  it('finds the customer by Pylon account when there is one, else by domain, else by name', async () => {
    expect((await planAppend(input())).customer).toEqual({ name: 'Globex Corporation', domains: ['globex.com'] });
    const pylon = { id: 't-1', number: 1049, link: 'https://pylon/1049', fieldSlug: 'priority', priority: 'low' as Priority, toPylon: { urgent: 'u', high: 'h', medium: 'm', low: 'l' }, accountId: 'acct-1' };
    expect((await planAppend(input({ pylon }))).customer).toMatchObject({ externalId: 'acct-1' });
  });

  it.each([
    // [ticket priority, existing issue priority, Pylon set to, agreed]
    ['low', 'medium', 'm', 'medium'],
    ['medium', 'medium', undefined, 'medium'],
    [null, 'high', 'h', 'high'],
    ['low', null, undefined, null],
  ] as const)('Pylon ticket at %s joining an issue at %s: set to %s, agreed %s', async (ticketPriority, targetPriority, setTo, agreed) => {
    const pylon = { id: 't-1', number: 1049, link: 'https://pylon/1049', fieldSlug: 'priority', priority: ticketPriority, toPylon: { urgent: 'u', high: 'h', medium: 'm', low: 'l' } };
    const plan = await planAppend(input({ pylon, targetPriority }));
    expect(plan.pylon?.setPriorityTo).toBe(setTo);
    expect(plan.pylon?.agreedPriority).toBe(agreed);
  });
});
