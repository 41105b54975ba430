import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/core/redaction/index.js';
import { FAMILIES } from '../../../src/core/redaction/providers/index.js';
import { familyKind, type Family } from '../../../src/core/redaction/providers/family.js';
import { sampleRegex } from '../../support/regex-sample.js';
import { makeRandom, SEED } from './generators.js';

/**
 * One test per catalogue family. Positives are generated from the family's own description at run time (no
 * token-shaped string is committed) and pasted in the assignment syntaxes of the common config and source
 * formats; the random part must be gone, whole and in pieces.
 */

const random = makeRandom(SEED);

interface Positive {
  value: string;
  /** The part that may not survive. */
  secret: string;
}

function positive(family: Family): Positive {
  for (let attempt = 0; ; attempt += 1) {
    let p: Positive;
    if (family.type === 'prefix') {
      const prefix = family.prefixes[Math.floor(random() * family.prefixes.length)] ?? '';
      const body = sampleRegex(family.body, random);
      p = { value: prefix + body, secret: body };
    } else if (family.type === 'infix') {
      const head = sampleRegex(family.head, random);
      const body = sampleRegex(family.body, random);
      p = { value: head + family.anchor + body, secret: head + body };
    } else {
      const value = sampleRegex(family.value, random);
      p = { value, secret: value };
    }
    // A random draw may itself look like a placeholder (a run of one character in a short alphabet): redraw.
    if (!/(.)\1{4}/.test(p.secret) || family.allowRuns || attempt > 20) return p;
  }
}

/** The assignment syntaxes of common formats: {i} identifier, {I} upper-case identifier, {s} the value. */
const SYNTAXES: readonly string[] = [
  '{i}Token="{s}"',
  '{i}Token = "{s}"',
  '{i}Token={s}',
  '{i}Token = {s}',
  '{\n    "{i}_token": "{s}"\n}',
  '{"config.ini": "{I}_TOKEN={s}\\nBACKUP_ENABLED=true"}',
  '<{i}Token>\n    {s}\n</{i}Token>',
  '{i}_token: {s}',
  "{i}_token: '{s}'",
  '{i}_token: "{s}"',
  'string {i}Token = "{s}";',
  'var {i}Token string = "{s}"',
  '{i}Token := "{s}"',
  '{i}Token := `{s}`',
  'String {i}Token = "{s}";',
  'var {i}Token = "{s}"',
  '${i}Token .= "{s}"',
  "{i}Token = '{s}'",
  'System.setProperty("{I}_TOKEN", "{s}")',
  '  "{i}Token" => "{s}"',
  '{I}_TOKEN = "{s}"',
  '{I}_TOKEN := "{s}"',
  '{I}_TOKEN ::= "{s}"',
  '{I}_TOKEN :::= "{s}"',
  '{I}_TOKEN ?= "{s}"',
  'export {I}_TOKEN={s}',
];

function identifierOf(family: Family): string {
  if (family.type === 'keyword') return family.keywords[0] ?? 'service';
  return family.provider.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function leaks(out: string, secret: string): boolean {
  if (secret.length < 8) return out.includes(secret);
  for (let i = 0; i + 8 <= secret.length; i += 1) if (out.includes(secret.slice(i, i + 8))) return true;
  return false;
}

describe('provider catalogue', () => {
  it('holds the breadth of the largest public catalogues, one entry per family', () => {
    const ids = FAMILIES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    expect(new Set(FAMILIES.map((f) => f.provider)).size).toBeGreaterThanOrEqual(120);
  });

  for (const family of FAMILIES) {
    it(`${family.id} (${family.provider})`, async () => {
      const redactor = createRedactor({ target: 'github' });
      const identifier = identifierOf(family);
      for (const syntax of SYNTAXES) {
        const p = positive(family);
        const text = syntax.replaceAll('{i}', identifier).replaceAll('{I}', identifier.toUpperCase()).replaceAll('{s}', () => p.value);
        const out = (await redactor.redact(text)).text;
        expect(leaks(out, p.secret), `${syntax} → ${out}`).toBe(false);
      }
      if (family.type !== 'keyword') {
        // A bare token in prose is found by its shape alone, under its family's kind.
        const p = positive(family);
        const text = `the customer pasted ${p.value} into the ticket`;
        const result = await redactor.redact(text);
        expect(leaks(result.text, p.secret), result.text).toBe(false);
        expect(result.findings.map((f) => f.kind)).toContain(familyKind(family));
      }
    });
  }
});

describe('families that share a prefix', () => {
  // `live_` is Mollie's and GoCardless's: the first rule to match may stop short of a body another covers.
  const byPrefix = new Map<string, Family[]>();
  for (const family of FAMILIES) {
    if (family.type !== 'prefix') continue;
    for (const prefix of family.prefixes) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), family]);
  }
  const shared = [...byPrefix].filter(([, families]) => families.length > 1);

  it('exist in the catalogue (so this test checks something)', () => {
    expect(shared.length).toBeGreaterThan(0);
  });

  for (const [prefix, families] of shared) {
    it(`${prefix}: every family's token is removed whole (${families.map((f) => f.id).join(', ')})`, async () => {
      const redactor = createRedactor({ target: 'github' });
      for (const family of families) {
        if (family.type !== 'prefix') continue;
        for (let k = 0; k < 100; k += 1) {
          const body = sampleRegex(family.body, random);
          if (/(.)\1{4}/.test(body) && !family.allowRuns) continue;
          const out = (await redactor.redact(`pasted ${prefix}${body} here`)).text;
          expect(leaks(out, body), `${family.id}: ${out}`).toBe(false);
        }
      }
    });
  }
});
