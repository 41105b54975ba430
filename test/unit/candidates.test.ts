import { describe, expect, it } from 'vitest';
import { CANDIDATE_RULES, rankCandidates, reportPart, scoreCandidate, searchTerms, type CandidateTicket } from '../../src/core/candidates.js';
import { keywords, stem } from '../../src/core/search-words.js';

function ticket(identifier: string, title: string, description = ''): CandidateTicket {
  return { id: `id-${identifier}`, identifier, title, url: `https://linear.app/acme/issue/${identifier}`, description, state: { name: 'Backlog', type: 'backlog' } };
}

describe('search words', () => {
  it.each([
    ['dashboards', 'dashboard'],
    ['reporting', 'report'],
    ['libraries', 'library'],
    ['exported', 'export'],
    ['status', 'status'],
    ['class', 'class'],
    ['pdf', 'pdf'],
  ])('stem(%s) = %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps meaningful words once, in order, and drops stop words, placeholders and short numbers', () => {
    expect(keywords('Please add an Export to PDF for [CUSTOMER] dashboards, export 2 of [EMAIL_1] 404')).toEqual(['export', 'pdf', 'dashboards', '404']);
  });
});

describe('candidate scores', () => {
  const request = { title: 'Export dashboards to PDF', body: 'The customer wants to export their dashboards as PDF files for board meetings.' };

  it.each([
    // [candidate title, description, shown?, strong?]
    ['PDF export for dashboards', 'Download a dashboard as a PDF to share it.', true, true],
    ['Export dashboard', 'Export a dashboard as a file.', true, true],
    ['Dashboards load slowly', 'Dashboards take 20 seconds to load.', false, false],
    ['CSV export times out for large workspaces', 'Exporting to CSV times out.', false, false],
    ['Dark mode for the reporting pages', '', false, false],
  ])('%s → shown %s, strong %s', (title, description, shown, strong) => {
    const ranked = rankCandidates(request, [ticket('SUP-1', title, description)]);
    expect(ranked.length > 0).toBe(shown);
    expect(ranked[0]?.strong ?? false).toBe(strong);
  });

  it('weighs the title 0.7 and the coverage of the request 0.3, to two decimals', () => {
    const { score, shared } = scoreCandidate({ title: 'Export dashboards to PDF', body: '' }, ticket('SUP-1', 'PDF export for dashboards'));
    expect(score).toBe(1);
    expect(shared.sort()).toEqual(['dashboard', 'export', 'pdf']);
  });

  it('needs two shared words: one word in common is chance, however similar the titles', () => {
    const ranked = rankCandidates({ title: 'Second practice', body: 'b' }, [ticket('SUP-1', 'First practice', 'b')]);
    expect(ranked).toEqual([]);
  });

  it("ignores the scaffolding of triage's description template", () => {
    const description = 'Feature request reported by Initech.\n\n## Customer report\nThey want calendar invites.\n\n## Impact\n- **Priority:** Low (P3): nice-to-have feature\n- performance improvement usability';
    expect(reportPart(description)).not.toContain('performance');
    const ranked = rankCandidates({ title: 'Performance of usability', body: 'performance usability improvement' }, [ticket('SUP-1', 'Calendar invites', description)]);
    expect(ranked).toEqual([]);
  });

  it(`ranks best first, keeps at most ${CANDIDATE_RULES.maxShown}, and each issue once`, () => {
    const tickets = [
      ticket('SUP-9', 'Export dashboard', 'pdf'),
      ticket('SUP-2', 'PDF export for dashboards'),
      ...Array.from({ length: 8 }, (_, i) => ticket(`SUP-${20 + i}`, 'Export dashboards', 'to pdf please')),
      ticket('SUP-2', 'PDF export for dashboards'),
    ];
    const ranked = rankCandidates({ title: 'Export dashboards to PDF', body: '' }, tickets);
    expect(ranked).toHaveLength(CANDIDATE_RULES.maxShown);
    expect(ranked[0]!.identifier).toBe('SUP-2');
    expect(new Set(ranked.map((r) => r.identifier)).size).toBe(ranked.length);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });
});

describe('search terms', () => {
  it('Linear gets the request words (title first); GitHub the first few title words', () => {
    const terms = searchTerms({ title: 'Export dashboards as PDF files', body: 'For the board meetings of [CUSTOMER]' });
    expect(terms.linear).toBe('export dashboards pdf files board meetings');
    expect(terms.github).toEqual(['export', 'dashboards', 'pdf']);
  });

  it('never sends placeholders', () => {
    expect(searchTerms({ title: '[CUSTOMER] export', body: '[EMAIL_1] [PHONE_2]' }).linear).toBe('export');
  });
});

describe('the distinguishing word decides', () => {
  const feature = (identifier: string, title: string): CandidateTicket => ({
    id: identifier, identifier, title, url: `https://linear.app/acme/issue/${identifier}`,
    description: `Feature request reported by Initech.\n\n## Customer report\n${title}\n`, state: { name: 'Backlog', type: 'backlog' },
  });
  const bug = (identifier: string, title: string): CandidateTicket => ({ ...feature(identifier, title), description: `Complex technical issue reported by Initech.\n\n${title}\n` });

  it.each([
    // [request title, candidate title, same request?]
    ['CSV export for dashboards', 'Export dashboards to PDF', false],
    ['Export dashboards to CSV', 'Export dashboards to PDF', false],
    ['Dark mode for the mobile app', 'Dark mode for the reporting pages', false],
    ['SAML login for the admin console', 'OIDC login for the admin console', false],
    ['Slack notifications for failed exports', 'Email notifications for failed exports', false],
    ['Export dashboards to PDF', 'PDF export for dashboards', true],
    ['Dark mode for reports', 'Dark mode for the reporting pages', true],
    ['Bulk edit of user roles', 'Bulk edit user roles', true],
  ] as const)('%s vs %s → same request: %s', (requestTitle, candidateTitle, same) => {
    const ranked = rankCandidates({ title: requestTitle, body: '' }, [feature('SUP-9', candidateTitle)]);
    expect(ranked[0]?.strong ?? false).toBe(same);
  });

  it.each([
    // [request title, candidate title, the other open tickets]
    ['CSV export for dashboards', 'Export dashboards to PDF', ['CSV export times out for large workspaces', 'Invoice PDF shows the wrong VAT rate', 'Dashboard charts render blank']],
    ['CSV export for dashboards', 'Export dashboards to PDF', ['CSV export times out', 'CSV import drops the header row', 'Dashboard filters reset']],
    ['Slack notifications for failed exports', 'Email notifications for failed exports', ['Slack app loses its token', 'Email digest arrives twice', 'Exports fail for archived projects']],
  ] as const)('%s vs %s stays a different request among neighbours that share its words', (requestTitle, candidateTitle, others) => {
    const pool = [feature('SUP-9', candidateTitle), ...others.map((t, i) => bug(`SUP-${20 + i}`, t))];
    const ranked = rankCandidates({ title: requestTitle, body: '' }, pool);
    expect(ranked.find((c) => c.identifier === 'SUP-9')?.strong ?? false).toBe(false);
    expect(ranked.some((c) => c.strong)).toBe(false);
  });

  it('a word most titles carry does not tell requests apart', () => {
    const pool = [feature('SUP-9', 'Support bulk edit of user roles'), ...['Support SSO for admins', 'Support dark mode', 'Support CSV import'].map((t, i) => bug(`SUP-${20 + i}`, t))];
    const [top] = rankCandidates({ title: 'Bulk edit of user roles please', body: '' }, pool);
    expect(top?.identifier).toBe('SUP-9');
    expect(top?.strong).toBe(true);
  });

  it('a bug is never the default target, even when it matches: it is a candidate, not a strong feature match', () => {
    const [top] = rankCandidates({ title: 'Export dashboards to PDF', body: '' }, [bug('SUP-3', 'PDF export for dashboards')]);
    expect(top?.feature).toBe(false);
    const [asFeature] = rankCandidates({ title: 'Export dashboards to PDF', body: '' }, [feature('SUP-4', 'PDF export for dashboards')]);
    expect(asFeature?.feature).toBe(true);
  });
});
