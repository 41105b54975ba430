import type { Candidate } from './candidate.js';
import { isMaskedBody } from './keep-rules.js';
import type { Confidence } from './types.js';

/**
 * Credentials recognisable by their own shape: a vendor prefix and a body. The whole token is the span; the
 * public prefix is kept in front of the placeholder (`ghp_[GITHUB_TOKEN_1]`) because it tells the engineer
 * which kind of credential was pasted without giving any of it away.
 */
interface TokenRule {
  kind: string;
  pattern: RegExp;
  /** Length of the public prefix of a match. */
  prefixLength: (token: string) => number;
  confidence?: Confidence;
}

const fixed = (n: number) => (): number => n;
const upTo = (separator: string, occurrence = 1) => (token: string): number => {
  let index = -1;
  for (let i = 0; i < occurrence; i += 1) {
    index = token.indexOf(separator, index + 1);
    if (index < 0) return 0;
  }
  return index + separator.length;
};

// Every pattern opens with a negative lookbehind of its own body class, so a match can only start where a run
// starts, and every quantifier is bounded: linear on any input.
const RULES: readonly TokenRule[] = [
  // GitHub: classic (ghp_ gho_ ghu_ ghs_ ghr_) and fine-grained (github_pat_)
  // (36 characters today; shorter bodies are accepted because nothing else starts with `ghp_`.)
  { kind: 'github_token', pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9_]{20,251}(?![A-Za-z0-9_])/g, prefixLength: fixed(4) },
  { kind: 'github_token', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])/g, prefixLength: fixed(11) },
  { kind: 'gitlab_token', pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/g, prefixLength: fixed(6) },
  // Linear personal API keys and OAuth access tokens
  { kind: 'linear_api_key', pattern: /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9_]{32,128}(?![A-Za-z0-9_])/g, prefixLength: fixed(8) },
  { kind: 'linear_oauth_token', pattern: /(?<![A-Za-z0-9_])lin_oauth_[A-Za-z0-9_]{32,128}(?![A-Za-z0-9_])/g, prefixLength: fixed(10) },
  // Pylon API tokens: `pylon_api_` (US) and `pylon_api_eu_` (EU) per docs.usepylon.com/pylon-docs/developer/api/authentication.
  // Older tokens carry no prefix; they are caught as bearer credentials in http-headers.ts.
  {
    kind: 'pylon_token',
    pattern: /(?<![A-Za-z0-9_])pylon_api_[A-Za-z0-9_-]{16,256}(?![A-Za-z0-9_-])/g,
    prefixLength: (t) => (t.startsWith('pylon_api_eu_') ? 13 : 10),
  },
  { kind: 'npm_token', pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36,64}(?![A-Za-z0-9_])/g, prefixLength: fixed(4) },
  // Slack bot/user/app/refresh tokens and incoming webhooks
  { kind: 'slack_token', pattern: /(?<![A-Za-z0-9-])xox[abposre]-[A-Za-z0-9-]{8,250}(?![A-Za-z0-9-])/g, prefixLength: fixed(5) },
  { kind: 'slack_token', pattern: /(?<![A-Za-z0-9-])xapp-[A-Za-z0-9-]{8,250}(?![A-Za-z0-9-])/g, prefixLength: fixed(5) },
  {
    kind: 'slack_webhook',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{8,300}/g,
    prefixLength: upTo('/', 4),
  },
  // Stripe secret and restricted keys, webhook signing secrets. Publishable keys (pk_) are public by design.
  { kind: 'stripe_key', pattern: /(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9_])/g, prefixLength: upTo('_', 2) },
  { kind: 'stripe_webhook_secret', pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{24,128}(?![A-Za-z0-9_])/g, prefixLength: fixed(6) },
  // AWS access key ids (long-term, temporary, and the other principal prefixes)
  {
    kind: 'aws_access_key',
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    prefixLength: fixed(4),
  },
  { kind: 'google_api_key', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, prefixLength: fixed(4) },
  { kind: 'anthropic_key', pattern: /(?<![A-Za-z0-9_-])sk-ant-[a-z]{2,10}\d{2}-[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])/g, prefixLength: upTo('-', 3) },
  { kind: 'openai_key', pattern: /(?<![A-Za-z0-9_-])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])/g, prefixLength: upTo('-', 2) },
  // Older OpenAI keys: `sk-` and 48 alphanumerics, no project segment.
  { kind: 'openai_key', pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{40,64}(?![A-Za-z0-9_-])/g, prefixLength: fixed(3) },
  { kind: 'sendgrid_key', pattern: /(?<![A-Za-z0-9_.])SG\.[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}(?![A-Za-z0-9_-])/g, prefixLength: fixed(3) },
  { kind: 'shopify_token', pattern: /(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,64}(?![A-Za-z0-9_])/g, prefixLength: fixed(6) },
  // JSON Web Tokens: base64url header and payload that both open with `{"` (eyJ), optional signature.
  {
    kind: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,8192}\.eyJ[A-Za-z0-9_-]{4,65536}\.[A-Za-z0-9_-]{0,8192}(?![A-Za-z0-9_-])/g,
    prefixLength: fixed(0),
  },
];

export function detectTokens(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      const token = m[0];
      const prefixLength = rule.prefixLength(token);
      if (isMaskedBody(token.slice(prefixLength))) continue;
      // Slack-style bodies are words and dashes in documentation (`xoxb-your-bot-token`); real ones carry digits.
      if (rule.kind === 'slack_token' && !/\d/.test(token.slice(prefixLength))) continue;
      found.push({
        kind: rule.kind,
        start: m.index,
        end: m.index + token.length,
        confidence: rule.confidence ?? 'high',
        key: token,
        keepPrefix: prefixLength > 0 ? token.slice(0, prefixLength) : undefined,
      });
    }
  }
  for (const c of detectAwsSecretKeys(text, found)) found.push(c);
  return found;
}

/**
 * AWS secret access keys are 40 base64 characters with no prefix. Alone they are indistinguishable from other
 * base64, so they count only near an access key id or near the words "aws"/"secret" (assignments such as
 * `aws_secret_access_key = …` are also caught by assignments.ts).
 */
function detectAwsSecretKeys(text: string, tokens: readonly Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  const pattern = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
  const accessKeys = tokens.filter((t) => t.kind === 'aws_access_key');
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const value = m[0];
    if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) continue;
    if (/^[0-9a-f]+$/i.test(value)) continue; // a SHA-1, not a key
    const start = m.index;
    const nearAccessKey = accessKeys.some((k) => Math.abs(k.start - start) < 300);
    const before = text.slice(Math.max(0, start - 80), start);
    if (!nearAccessKey && !/aws|secret/i.test(before)) continue;
    found.push({ kind: 'aws_secret_key', start, end: start + value.length, confidence: 'medium', key: value });
  }
  return found;
}
