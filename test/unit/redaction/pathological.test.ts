import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { Gen, SEED } from './generators.js';

/** Correctness on hostile input of modest size; timing belongs to bench/redaction.bench.js. */
const SIZE = 200 * 1024;
const g = new Gen(SEED);

const RUNS: Record<string, () => string> = {
  'one character': () => 'a'.repeat(SIZE),
  'at signs': () => '@'.repeat(SIZE),
  'a@ pairs': () => 'a@'.repeat(SIZE / 2),
  'digits and spaces': () => Array.from({ length: SIZE / 4 }, () => `${g.digits(g.int(1, 4))} `).join('').slice(0, SIZE),
  'percent signs': () => '%'.repeat(SIZE / 2) + '%4'.repeat(SIZE / 4),
  'base64 characters': () => g.chars(SIZE, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
  'unclosed quotes': () => '"password="'.repeat(SIZE / 11),
  'brackets': () => '[{(<'.repeat(SIZE / 4),
  'colons': () => 'a:'.repeat(SIZE / 2),
  'pem headers': () => '-----BEGIN PRIVATE KEY-----\n'.repeat(SIZE / 28),
  'url prefixes': () => 'https://a:'.repeat(SIZE / 10),
  'header names': () => 'Authorization: '.repeat(SIZE / 15),
  // the structure pass: every reader on input shaped to make it re-read
  'nested objects': () => '{"a":'.repeat(SIZE / 5),
  'nested arrays': () => '[{"phones":['.repeat(SIZE / 12),
  'unclosed json strings': () => '{"password": "'.repeat(SIZE / 14),
  'escaped json': () => '"{\\"password\\":\\"'.repeat(SIZE / 18),
  'xml tags': () => '<password><value>'.repeat(SIZE / 17),
  'xml attributes': () => '<add key="token" value="'.repeat(SIZE / 24),
  'table rows': () => '| password | phone | dob |\n'.repeat(SIZE / 26),
  'csv header then junk': () => `id,password,phone\n${'1,'.repeat(SIZE / 2)}`,
  'insert statements': () => 'INSERT INTO t (password) VALUES ('.repeat(SIZE / 33),
  'assignment chains': () => 'password=password='.repeat(SIZE / 18),
  'go and make operators': () => 'apiToken :::= ??= .= := '.repeat(SIZE / 24),
  'form labels': () => 'Date of birth: Mot de passe: '.repeat(SIZE / 29),
  'dates and birth words': () => 'born 3 March 1985 DOB 03/03/1985 '.repeat(SIZE / 33),
  'yaml block scalars': () => 'key: |\n'.repeat(SIZE / 7),
  'cookie lists': () => `Cookie: ${'a=b; '.repeat(SIZE / 5)}`,
  'national id digits': () => 'Steuer-ID BSN SIN Aadhaar NIR '.repeat(SIZE / 60) + '1 2 3 4 5 6 7 8 9 0 '.repeat(SIZE / 40),
  'address words': () => '12 Main Street Hauptstraße 12 rue de la Paix Calle Mayor 5 '.repeat(SIZE / 60),
  'mac-like hex': () => 'mac aabb.ccdd.eeff 001122334455 '.repeat(SIZE / 32),
  // prose labels, command lines and credential files: separators with no line break in sight
  'a run of colons': () => ':'.repeat(SIZE / 2) + 'a:'.repeat(SIZE / 4),
  'CJK copulas': () => '密码是'.repeat(SIZE / 3),
  'spaced dashes': () => 'a - '.repeat(SIZE / 4),
  'password words': () => 'password '.repeat(SIZE / 9),
  'curl user flags': () => `curl -u ${'"a"'.repeat(SIZE / 3)}`,
  'pgpass-like fields': () => 'a:1:b:c:'.repeat(SIZE / 8),
  'mailbox names': () => 'Aa Bb <'.repeat(SIZE / 7),
  'oauth codes': () => '?code='.repeat(SIZE / 6),
  'config set': () => 'npm config set '.repeat(SIZE / 15),
  // home directories and joined credentials
  'home directories': () => '/home/a'.repeat(SIZE / 7),
  'nested user folders': () => 'C:\\Users\\a b c d'.repeat(SIZE / 16),
  'tilde logins': () => '~a/'.repeat(SIZE / 3),
  'id and secret halves': () => `${g.alnum(40)}|`.repeat(SIZE / 41) + `${g.alnum(20)}:`.repeat(SIZE / 21),
};

describe('pathological input', () => {
  for (const [name, make] of Object.entries(RUNS)) {
    it(`${name}: finishes, stays in bounds, and still finds a secret hidden in it`, async () => {
      const token = `${'gh' + 'p_'}${g.alnum(36)}`;
      const run = make();
      const half = Math.floor(run.length / 2);
      const text = `${run.slice(0, half)}\n${token}\n${run.slice(half)}`;
      const out = await createRedactor({ target: 'github' }).redact(text);
      expect(out.text).not.toContain(token.slice(4));
      expect(out.text).toContain('ghp_[GITHUB_TOKEN_1]');
      let previous = 0;
      for (const f of out.findings) {
        expect(f.start).toBeGreaterThanOrEqual(previous);
        expect(f.end).toBeGreaterThan(f.start);
        expect(f.end).toBeLessThanOrEqual(text.length);
        previous = f.end;
      }
    });
  }

  it('handles empty input, lone surrogates and a BOM', async () => {
    const redactor = createRedactor({ target: 'github' });
    expect((await redactor.redact('')).text).toBe('');
    expect((await redactor.redact('\ud800 a@hooli.xyz \udfff')).text).toBe('\ud800 [EMAIL_1] \udfff');
    const token = `${'np' + 'm_'}${g.alnum(36)}`;
    expect((await redactor.redact(`\ufeff${token}`)).text).toBe('\ufeffnpm_[NPM_TOKEN_1]');
  });
});
