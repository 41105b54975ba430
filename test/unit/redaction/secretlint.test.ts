import { describe, expect, it } from 'vitest';
import { detectWithSecretlint, secretlintRuleIds } from '../../../src/core/redaction/secrets-secretlint.js';
import { Gen, SEED } from './generators.js';

const g = new Gen(SEED);

describe('secretlint in-process', () => {
  it('runs the recommended preset without its comment-directive filter', () => {
    const ids = secretlintRuleIds();
    expect(ids).toContain('@secretlint/secretlint-rule-github');
    expect(ids).toContain('@secretlint/secretlint-rule-privatekey');
    expect(ids).not.toContain('@secretlint/secretlint-rule-filter-comments');
  });

  it('ignores secretlint-disable directives in customer text', async () => {
    const token = (): string => `${'gh' + 'p_'}${g.alnum(36)}`;
    const cases = [
      `// secretlint-disable\nGH=${token()}\n// secretlint-enable`,
      `GH=${token()} // secretlint-disable-line`,
      `// secretlint-disable-next-line\nGH=${token()}`,
      `<!-- secretlint-disable @secretlint/secretlint-rule-github -->\n${token()}`,
    ];
    for (const text of cases) {
      const found = await detectWithSecretlint(text);
      expect(found.map((f) => f.kind)).toContain('github_token');
    }
  });

  it('narrows connection strings to the password and reports ranges in the whole text', async () => {
    const password = g.password();
    const filler = 'x'.repeat(100_000);
    const text = `${filler}\npostgres://app:${password}@db:5432/app\n`;
    const found = await detectWithSecretlint(text);
    const hit = found.find((f) => f.kind === 'url_password');
    expect(hit && text.slice(hit.start, hit.end)).toBe(password);
  });
});
