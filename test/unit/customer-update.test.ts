import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CUSTOMER_UPDATE_TEMPLATES,
  draftCustomerUpdate,
  fillGitHubUrl,
  filingSituation,
  GITHUB_URL_SLOT,
  renderCustomerUpdate,
  statusSituation,
  UPDATE_SITUATIONS,
} from '../../src/core/customer-update.js';
import { createRedactor } from '../../src/core/redaction/index.js';
import { parseConfig } from '../../src/config/load.js';

const GH = 'https://github.com/acme/app/issues/17';

describe('which update', () => {
  it.each([
    [{ type: 'quick-fix', priority: 'high', appended: false }, 'quickFix'],
    [{ type: 'quick-fix', priority: 'urgent', appended: false }, 'urgent'],
    [{ type: 'complex', priority: 'medium', appended: false }, 'complex'],
    [{ type: 'complex', priority: 'urgent', appended: false }, 'urgent'],
    [{ type: 'feature', priority: 'urgent', appended: false }, 'feature'],
    [{ type: 'feature', priority: 'low', appended: true }, 'appended'],
  ] as const)('%j → %s', (input, situation) => {
    expect(filingSituation(input)).toBe(situation);
  });

  it.each([
    ['completed', 'done'],
    ['canceled', 'canceled'],
    ['started', 'status'],
    ['backlog', 'status'],
  ])('state type %s → %s', (type, situation) => {
    expect(statusSituation(type)).toBe(situation);
  });
});

describe('the default templates', () => {
  const t = DEFAULT_CUSTOMER_UPDATE_TEMPLATES;
  it.each([
    ['quickFix', { title: 'Typo', githubUrl: GH }, [/working on a fix right now/, GH]],
    ['complex', { title: 'Slow', githubUrl: GH, etaDate: '2026-12-04' }, [/estimate for a resolution is Fri 4 Dec 2026/, GH]],
    ['feature', { title: 'PDF', githubUrl: GH }, [/Backlog/, /future production cycle/, /not be acted on right away/, GH]],
    ['urgent', { title: 'Down', githubUrl: GH, onCall: true }, [/urgent/, /on-call engineer is on it now/, GH]],
    ['urgent', { title: 'Down', onCall: false }, [/the team is working on it now/]],
    ['appended', { title: 'PDF', githubUrl: GH }, [/added your request/, /future production cycle/, GH]],
    ['status', { title: 'Slow', stateType: 'started', priority: 'urgent', onCall: true, etaDate: '2026-12-04' }, [/treated as urgent and our on-call engineer is on it; the team is working on it now/, /Fri 4 Dec 2026/]],
    ['status', { title: 'PDF', stateType: 'backlog' }, [/in our product Backlog and will be discussed and addressed in a future production cycle/]],
    ['status', { title: 'Bug', stateType: 'unstarted' }, [/prioritized and scheduled/]],
    ['done', { title: 'Bug', githubUrl: GH }, [/has been resolved/, GH]],
    ['canceled', { title: 'Bug', stateName: 'Duplicate' }, [/closed this request without making a change \(Duplicate\)/]],
  ] as const)('%s says what it must', (situation, facts, expected) => {
    const text = renderCustomerUpdate(t, situation, facts);
    for (const e of expected) expect(text).toMatch(e);
  });

  it('every situation renders without a GitHub link, leaving no dangling line', () => {
    for (const s of UPDATE_SITUATIONS) {
      const text = renderCustomerUpdate(t, s, { title: 'X' });
      expect(text).not.toMatch(/here: *$/m);
      expect(text).not.toMatch(/\n{3,}/);
    }
  });

  it('never names the customer or links to Linear', () => {
    for (const template of Object.values(t)) expect(template).not.toMatch(/customer}}|linear/i);
  });
});

describe('drafting', () => {
  it('is redacted with the GitHub policy and keeps the link slot', async () => {
    const redactor = createRedactor({ target: 'github', identity: { customers: ['Globex Corporation'], domains: ['globex.com'] } });
    const draft = await draftCustomerUpdate({
      situation: 'complex',
      facts: { title: 'x', githubUrl: GITHUB_URL_SLOT, etaDate: '2026-12-04' },
      templates: { ...DEFAULT_CUSTOMER_UPDATE_TEMPLATES, complex: 'Dear Globex Corporation (ops@globex.com): {{githubUrl}} by {{etaLong}}' },
      redactor,
      marker: '<!-- m -->',
    });
    expect(draft.text).not.toMatch(/globex/i);
    expect(draft.text).toContain(GITHUB_URL_SLOT);
    expect(fillGitHubUrl(draft.text, GH)).toContain(`: ${GH} by Fri 4 Dec 2026`);
    expect(draft).toMatchObject({ situation: 'complex', marker: '<!-- m -->' });
  });

  it('templates.customerUpdate overrides one situation and keeps the others', () => {
    const config = parseConfig(
      { routing: { default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } } }, templates: { customerUpdate: { feature: 'Noted: {{githubUrl}}' } } },
      'x.json',
    );
    expect(config.templates.customerUpdate.feature).toBe('Noted: {{githubUrl}}');
    expect(config.templates.customerUpdate.complex).toBe(DEFAULT_CUSTOMER_UPDATE_TEMPLATES.complex);
  });

  it('a broken template or an unknown situation is a config error', () => {
    const base = { routing: { default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } } } };
    expect(() => parseConfig({ ...base, templates: { customerUpdate: { urgent: '{{#onCall}}' } } }, 'x.json')).toThrow(/templates\.customerUpdate\.urgent/);
    expect(() => parseConfig({ ...base, templates: { customerUpdate: { emergency: 'x' } } }, 'x.json')).toThrow(/unknown field/);
  });
});
