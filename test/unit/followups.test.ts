import { describe, expect, it } from 'vitest';
import { decideFollowup, readLastUpdate, withLastUpdate, type FollowupInput, type FollowupReason } from '../../src/core/followups.js';
import { pageDedupKey, pageSummary, pageText, linearUrlWithoutSlug } from '../../src/core/page-plan.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const H = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

function input(over: Omit<Partial<FollowupInput>, 'issue'> & { issue?: Partial<FollowupInput['issue']> }): FollowupInput {
  return {
    lastUpdate: undefined,
    baseline: { at: H(48), priority: 'medium' },
    today: '2026-12-03',
    now: NOW,
    staleUrgentHours: 4,
    ...over,
    issue: { stateType: 'started', stateName: 'In Progress', priority: 'medium', completedAt: null, canceledAt: null, ...over.issue },
  };
}

const told = (at: string, stateType: string, stateName: string, priority: 'urgent' | 'high' | 'medium' | 'low' | null) => ({ at, stateType, stateName, priority });

describe('decideFollowup', () => {
  const cases: Array<[string, FollowupInput, FollowupReason[] | undefined, string?]> = [
    ['done since the filing, never told', input({ issue: { stateType: 'completed', stateName: 'Done', completedAt: H(1) } }), ['done'], 'done'],
    ['done before the link existed: nothing to tell', input({ issue: { stateType: 'completed', stateName: 'Done', completedAt: H(72) } }), undefined],
    ['done, last told while in progress', input({ issue: { stateType: 'completed', stateName: 'Done', completedAt: H(1) }, lastUpdate: told(H(5), 'started', 'In Progress', 'medium') }), ['done'], 'done'],
    ['done, already told it was done', input({ issue: { stateType: 'completed', stateName: 'Done', completedAt: H(6) }, lastUpdate: told(H(5), 'completed', 'Done', 'medium') }), undefined],
    ['canceled, last told in progress', input({ issue: { stateType: 'canceled', stateName: 'Canceled', canceledAt: H(1) }, lastUpdate: told(H(5), 'started', 'In Progress', 'medium') }), ['canceled'], 'canceled'],
    ['closed and Urgent: only done, never stale', input({ issue: { stateType: 'completed', stateName: 'Done', completedAt: H(1), priority: 'urgent' }, lastUpdate: told(H(30), 'started', 'In Progress', 'urgent') }), ['done'], 'done'],
    ['ETA yesterday, told last week', input({ eta: '2026-12-02', lastUpdate: told(H(24 * 7), 'started', 'In Progress', 'medium') }), ['etaMissed'], 'etaMissed'],
    ['ETA yesterday, told today', input({ eta: '2026-12-02', lastUpdate: told(H(1), 'started', 'In Progress', 'medium') }), undefined],
    ['ETA today is not passed yet', input({ eta: '2026-12-03', lastUpdate: told(H(24 * 7), 'started', 'In Progress', 'medium') }), undefined],
    ['priority raised since told', input({ issue: { priority: 'high' }, lastUpdate: told(H(1), 'started', 'In Progress', 'medium') }), ['priorityChanged'], 'status'],
    ['priority differs from the agreed one, never told', input({ issue: { priority: 'low' } }), ['priorityChanged'], 'status'],
    ['state moved on since told', input({ issue: { stateType: 'started', stateName: 'In Review' }, lastUpdate: told(H(1), 'started', 'In Progress', 'medium') }), ['stateChanged'], 'status'],
    ['Urgent, silent for 5h of 4', input({ issue: { priority: 'urgent' }, lastUpdate: told(H(5), 'started', 'In Progress', 'urgent') }), ['staleUrgent'], 'status'],
    ['Urgent, told 3h ago', input({ issue: { priority: 'urgent' }, lastUpdate: told(H(3), 'started', 'In Progress', 'urgent') }), undefined],
    ['High silent for days is not stale', input({ issue: { priority: 'high' }, lastUpdate: told(H(72), 'started', 'In Progress', 'high') }), undefined],
    ['several reasons: ETA first decides the template', input({ eta: '2026-12-01', issue: { priority: 'urgent' }, lastUpdate: told(H(48), 'started', 'In Progress', 'high') }), ['etaMissed', 'priorityChanged', 'staleUrgent'], 'etaMissed'],
    ['nothing changed', input({ lastUpdate: told(H(1), 'started', 'In Progress', 'medium') }), undefined],
  ];
  it.each(cases)('%s', (_name, given, reasons, situation) => {
    const decision = decideFollowup(given);
    expect(decision?.reasons).toEqual(reasons);
    if (situation) expect(decision?.situation).toBe(situation);
  });

  it('says what changed in words', () => {
    expect(decideFollowup(input({ issue: { priority: 'high' }, lastUpdate: told(H(1), 'started', 'In Progress', 'medium') }))?.changes).toEqual(['priority High (was Medium)']);
    expect(decideFollowup(input({ issue: { stateType: 'completed', stateName: 'Done', completedAt: H(1) }, lastUpdate: told(H(5), 'started', 'In Progress', 'medium') }))?.changes).toEqual(['Done (was In Progress)']);
  });
});

describe('the last-update record on the attachment', () => {
  const cases: Array<[string, unknown, ReturnType<typeof readLastUpdate>]> = [
    ['none', { source: 'triage' }, undefined],
    ['not an object', 'x', undefined],
    ['a bad date', { triage: { lastCustomerUpdate: { at: 'soon' } } }, undefined],
    ['full', { triage: { lastCustomerUpdate: { at: H(1), stateType: 'started', stateName: 'In Progress', priority: 'high' } } }, { at: H(1), stateType: 'started', stateName: 'In Progress', priority: 'high' }],
    ['no priority', { triage: { lastCustomerUpdate: { at: H(1), priority: 'none' } } }, { at: H(1), priority: null }],
  ];
  it.each(cases)('reads %s', (_name, metadata, expected) => expect(readLastUpdate(metadata)).toEqual(expected));

  it('writing keeps the agreed priority and anyone else\'s keys', () => {
    const metadata = withLastUpdate({ source: 'triage', other: 1, triage: { lastAgreedPriority: 'high', agreedAt: H(2) } }, { at: H(0), stateType: 'started', stateName: 'In Progress', priority: null });
    expect(metadata).toEqual({ source: 'triage', other: 1, triage: { lastAgreedPriority: 'high', agreedAt: H(2), lastCustomerUpdate: { at: H(0), stateType: 'started', stateName: 'In Progress', priority: 'none' } } });
    expect(readLastUpdate(metadata)).toEqual({ at: H(0), stateType: 'started', stateName: 'In Progress', priority: null });
  });
});

describe('what a page says', () => {
  const links = { linear: { identifier: 'SUP-12', url: 'https://linear.app/acme/issue/SUP-12' }, github: { repo: 'acme/app', number: 7, url: 'https://github.com/acme/app/issues/7' } };
  const page = { title: 'Checkout <down> & out', reason: 'Urgent (P0): critical system outage', dedupKey: pageDedupKey('f1') };
  it.each([
    ['https://linear.app/acme/issue/SUP-12/checkout-down-for-globex', 'SUP-12', 'https://linear.app/acme/issue/SUP-12'],
    ['https://linear.app/acme/issue/SUP-12', 'SUP-12', 'https://linear.app/acme/issue/SUP-12'],
    ['https://linear.app/acme/issue/SUP-120/slug', 'SUP-121', 'https://linear.app/acme/issue/SUP-120/slug'],
  ])('the Linear URL loses its title slug: %s (%s)', (url, identifier, expected) => expect(linearUrlWithoutSlug(url, identifier)).toBe(expected));
  it('Slack text escapes the free text and links both issues', () => {
    const text = pageText(page, links);
    expect(text).toContain('Checkout &lt;down&gt; &amp; out');
    expect(text).toContain('<https://linear.app/acme/issue/SUP-12|SUP-12>');
    expect(text).toContain('<https://github.com/acme/app/issues/7|acme/app#7>');
    expect(text).toContain('ref triage-f1');
  });
  it('the PagerDuty summary stays within 1024 characters and keeps the identifier', () => {
    const summary = pageSummary({ title: 'x'.repeat(2000) }, links);
    expect(summary.length).toBe(1024);
    expect(summary.startsWith('[Urgent] SUP-12: ')).toBe(true);
  });
});
