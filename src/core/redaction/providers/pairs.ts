import { isDummyTokenBody } from '../dummy-values.js';
import { shannonEntropy } from '../entropy.js';
import type { ProviderFinding } from './scan.js';

/**
 * Credentials issued as an id and a secret, where only the id has a recognisable shape (an AWS access key id
 * and its 40-character secret, a Twilio SID and its auth token, Algolia's app id and admin key …). The secret
 * alone looks like any random string; next to its id, or next to the provider's name, it is the secret.
 *
 * Each rule names its anchors — catalogue families that found the id, and words naming the provider — and the
 * shape of the partner. Partners are searched only inside windows around anchors; overlapping windows are merged
 * first, so each character is read at most once per rule.
 */

export interface PairRule {
  id: string;
  provider: string;
  kind: string;
  /** Catalogue families whose findings anchor the window. */
  families?: readonly string[];
  /** Words (case-insensitive source) that anchor the window. */
  words?: string;
  /** The partner's shape, a class and a length; boundaries are added. */
  partner: { chars: string; min: number; max: number };
  /** How far from the anchor the partner may sit, in characters, on either side. */
  window: number;
  /** Extra shape requirement on the partner. */
  requires?: 'mixed' | 'hex' | 'any';
  /** Minimum entropy of the partner. */
  entropy?: number;
}

const B64 = 'A-Za-z0-9+/';

export const PAIR_RULES: readonly PairRule[] = [
  {
    id: 'aws-secret-access-key',
    provider: 'AWS',
    kind: 'aws_secret_key',
    families: ['aws-access-key-id'],
    words: 'aws|secret[_ -]?access',
    partner: { chars: B64, min: 40, max: 40 },
    window: 300,
    requires: 'mixed',
  },
  {
    id: 'twilio-auth-token',
    provider: 'Twilio',
    kind: 'twilio_auth_token',
    families: ['twilio-account-sid', 'twilio-api-key'],
    words: 'twilio',
    partner: { chars: 'A-Za-z0-9', min: 32, max: 32 },
    window: 300,
    requires: 'any',
    entropy: 3,
  },
  { id: 'algolia-admin-key', provider: 'Algolia', kind: 'algolia_api_key', words: 'algolia', partner: { chars: 'a-f0-9', min: 32, max: 32 }, window: 300, requires: 'hex' },
  { id: 'pusher-secret', provider: 'Pusher', kind: 'pusher_secret', words: 'pusher', partner: { chars: 'a-f0-9', min: 20, max: 20 }, window: 300, requires: 'hex' },
  { id: 'cloudinary-api-secret', provider: 'Cloudinary', kind: 'cloudinary_secret', words: 'cloudinary', partner: { chars: 'A-Za-z0-9_-', min: 27, max: 27 }, window: 300, requires: 'mixed' },
  {
    id: 'azure-client-secret-pair',
    provider: 'Azure',
    kind: 'azure_client_secret',
    words: 'azure|entra|tenant[_ -]?id|client[_ -]?id',
    partner: { chars: 'A-Za-z0-9_~.-', min: 34, max: 44 },
    window: 240,
    requires: 'mixed',
    entropy: 4,
  },
  { id: 'alibaba-secret-pair', provider: 'Alibaba Cloud', kind: 'alibaba_secret_key', families: ['alibaba-access-key-id'], partner: { chars: 'A-Za-z0-9', min: 30, max: 30 }, window: 300, requires: 'mixed' },
  { id: 'tencent-secret-pair', provider: 'Tencent Cloud', kind: 'tencent_secret_key', families: ['tencent-secret-id'], partner: { chars: 'A-Za-z0-9', min: 32, max: 32 }, window: 300, requires: 'mixed' },
  { id: 'digitalocean-spaces-secret', provider: 'DigitalOcean', kind: 'digitalocean_spaces_key', families: ['digitalocean-spaces-key'], partner: { chars: B64, min: 43, max: 43 }, window: 300, requires: 'mixed' },
  { id: 'scaleway-secret-pair', provider: 'Scaleway', kind: 'scaleway_secret_key', families: ['scaleway-access-key'], partner: { chars: 'a-f0-9-', min: 36, max: 36 }, window: 300, requires: 'hex' },
  { id: 'razorpay-secret-pair', provider: 'Razorpay', kind: 'razorpay_secret', families: ['razorpay-key-id'], partner: { chars: 'A-Za-z0-9', min: 24, max: 24 }, window: 300, requires: 'mixed' },
  { id: 'vonage-secret-pair', provider: 'Vonage', kind: 'vonage_secret', words: 'vonage|nexmo', partner: { chars: 'A-Za-z0-9', min: 16, max: 16 }, window: 200, requires: 'mixed' },
  {
    // Any id next to a long random string: `client_id … client_secret`, `app_id … app_key`, `key_id … key`.
    id: 'id-and-secret',
    provider: 'generic',
    kind: 'secret',
    words: '(?:client|app|application|consumer|api|access)[_ -]?(?:id|key[_ -]?id|sid)\\b|\\bkey[_ -]?id\\b',
    partner: { chars: 'A-Za-z0-9_~+/-', min: 32, max: 64 },
    window: 200,
    requires: 'mixed',
    entropy: 4.2,
  },
];

interface Window {
  start: number;
  end: number;
}

function mergeWindows(windows: Window[]): Window[] {
  windows.sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

function shapeOk(rule: PairRule, value: string): boolean {
  if (rule.requires === 'mixed' && (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value))) return false;
  if (rule.requires === 'hex' && !/[a-f]/.test(value)) return false;
  // A SHA is hex in a mixed alphabet's clothing.
  if (rule.requires !== 'hex' && /^[0-9a-f]+$/i.test(value) && rule.partner.chars !== 'A-Za-z0-9') return false;
  if (shannonEntropy(value) < (rule.entropy ?? 3)) return false;
  return !isDummyTokenBody(value);
}

interface CompiledPair {
  rule: PairRule;
  words: RegExp | undefined;
  partner: RegExp;
  isPartnerChar: RegExp;
}

let compiled: CompiledPair[] | undefined;

function pairs(): CompiledPair[] {
  compiled ??= PAIR_RULES.map((rule) => {
    const { chars, min, max } = rule.partner;
    return {
      rule,
      words: rule.words ? new RegExp(rule.words, 'gi') : undefined,
      partner: new RegExp(`(?<![=${chars}])[${chars}]{${min},${max}}(?![=${chars}])`, 'g'),
      isPartnerChar: new RegExp(`[=${chars}]`),
    };
  });
  return compiled;
}

export function detectPairs(text: string, found: readonly ProviderFinding[]): ProviderFinding[] {
  const out: ProviderFinding[] = [];
  const taken = new Set(found.map((f) => f.start));
  for (const { rule, words, partner, isPartnerChar } of pairs()) {
    const windows: Window[] = [];
    const anchors = new Set(rule.families ?? []);
    if (anchors.size > 0) {
      for (const f of found) if (anchors.has(f.family)) windows.push({ start: f.start - rule.window, end: f.end + rule.window });
    }
    if (words) {
      words.lastIndex = 0;
      for (let m = words.exec(text); m !== null; m = words.exec(text)) {
        if (m[0].length === 0) words.lastIndex += 1;
        windows.push({ start: m.index - rule.window, end: m.index + m[0].length + rule.window });
      }
    }
    for (const w of mergeWindows(windows)) {
      // Widen to whole runs so the slice's edges are real boundaries.
      let s = Math.max(0, w.start);
      let e = Math.min(text.length, w.end);
      for (let k = 0; k < 80 && s > 0 && isPartnerChar.test(text.charAt(s - 1)); k += 1) s -= 1;
      for (let k = 0; k < 80 && e < text.length && isPartnerChar.test(text.charAt(e)); k += 1) e += 1;
      const slice = text.slice(s, e);
      partner.lastIndex = 0;
      for (let m = partner.exec(slice); m !== null; m = partner.exec(slice)) {
        const start = s + m.index;
        if (taken.has(start) || !shapeOk(rule, m[0])) continue;
        taken.add(start);
        out.push({ kind: rule.kind, family: rule.id, start, end: start + m[0].length, confidence: 'medium', key: m[0] });
      }
    }
  }
  return out;
}
