import { describe, expect, it } from 'vitest';
import { etaFromComments } from '../../src/core/eta-comment.js';
import { etaMarker } from '../../src/core/filing-plan.js';
import { githubIssueRef, linkedRefs, pylonTicketRef } from '../../src/core/linked-refs.js';

describe('links read from Linear attachments', () => {
  it.each([
    ['https://github.com/acme/app/issues/17', { repo: 'acme/app', number: 17 }],
    ['https://ghe.example.com/acme/app/issues/3/', { repo: 'acme/app', number: 3 }],
    ['https://github.com/acme/app/pull/17', undefined],
    ['https://pylon.example/issues?issueNumber=12', undefined],
    ['not a url', undefined],
  ])('GitHub issue %s', (url, expected) => {
    const ref = githubIssueRef(url);
    expect(ref ? { repo: ref.repo, number: ref.number } : undefined).toEqual(expected);
  });

  it.each([
    [{ url: 'https://app.usepylon.com/issues?issueNumber=1041', title: 'Pylon #1041' }, 1041],
    [{ url: 'https://pylon.example/t/abc', title: 'Pylon #77' }, 77],
    [{ url: 'https://github.com/acme/app/issues/1', title: 'GitHub acme/app#1' }, undefined],
  ])('Pylon ticket %j', (attachment, number) => {
    expect(pylonTicketRef(attachment)?.number).toBe(number);
  });

  it('the first GitHub issue and every Pylon ticket once', () => {
    const refs = linkedRefs([
      { url: 'https://github.com/acme/app/issues/1' },
      { url: 'https://x/issues?issueNumber=5', title: 'Pylon #5' },
      { url: 'https://github.com/acme/app/issues/2' },
      { url: 'https://x/issues?issueNumber=5', title: 'Pylon #5' },
      { url: 'https://x/issues?issueNumber=6' },
    ]);
    expect(refs.github?.number).toBe(1);
    expect(refs.pylon.map((p) => p.number)).toEqual([5, 6]);
  });
});

describe('the ETA triage posted on GitHub', () => {
  it('comes from the latest marked comment, the marker first', () => {
    const comments = [
      { body: `**Estimated completion: Fri 4 Dec 2026** (2026-12-04)\n\n${etaMarker('a', '2026-12-04')}` },
      { body: 'A person says (2027-01-01)' },
      { body: `Revised wording with no date in it\n\n${etaMarker('b', '2026-12-11')}` },
    ];
    expect(etaFromComments(comments)).toBe('2026-12-11');
  });

  it('reads the date in the text for markers without one, and nothing from unmarked comments', () => {
    expect(etaFromComments([{ body: '**Estimated completion** (2026-12-04)\n<!-- triage-eta:old -->' }])).toBe('2026-12-04');
    expect(etaFromComments([{ body: 'ETA (2026-12-04)' }])).toBeUndefined();
  });
});
