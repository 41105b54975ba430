import { describe, expect, it } from 'vitest';
import { createRedactor, explainLines } from '../../../src/core/redaction/index.js';
import { Gen, SEED } from './generators.js';

/** The structure pass: offsets, fallback on broken structure, and what --explain says. */
const g = new Gen(SEED);

describe('structure-aware redaction', () => {
  it('maps findings inside escaped JSON back to the original offsets', async () => {
    const secret = g.alnum(20);
    const text = `{"body": "{\\"user\\":\\"ops\\",\\"password\\":\\"${secret}\\"}", "status": 401}`;
    const out = await createRedactor({ target: 'github' }).redact(text);
    const f = out.findings.find((x) => x.kind === 'password');
    expect(f).toBeDefined();
    expect(text.slice(f?.start, f?.end)).toBe(secret);
    expect(out.text).not.toContain(secret);
    expect(out.text).toContain('"status": 401');
  });

  it('falls back to the pattern pass where the structure breaks off', async () => {
    const token = `${'gh' + 'p_'}${g.alnum(36)}`;
    const secret = g.hex(24);
    const broken = `{"user": {"name": "ops", "api_key": "${secret}", "nested": [1, 2, {"oops": }\n2024-03-15 token ${token}\n{"phone": "0151 23456789"`;
    const out = await createRedactor({ target: 'github' }).redact(broken);
    expect(out.text).not.toContain(secret);
    expect(out.text).not.toContain(token.slice(4));
    expect(out.text).not.toContain('0151 23456789');
  });

  it('redacts a value by its key whatever its shape, and keeps placeholders and counts', async () => {
    const r = createRedactor({ target: 'github' });
    const short = `${g.alnum(5)}!`;
    const out = await r.redact(`db_password: ${short}\ntoken_count: 42\napi_key: \${API_KEY}\nsecret: <your-secret>`);
    expect(out.text).toBe('db_password: [PASSWORD_1]\ntoken_count: 42\napi_key: ${API_KEY}\nsecret: <your-secret>');
  });

  it('explains each finding without its value, in 80 columns', async () => {
    const secret = g.hex(32);
    const text = `${'x'.repeat(70)}\n{"headers": [{"name": "authorization", "value": "Bearer ${secret}"}], "very_long_key_name_${'k'.repeat(80)}_password": "${g.alnum(9)}"}\nDOB 1985-03-03`;
    const out = await createRedactor({ target: 'github' }).redact(text);
    const lines = explainLines(text, out.findings);
    expect(lines[0]).toMatch(/^3 findings/);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(80);
      expect(line).not.toContain(secret);
      expect(line).not.toContain('1985');
    }
    expect(lines.join('\n')).toContain('2:');
    expect(out.findings.map((f) => f.rule)).toEqual(['key-name', 'key-name', 'context']);
    expect(out.findings[2]?.why).toBe('a date near the word "dob"');
    expect(explainLines('', [])).toEqual(['Nothing was removed.']);
  });
});
