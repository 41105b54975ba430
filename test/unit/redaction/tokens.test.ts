import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { Gen, SEED } from './generators.js';

const g = new Gen(SEED);

const TOKENS: Array<[kind: string, prefix: string, body: () => string]> = [
  ['github_token', 'gh' + 'p_', () => g.alnum(36)],
  ['github_token', 'gh' + 'o_', () => g.alnum(36)],
  ['github_token', 'gh' + 'u_', () => g.alnum(36)],
  ['github_token', 'gh' + 's_', () => g.alnum(36)],
  ['github_token', 'gh' + 'r_', () => g.alnum(36)],
  ['github_token', 'github' + '_pat_', () => `${g.alnum(22)}_${g.alnum(59)}`],
  ['npm_token', 'np' + 'm_', () => g.alnum(36)],
  ['linear_api_key', 'lin' + '_api_', () => g.alnum(40)],
  ['linear_oauth_token', 'lin' + '_oauth_', () => g.hex(64)],
  ['pylon_token', 'pylon' + '_api_', () => g.alnum(40)],
  ['pylon_token', 'pylon' + '_api_eu_', () => g.alnum(40)],
  ['slack_token', 'xo' + 'xb-', () => `${g.digits(12)}-${g.digits(13)}-${g.alnum(24)}`],
  ['stripe_key', 'sk' + '_live_', () => g.alnum(24)],
  ['stripe_key', 'rk' + '_live_', () => g.alnum(24)],
  ['stripe_webhook_secret', 'wh' + 'sec_', () => g.alnum(32)],
  ['aws_access_key', 'AK' + 'IA', () => g.upperAlnum(16)],
  ['google_api_key', 'AI' + 'za', () => `Sy${g.alnum(33)}`],
  ['gitlab_token', 'gl' + 'pat-', () => g.alnum(20)],
];

describe('token-shaped secrets', () => {
  for (const [kind, prefix, body] of TOKENS) {
    it(`${prefix}…: keeps the public prefix, never half the token`, async () => {
      const secret = body();
      const token = prefix + secret;
      const text = `before ${token} after, and "${token}", and x=${token}&y=1`;
      const result = await createRedactor({ target: 'github' }).redact(text);
      expect(result.findings.length).toBe(3);
      for (const f of result.findings) {
        expect(f.kind).toBe(kind);
        expect(f.replacement.startsWith(prefix)).toBe(true);
        expect(text.slice(f.start, f.end)).toBe(token);
        expect(f.confidence).toBe('high');
      }
      for (let i = 0; i + 6 <= secret.length; i += 1) expect(result.text).not.toContain(secret.slice(i, i + 6));
    });
  }

  it('JWTs go whole', async () => {
    const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${part({ alg: 'RS256' })}.${part({ sub: g.uuid() })}.${g.alnum(43)}`;
    const out = await createRedactor({ target: 'github' }).redact(`id_token=${jwt};`);
    expect(out.text).toBe('id_token=[JWT_1];');
  });

  it('PEM private keys keep their header and footer lines', async () => {
    const body = Array.from({ length: 6 }, () => g.alnum(64)).join('\n');
    const out = await createRedactor({ target: 'github' }).redact(`key:\n-----BEGIN EC PRIVATE KEY-----\n${body}\n-----END EC PRIVATE KEY-----\nend`);
    expect(out.text).toBe('key:\n-----BEGIN EC PRIVATE KEY-----\n[PRIVATE_KEY_1]\n-----END EC PRIVATE KEY-----\nend');
  });

  it('JSON-escaped PEM keys stay valid JSON', async () => {
    const body = Array.from({ length: 4 }, () => g.alnum(64)).join('\\n');
    const json = `{"private_key": "-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n"}`;
    const out = await createRedactor({ target: 'github' }).redact(json);
    expect(JSON.parse(out.text)).toEqual({ private_key: '-----BEGIN PRIVATE KEY-----\n[PRIVATE_KEY_1]\n-----END PRIVATE KEY-----\n' });
  });

  it('credentials in URLs lose only the password', async () => {
    const password = g.password();
    const out = await createRedactor({ target: 'github' }).redact(`postgres://app:${password}@db.local:5432/orders and redis://:${password}@cache:6379`);
    expect(out.text).toBe('postgres://app:[PASSWORD_1]@db.local:5432/orders and redis://:[PASSWORD_1]@cache:6379');
  });

  it('keeps placeholders and masks that only look like tokens', async () => {
    const masked = `${'gh' + 'p_'}${'x'.repeat(36)}`;
    const text = `${masked} AKIA${'X'.repeat(16)} token=\${GITHUB_TOKEN} Bearer <token>`;
    expect((await createRedactor({ target: 'github' }).redact(text)).text).toBe(text);
  });
});
