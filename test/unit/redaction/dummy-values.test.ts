import { describe, expect, it } from 'vitest';
import { isDummyTokenBody, isDummyValue } from '../../../src/core/redaction/dummy-values.js';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { FAMILIES } from '../../../src/core/redaction/providers/index.js';
import { Gen, SEED } from './generators.js';

const g = new Gen(SEED);

/** Stand-ins for secrets survive: each of these forms, for every prefixed family of the catalogue. */
const BODIES: Array<[name: string, body: (n: number) => string]> = [
  ['x mask', (n) => 'x'.repeat(n)],
  ['X mask', (n) => 'X'.repeat(n)],
  ['star mask with last four', (n) => `${'*'.repeat(Math.max(4, n - 4))}${g.digits(4)}`],
  ['bullet mask', (n) => '•'.repeat(n)],
  ['zeros', (n) => '0'.repeat(n)],
  ['sequence', (n) => '0123456789abcdefghijklmnopqrstuvwxyz'.repeat(8).slice(0, n)],
  ['repeated unit', (n) => 'abc123'.repeat(n).slice(0, n)],
  ['words', () => 'your_api_key_here'],
  ['example', (n) => `EXAMPLE${'1'.repeat(Math.max(0, n - 7))}`],
];

describe('placeholders survive', () => {
  it('keeps the stand-ins an engineer writes instead of a secret', async () => {
    const text = [
      'api_key=<your-token>',
      'token: ${SECRET}',
      'password: {{token}}',
      'DB_PASSWORD=changeme',
      'STRIPE_KEY=your_api_key_here',
      'secret = "XXX/YYY/ZZZ"',
      'webhook: https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX',
      `Authorization: Bearer ${'*'.repeat(12)}`,
      `api_key = "${'a'.repeat(32)}"`,
      'client_secret = "1234567890abcdef1234567890abcdef"',
      `"token": "${'abcd'.repeat(10)}"`,
    ].join('\n');
    const out = await createRedactor({ target: 'github' }).redact(text);
    expect(out.text).toBe(text);
  });

  for (const family of FAMILIES) {
    if (family.type !== 'prefix' || family.checksum) continue;
    it(`${family.id}: masked and dummy bodies are kept`, async () => {
      const redactor = createRedactor({ target: 'github' });
      for (const [name, body] of BODIES) {
        const text = `key: ${family.prefixes[0] ?? ''}${body(32)} end`;
        const out = await redactor.redact(text);
        expect(out.findings.filter((f) => f.kind !== 'email'), `${name}: ${out.text}`).toEqual([]);
      }
    });
  }

  it('a GitHub token with a valid checksum is a token whatever its body looks like', async () => {
    const { base62, crc32 } = await import('../../../src/core/redaction/providers/checksum.js');
    const random = `${'EXAMPLE'}${g.alnum(23)}`;
    const token = `${'gh' + 'p_'}${random}${base62(crc32(random), 6)}`;
    const out = await createRedactor({ target: 'github' }).redact(`GH=${token}`);
    expect(out.text).toBe('GH=ghp_[GITHUB_TOKEN_1]');
  });

  it('a short run inside an otherwise random body does not make it a dummy', () => {
    // Runs this long turn up in random secrets often enough (hex: a run of six about once in 40,000) to leak.
    expect(isDummyTokenBody(`${g.hex(13)}${'a'.repeat(6)}${g.hex(13)}`)).toBe(false);
    expect(isDummyTokenBody(`${g.digits(12)}${'7'.repeat(7)}${g.digits(12)}`)).toBe(false);
    expect(isDummyTokenBody(`${g.alnum(15)}${'Q'.repeat(5)}${g.alnum(16)}`)).toBe(false);
    // a body that is mostly one character is still a dummy
    expect(isDummyTokenBody(`${g.alnum(4)}${'a'.repeat(28)}`)).toBe(true);
  });

  it('random secrets are not dummies', () => {
    for (let i = 0; i < 2000; i += 1) {
      expect(isDummyTokenBody(g.alnum(36))).toBe(false);
      expect(isDummyTokenBody(g.hex(32))).toBe(false);
      expect(isDummyValue(g.password())).toBe(false);
    }
  });
});

describe('short random ids', () => {
  it('a random digit id of 8 to 16 digits is never read as a typed sequence or a repeated unit', () => {
    // A low bar on short values kept about one 12-digit key in 200 (a heap id: 989894443438).
    for (let length = 8; length <= 16; length += 1) {
      for (let i = 0; i < 3000; i += 1) {
        const id = g.digits(length);
        expect(isDummyTokenBody(id), id).toBe(false);
      }
    }
    expect(isDummyTokenBody('989894443438')).toBe(false);
  });

  it('typed sequences stay dummies, also across the 9 → 0 wrap', () => {
    for (const value of ['12345678', '1234567890', '98765432', '7890123456', 'abcdefghijkl', '0123456789abcdef']) {
      expect(isDummyValue(value), value).toBe(true);
    }
  });
});

describe('sequences go one way', () => {
  it('a zigzag of digits is not a typed sequence', () => {
    for (const value of ['45676565', '12121212', '98989898', '3434543456']) expect(isDummyTokenBody(value), value).toBe(false);
  });
});

describe('a value ending in a separator', () => {
  it('is a password when its parts are random, and a bare provider prefix when they are prefix words', async () => {
    const { isPlaceholderValue } = await import('../../../src/core/redaction/keep-rules.js');
    for (let i = 0; i < 500; i += 1) {
      const random = `${g.password().slice(0, 9)}${g.pick(['_', '-'])}${g.alnum(5)}${g.pick(['_', '-'])}`;
      expect(isPlaceholderValue(random), random).toBe(false);
      expect(isPlaceholderValue(`${g.alnum(12)}_`)).toBe(false);
    }
    for (const prefix of ['sk-', 'sk_live_', 'ghp_', 'xoxb-', 'glpat-', 'sk-ant-api03-', 'dop_v1_', 'AKIA_', 'Bearer-', 'sk-...', 'ghp_…']) {
      expect(isPlaceholderValue(prefix), prefix).toBe(true);
    }
  });

  it('is removed under a password key in every syntax', async () => {
    const redactor = createRedactor({ target: 'github' });
    for (const sep of ['_', '-']) {
      const pw = `${g.alnum(9)}${sep}${g.alnum(5)}${sep}`;
      for (const text of [`password=${pw}`, `{"password":"${pw}"}`, `my password is ${pw} ok`, `postgres://app:${pw}@db.internal:5432/x`]) {
        const out = await redactor.redact(text);
        expect(out.text, text).not.toContain(pw);
      }
    }
  });
});
