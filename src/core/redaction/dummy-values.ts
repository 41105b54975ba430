import { createRequire } from 'node:module';
import { shannonEntropy } from './entropy.js';

/**
 * Values that stand in for a credential rather than being one: masks (`sk_live_****1234`,
 * `ghp_xxxxxxxxxxxx`, `XXX/YYY/ZZZ`), runs of one character, keyboard and alphabet sequences (`1234567890`,
 * `abcdef…`), short patterns repeated (`abc123abc123`), placeholder words inside a token body
 * (`sk_live_your_key_here`, `…EXAMPLE`), and keys that vendors publish in their own documentation.
 *
 * Destroying these makes a ticket harder to read and teaches engineers to switch redaction off; keeping a real
 * secret is worse. So every rule here is one a random secret fails with negligible probability: a 36-character
 * random body has a run of six equal characters, a 60 % share of `x`, or an embedded English word far less often
 * than once in a million.
 */

/** Length and SHA-256 prefix (16 hex digits) of keys published in vendors' documentation. No key is stored. */
const DOCUMENTED_KEYS: ReadonlyArray<[length: number, digest: string]> = [
  [32, '2cafc0970149a84f'], // Stripe API reference test key
  [32, 'f2d6ca16515033e5'], // Stripe docs test key (older)
  [32, '7e8de44ea9ecf6d5'], // Stripe docs test key (newer)
  [40, '3543c50b0cb9cea8'], // GitHub docs personal access token
  [53, '2ddc147f3a3b5a17'], // Slack docs bot token
  [20, '1a5d44a2dca19669'], // AWS docs access key id
  [40, '78314b11be2e5815'], // AWS docs secret access key
  [39, 'ac9265e56c79b234'], // Google Maps docs API key
  [44, '2f3227eccce10b91'], // Slack docs webhook path
];
const DOCUMENTED_LENGTHS = new Set(DOCUMENTED_KEYS.map(([length]) => length));
const DOCUMENTED_DIGESTS = new Set(DOCUMENTED_KEYS.map(([, digest]) => digest));

export function isDocumentedExample(value: string): boolean {
  // Hashing is only worth it for a value of a documented key's length.
  if (!DOCUMENTED_LENGTHS.has(value.length)) return false;
  // node:crypto is required here, not imported: loading it costs every redaction, and few values get this far.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return DOCUMENTED_DIGESTS.has(createHash('sha256').update(value).digest('hex').slice(0, 16));
}

/** x X * • ● · # … */
function isMaskCode(c: number): boolean {
  return c === 0x78 || c === 0x58 || c === 0x2a || c === 0x2022 || c === 0x25cf || c === 0xb7 || c === 0x23 || c === 0x2026;
}
// Written in one case, as people write them: a random mixed-case body spells `fAKe` now and then.
const WORDS = [
  'example', 'sample', 'dummy', 'placeholder', 'your_api', 'your-api', 'yourapi', 'your_key', 'your-key', 'yourkey',
  'your_token', 'your-token', 'yourtoken', 'your_secret', 'your-secret', 'your_own', 'fake_', 'fake-', 'fakekey',
  'faketoken', 'redacted', 'changeme', 'change_me', 'change-me', 'replaceme', 'replace_me', 'insert_your', 'notreal',
  'not_real', 'not-a-real', 'not_a_real', 'donotuse', 'do_not_use', 'goes_here', 'goeshere', 'key_here', 'token_here',
];
const PLACEHOLDER_WORDS = new RegExp([...WORDS, ...WORDS.map((w) => w.toUpperCase())].map((w) => w.replace(/[-]/g, '\\-')).join('|'));

/** Longest run of one repeated character. */
function longestRun(value: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < value.length; i += 1) {
    run = i > 0 && value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Share of neighbouring pairs that step by one in the same direction (`abcd`, `4321`, `0123456789`, where
 * 9 → 0 is a step up). One direction only: a zigzag such as `45676565` is what random digits do about once in
 * 80,000, not what anyone types as a stand-in.
 */
function sequentialShare(value: string): number {
  if (value.length < 2) return 0;
  let up = 0;
  let down = 0;
  for (let i = 1; i < value.length; i += 1) {
    const a = value.charCodeAt(i - 1);
    const b = value.charCodeAt(i);
    const d = b - a;
    if (d === 1 || (a === 0x39 && b === 0x30)) up += 1;
    else if (d === -1 || (a === 0x30 && b === 0x39)) down += 1;
  }
  return Math.max(up, down) / (value.length - 1);
}

/**
 * The share of steps that marks a typed sequence. A random digit string steps by one at about one pair in five,
 * so a low bar on a short value keeps real ids as dummies (a 12-digit key at 0.6 did, about once in 200): short
 * values must be a sequence throughout, longer ones almost throughout.
 */
function isSequence(compact: string): boolean {
  return sequentialShare(compact) >= (compact.length < 12 ? 1 : 0.85);
}

function periodicShare(value: string, from: number, p: number): number {
  let same = 0;
  for (let i = from + p; i < value.length; i += 1) if (value.charCodeAt(i) === value.charCodeAt(i - p)) same += 1;
  return same / (value.length - from - p);
}

/**
 * Whether the value is (almost) a short unit repeated: `abc123abc123`, `deadbeefdeadbeef`. A token body often
 * starts with a fixed part of its format (a version, a type letter, a region) before the repeated stand-in, so a
 * lead of up to eight characters may be skipped when at least 16 repeated ones follow; a random body repeats a
 * unit at 85 % over 16 characters with negligible probability.
 *
 * This runs for every candidate value, so one pass counts the repeats at each period over the whole value
 * first: that is the share with no lead, and a bound on the share with any lead (no more repeats, over a
 * longest lead's shorter stretch), so a random value never reaches the 64 exact lead checks.
 */
function isPeriodic(value: string): boolean {
  const n = value.length;
  // the last eight characters in locals (-1 before the start, which no character equals)
  let c1 = -1, c2 = -1, c3 = -1, c4 = -1, c5 = -1, c6 = -1, c7 = -1, c8 = -1;
  let s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  for (let i = 0; i < n; i += 1) {
    const c = value.charCodeAt(i);
    if (c === c1) s1 += 1;
    if (c === c2) s2 += 1;
    if (c === c3) s3 += 1;
    if (c === c4) s4 += 1;
    if (c === c5) s5 += 1;
    if (c === c6) s6 += 1;
    if (c === c7) s7 += 1;
    if (c === c8) s8 += 1;
    c8 = c7; c7 = c6; c6 = c5; c5 = c4; c4 = c3; c3 = c2; c2 = c1; c1 = c;
  }
  const same = [0, s1, s2, s3, s4, s5, s6, s7, s8];
  for (let p = 1; p <= 8 && p * 3 <= n; p += 1) {
    if ((same[p] ?? 0) / (n - p) >= 0.9) return true;
  }
  const maxLead = Math.min(8, n - 16);
  for (let p = 1; p <= 8; p += 1) {
    if (maxLead < 1 || (same[p] ?? 0) / (n - maxLead - p) < 0.85) continue;
    for (let lead = 1; lead <= maxLead; lead += 1) if (periodicShare(value, lead, p) >= 0.85) return true;
  }
  return false;
}

function maskShare(value: string): number {
  let masks = 0;
  for (let i = 0; i < value.length; i += 1) if (isMaskCode(value.charCodeAt(i))) masks += 1;
  return masks / value.length;
}

export interface DummyOptions {
  /** The format itself repeats one character (Dropbox's `AAAAAAAAAA`, Twitter's `A{22}`). */
  allowRuns?: boolean;
  /** Minimum entropy in bits per character (for values of 16 characters or more). */
  entropy?: number;
}

/**
 * Whether a whole value — a password, a header, a token body — is a mask or a dummy. Safe for any value: no
 * real password is a run of one character or the alphabet in order.
 */
export function isDummyValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4 || v.length > 4096) return false;
  if (isDocumentedExample(v)) return true;
  const separated = /[\s_./:=-]/.test(v);
  const compact = separated ? v.replace(/[\s_./:=-]/g, '') : v;
  if (compact.length === 0) return true;
  if (maskShare(compact) >= 0.5) return true;
  // every segment a run (`XXX/YYY/ZZZ`, `0000-0000`), or one letter then a run (`TXXXXXXXX/BXXXXXXXX`)
  if (separated) {
    const segments = v.split(/[/_.:=-]+/).filter((s) => s.length > 0);
    if (segments.length > 1 && segments.every((s) => s.length >= 2 && longestRun(s) >= s.length - 1)) return true;
  }
  if (compact.length >= 6 && longestRun(compact) === compact.length) return true;
  if (compact.length >= 8 && isSequence(compact)) return true;
  if (compact.length >= 9 && isPeriodic(compact)) return true;
  return false;
}

/**
 * Whether the random part of a token (what follows its public prefix) is a dummy. Stricter than
 * `isDummyValue`: a random body never contains a placeholder word or a long run of one character.
 */
export function isDummyTokenBody(body: string, options: DummyOptions = {}): boolean {
  if (body.length === 0) return true;
  if (isDummyValue(body)) return true;
  if (PLACEHOLDER_WORDS.test(body)) return true;
  if (!options.allowRuns && longestRun(body) >= runLimit(body)) return true;
  // Digits alone carry at most 3.3 bits: random 16-digit bodies fall under 1.7 bits about once in 250,000, under
  // 1.3 (a stand-in like 1111111122222222 is 1.0) not once in a million.
  if (body.length >= 16 && shannonEntropy(body) < (options.entropy ?? (/^[0-9]+$/.test(body) ? 1.3 : 2.2))) return true;
  return false;
}

/**
 * The shortest run of one character that a random body of this length and alphabet contains with probability
 * under 1e-8 (expected runs of length k ≈ n · a^-(k-1)). A fixed limit per alphabet was not enough: a random
 * 32-digit hex secret has a run of six about once in 40,000, and every such secret would have been kept.
 */
function runLimit(body: string): number {
  const alphabet = /^[0-9]+$/.test(body) ? 10 : /^[0-9a-fA-F]+$/.test(body) ? 16 : /^[0-9a-z]+$|^[0-9A-Z]+$/.test(body) ? 36 : 62;
  return 1 + Math.ceil(Math.log(body.length / 1e-8) / Math.log(alphabet));
}
