import { describe, expect, it } from 'vitest';
import { createRedactor, type KnownIdentity } from '../../../src/core/redaction/index.js';
import { Gen, SEED } from './generators.js';

const g = new Gen(SEED);
const identity: KnownIdentity = {
  customers: ['Globex Corporation'],
  domains: ['globex.com'],
  contacts: [{ name: 'José García', email: 'jose@globex.com' }],
  terms: ['Falcon'],
};

describe('github vs linear', () => {
  const token = `${'np' + 'm_'}${g.alnum(36)}`;
  const text = `Globex (status.globex.com) — José García <jose@globex.com>, +1 (415) 555-0132, Falcon, NPM_TOKEN=${token}, from 81.2.69.160`;

  it('github strips secrets, personal data and who the customer is', async () => {
    const out = await createRedactor({ target: 'github', identity }).redact(text);
    expect(out.text).toBe('[CUSTOMER] (status.[CUSTOMER_DOMAIN]) — [CONTACT_1] <[EMAIL_1]>, [PHONE_1], [TERM_1], NPM_TOKEN=npm_[NPM_TOKEN_1], from [IP_1]');
  });

  it('linear keeps the customer, its domain and contact names; strips the rest', async () => {
    const out = await createRedactor({ target: 'linear', identity }).redact(text);
    expect(out.text).toBe('Globex (status.globex.com) — José García <[EMAIL_1]>, [PHONE_1], [TERM_1], NPM_TOKEN=npm_[NPM_TOKEN_1], from [IP_1]');
  });

  it('reports the target it was built for', () => {
    expect(createRedactor({ target: 'linear' }).target).toBe('linear');
  });

  it('reports kinds and confidences, never values', async () => {
    const out = await createRedactor({ target: 'github', identity }).redact(text);
    const kinds = out.findings.map((f) => f.kind);
    expect(kinds).toEqual(['customer', 'customer_domain', 'contact', 'email', 'phone', 'term', 'npm_token', 'ip']);
    for (const f of out.findings) {
      expect(Object.keys(f).sort()).toEqual(['confidence', 'end', 'kind', 'replacement', 'rule', 'start', 'why']);
      expect(f.replacement).not.toContain(text.slice(f.start, f.end));
      expect(f.why).not.toContain(text.slice(f.start, f.end));
    }
  });
});
