import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { Gen, SEED } from './generators.js';

const g = new Gen(SEED);
const ghp = (): string => `${'gh' + 'p_'}${g.alnum(36)}`;

describe('stable numbering', () => {
  it('gives the same value the same placeholder across calls, and new values new numbers', async () => {
    const redactor = createRedactor({ target: 'github' });
    const first = await redactor.redact('from ann@hooli.xyz and bob@hooli.xyz');
    const second = await redactor.redact('again ann@hooli.xyz, then cy@hooli.xyz');
    expect(first.text).toBe('from [EMAIL_1] and [EMAIL_2]');
    expect(second.text).toBe('again [EMAIL_1], then [EMAIL_3]');
  });

  it('numbers each kind separately and treats emails case-insensitively', async () => {
    const redactor = createRedactor({ target: 'github' });
    const token = ghp();
    const out = await redactor.redact(`Ann@Hooli.xyz ${token} ann@hooli.xyz ${token} +1 (415) 555-0132`);
    expect(out.text).toBe('[EMAIL_1] ghp_[GITHUB_TOKEN_1] [EMAIL_1] ghp_[GITHUB_TOKEN_1] [PHONE_1]');
  });

  it('gives a phone number one placeholder whatever its formatting', async () => {
    const redactor = createRedactor({ target: 'github' });
    const out = await redactor.redact('+1 (415) 555-0132 or +1-415-555-0132 or tel:+14155550132');
    expect(out.text).toBe('[PHONE_1] or [PHONE_1] or tel:[PHONE_1]');
  });

  it('keeps separate redactors independent', async () => {
    const a = createRedactor({ target: 'github' });
    const b = createRedactor({ target: 'github' });
    await a.redact('x@hooli.xyz');
    expect((await b.redact('y@hooli.xyz')).text).toBe('[EMAIL_1]');
  });
});

describe('idempotence', () => {
  it('redact(redact(x)) == redact(x), with the same or a fresh redactor', async () => {
    const text = [
      `GITHUB_TOKEN=${ghp()}`,
      'mail ann@hooli.xyz, call +44 20 7946 0958',
      `postgres://app:${g.password()}@db:5432/x`,
      `Authorization: Bearer ${g.alnum(40)}`,
      `Cookie: sid=${g.hex(32)}; theme=dark`,
      `-----BEGIN RSA PRIVATE KEY-----\n${g.alnum(64)}\n${g.alnum(64)}\n-----END RSA PRIVATE KEY-----`,
      'Globex Corporation, José García',
    ].join('\n');
    const identity = { customers: ['Globex Corporation'], contacts: [{ name: 'José García' }] };
    const redactor = createRedactor({ target: 'github', identity });
    const once = await redactor.redact(text);
    const twice = await redactor.redact(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.findings).toEqual([]);
    const fresh = await createRedactor({ target: 'github', identity }).redact(once.text);
    expect(fresh.text).toBe(once.text);
  });

  it('does not reuse a number already present in the input for a different value', async () => {
    const redactor = createRedactor({ target: 'github' });
    const out = await redactor.redact('[EMAIL_1] wrote to new@hooli.xyz');
    expect(out.text).toBe('[EMAIL_1] wrote to [EMAIL_2]');
  });

  it('does not take a bracketed token for a placeholder', async () => {
    const key = `${'AK' + 'IA'}${g.upperAlnum(16)}`;
    const out = await createRedactor({ target: 'github' }).redact(`[${key}]`);
    expect(out.text).not.toContain(key.slice(4));
  });
});
