import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { FAMILIES } from '../../../src/core/redaction/providers/index.js';
import { sampleRegex } from '../../support/regex-sample.js';
import { detectWithSecretlint, secretlintRuleIds } from '../../support/secretlint.js';
import { Gen, makeRandom, SEED } from './generators.js';

/**
 * secretlint's recommended preset is no longer in the hot path (the catalogue covers its rules, in one pass);
 * it stays here as a cross-check: whatever it finds in a text, the engine removes.
 */

const g = new Gen(SEED);
const random = makeRandom(SEED + 1);

function sample(id: string): string {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f || f.type !== 'prefix') throw new Error(id);
  return (f.prefixes[0] ?? '') + sampleRegex(f.body, random);
}

describe('secretlint cross-check', () => {
  it('runs the recommended preset without its comment-directive filter', () => {
    const ids = secretlintRuleIds();
    expect(ids).toContain('@secretlint/secretlint-rule-github');
    expect(ids).not.toContain('@secretlint/secretlint-rule-filter-comments');
  });

  it('everything secretlint finds, the engine removes', async () => {
    const tokens = [
      'github-pat', 'github-fine-grained-pat', 'npm-token', 'slack-bot-token', 'aws-access-key-id', 'sendgrid-api-key',
      'shopify-token', 'openai-project-key', 'anthropic-api-key', 'linear-api-key', 'gitlab-pat', 'groq-api-key',
      'huggingface-token', 'databricks-token', 'docker-hub-pat', 'figma-token', 'notion-token', 'vercel-token',
      'tailscale-key', 'vault-service-token', 'cloudflare-token', 'stripe-secret-key',
    ].map(sample);
    const lines = tokens.map((t, i) => `line ${i}: TOKEN_${i}=${t}`);
    lines.push(`aws_secret_access_key = ${g.alnum(20)}/${g.alnum(19)}`);
    lines.push(`DATABASE_URL=postgres://app:${g.password()}@db.internal:5432/app`);
    lines.push(`curl https://deploy:${g.password()}@artifacts.example.net/simple`);
    const text = lines.join('\n');
    const found = await detectWithSecretlint(text);
    // secretlint is stricter on lengths than the catalogue, so it finds a part of these; all of that must go.
    expect(found.length).toBeGreaterThan(10);
    const out = (await createRedactor({ target: 'github' }).redact(text)).text;
    for (const f of found) {
      const value = text.slice(f.start, f.end);
      const middle = value.slice(Math.floor(value.length / 3), Math.floor((2 * value.length) / 3));
      expect(out, `${f.kind} survived`).not.toContain(middle);
    }
  });

  it('secretlint-disable directives in customer text switch nothing off', async () => {
    const token = (): string => sample('github-pat');
    const cases = [
      `// secretlint-disable\nGH=${token()}\n// secretlint-enable`,
      `GH=${token()} // secretlint-disable-line`,
      `// secretlint-disable-next-line\nGH=${token()}`,
      `<!-- secretlint-disable @secretlint/secretlint-rule-github -->\n${token()}`,
    ];
    for (const text of cases) {
      const out = await createRedactor({ target: 'github' }).redact(text);
      expect(out.findings.map((f) => f.kind)).toContain('github_token');
    }
  });
});
