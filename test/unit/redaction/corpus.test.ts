import { describe, expect, it } from 'vitest';
import { createRedactor, type Redactor } from '../../../src/core/redaction/index.js';
import { CORPUS, CORPUS_IDENTITY, HARD_NEGATIVE_COUNT } from './corpus.js';
import { filler, Gen, SEED } from './generators.js';

/** Kinds whose values are structured (validated or token-shaped): recall must be 100%. */
const STRUCTURED = new Set([
  'github_token', 'npm_token', 'linear_api_key', 'linear_oauth_token', 'pylon_token', 'slack_token', 'slack_webhook',
  'stripe_key', 'stripe_webhook_secret', 'aws_access_key', 'aws_secret_key', 'google_api_key', 'gitlab_token',
  'openai_key', 'jwt', 'private_key', 'url_password', 'authorization', 'basic_auth', 'cookie', 'password', 'secret',
  'encoded', 'email', 'phone', 'card', 'iban', 'ssn', 'ip', 'mac', 'dob', 'national_id', 'address', 'bank_account',
]);
const IDENTITY_KINDS = new Set(['customer', 'customer_domain', 'contact', 'term']);

interface Tally {
  found: number;
  total: number;
}

describe('labelled corpus', () => {
  it('removes every secret and structured personal value and keeps benign text', async () => {
    const g = new Gen(SEED);
    const redactors: Record<string, Redactor> = {
      github: createRedactor({ target: 'github', identity: CORPUS_IDENTITY }),
      linear: createRedactor({ target: 'linear', identity: CORPUS_IDENTITY }),
    };
    const recall = new Map<string, Tally>();
    const misses: string[] = [];
    const lostBenign: string[] = [];
    const notIdempotent: string[] = [];
    let benignKept = 0;
    let benignTotal = 0;

    for (const testCase of CORPUS) {
      const { fill, secretOf } = filler(g);
      const text = fill(testCase.text);
      const redactor = redactors[testCase.target ?? 'github'];
      if (!redactor) throw new Error('no redactor');
      const result = await redactor.redact(text);
      const out = result.text;

      for (const [kind, template] of testCase.redact) {
        const value = fill(template);
        const tally = recall.get(kind) ?? { found: 0, total: 0 };
        tally.total += 1;
        let leaked = IDENTITY_KINDS.has(kind) ? out.toLowerCase().includes(value.toLowerCase()) : out.includes(value);
        // Not even in pieces: no 10-character window of a secret's random part may survive.
        const secret = secretOf(template);
        if (!leaked && secret && secret.length >= 10) {
          for (let i = 0; i + 10 <= secret.length; i += 1) {
            if (out.includes(secret.slice(i, i + 10))) {
              leaked = true;
              break;
            }
          }
        }
        if (leaked) misses.push(`${testCase.id} [${kind}] → ${JSON.stringify(out)}`);
        else tally.found += 1;
        recall.set(kind, tally);
      }

      for (const template of testCase.keep) {
        benignTotal += 1;
        if (out.includes(fill(template))) benignKept += 1;
        else lostBenign.push(`${testCase.id}: ${JSON.stringify(fill(template))} → ${JSON.stringify(out)}`);
      }

      const again = await redactor.redact(out);
      if (again.text !== out) notIdempotent.push(`${testCase.id}: ${JSON.stringify(out)} → ${JSON.stringify(again.text)}`);
    }

    const rows = [...recall.entries()].sort(([a], [b]) => a.localeCompare(b));
    const lines = rows.map(([kind, t]) => `  ${kind.padEnd(22)} ${String(t.found).padStart(3)}/${String(t.total).padEnd(3)} ${((100 * t.found) / t.total).toFixed(1)}%`);
    const benignShare = benignKept / benignTotal;
    console.log(
      [
        `redaction corpus (seed ${SEED}): ${CORPUS.length} cases, ${HARD_NEGATIVE_COUNT} hard negatives`,
        'recall per kind:',
        ...lines,
        `benign strings preserved: ${benignKept}/${benignTotal} = ${(100 * benignShare).toFixed(1)}%`,
        ...(misses.length ? ['MISSES:', ...misses] : []),
        ...(lostBenign.length ? ['LOST BENIGN:', ...lostBenign] : []),
        ...(notIdempotent.length ? ['NOT IDEMPOTENT:', ...notIdempotent] : []),
      ].join('\n'),
    );

    expect(CORPUS.length).toBeGreaterThanOrEqual(600);
    expect(HARD_NEGATIVE_COUNT).toBeGreaterThanOrEqual(150);
    for (const [kind, t] of rows) {
      if (STRUCTURED.has(kind) || IDENTITY_KINDS.has(kind)) expect({ kind, found: t.found }).toEqual({ kind, found: t.total });
    }
    expect(misses).toEqual([]);
    expect(benignShare).toBeGreaterThanOrEqual(0.98);
    expect(notIdempotent).toEqual([]);
  });
});
