import { describe, expect, it } from 'vitest';
import { createRedactor, RedactorConfigError } from '../../../src/core/redaction/index.js';

describe('allow-list', () => {
  it('keeps exact allowed strings, and only those', async () => {
    const redactor = createRedactor({
      target: 'github',
      identity: { domains: ['globex.com'] },
      allow: ['status.globex.com', 'support@hooli.xyz'],
    });
    const out = await redactor.redact('see status.globex.com or app.globex.com; mail support@hooli.xyz, not xsupport@hooli.xyz');
    expect(out.text).toBe('see status.globex.com or app.[CUSTOMER_DOMAIN]; mail support@hooli.xyz, not [EMAIL_1]');
  });
});

describe('extra patterns', () => {
  it('adds kinds with their own placeholders', async () => {
    const redactor = createRedactor({
      target: 'linear',
      extraPatterns: [
        { kind: 'account_id', pattern: 'ACCT-\\d{6}' },
        { kind: 'order-email', pattern: 'ord\\+\\w+' },
      ],
    });
    const out = await redactor.redact('account ACCT-123456 and ACCT-654321 and ACCT-123456; ord+x1');
    expect(out.text).toBe('account [ACCOUNT_ID_1] and [ACCOUNT_ID_2] and [ACCOUNT_ID_1]; [ORDER_EMAIL_1]');
    expect(out.findings.map((f) => f.kind)).toEqual(['account_id', 'account_id', 'account_id', 'order-email']);
    // placeholders of extra kinds are kept on a second pass
    expect((await redactor.redact(out.text)).text).toBe(out.text);
  });

  it('ignores empty matches', async () => {
    const out = await createRedactor({ target: 'github', extraPatterns: [{ kind: 'x', pattern: 'a*' }] }).redact('bbb aa');
    expect(out.text).toBe('bbb [X_1]');
  });

  it('rejects invalid patterns at construction, naming the entry, not the pattern', () => {
    expect(() => createRedactor({ target: 'github', extraPatterns: [{ kind: 'bad', pattern: '(' }] })).toThrow(RedactorConfigError);
    expect(() => createRedactor({ target: 'github', extraPatterns: [{ kind: 'bad', pattern: '(' }] })).toThrow(/extraPatterns\[0\] \(kind "bad"\)/);
  });
});

describe('options', () => {
  it('rejects an unknown target', () => {
    expect(() => createRedactor({ target: 'jira' as never })).toThrow(RedactorConfigError);
  });

  it('reads national phone numbers for the configured country', async () => {
    const text = 'Tel 030 901820 oder 0171 2345678';
    expect((await createRedactor({ target: 'github', defaultPhoneCountry: 'DE' }).redact(text)).text).toBe('Tel [PHONE_1] oder [PHONE_2]');
    expect(() => createRedactor({ target: 'github', defaultPhoneCountry: 'XX' })).toThrow(RedactorConfigError);
  });
});
