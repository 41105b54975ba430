import type { Candidate } from './candidate.js';
import { isDummyTokenBody } from './dummy-values.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholderValue } from './keep-rules.js';

/**
 * Credentials written as one string, an id and its secret joined by `|` or `:` — Meta's app access token
 * (`<app id>|<app secret>`), client credentials pasted as `client_id:client_secret`, a bot's `<id>:<token>`,
 * an `appId:apiKey` pair. The secret half has no prefix of its own; what gives it away is the shape of the
 * whole: an id (with a digit, not a word) joined to a long random half. Only that half is replaced, the id stays.
 *
 * What stays: label-value pairs (`session:…`, `Error:…`: the left is a word), digests (`sha256:<hex>`), chains
 * (`a:b:c`, ARNs, IPv6, timestamps, `host:port`), a half that is hex after `:` (`<timestamp>:<hash>` cache keys),
 * a half of digits only (`1234567890|0987654321` in a table), and placeholders (`<app id>|<app secret>`).
 *
 * Linear: each separator reads at most MAX_ID characters to its left and MAX_SECRET to its right.
 */

const MIN_ID = 6;
const MAX_ID = 64;
const MIN_SECRET = 20;
const MAX_SECRET = 128;
const MIN_ENTROPY = 3.3;

/** Digest and encoding names: `sha256:<hex>` is a digest, not a credential. */
const ALGORITHM = /^(?:sha\d*|sha3-\d+|md\d|blake\d[bs]?|crc\d+|xxh\d+|murmur\d*|base\d+|hex|rsa|ed\d+|ecdsa|aes\d*|hmac\w*|v\d+|x\d+|utf-?\d+)$/i;

function isIdChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

function isSecretChar(c: number): boolean {
  return isIdChar(c) || c === 0x2b || c === 0x2f || c === 0x3d;
}

/** A character that, next to the pair, makes it part of something longer (a chain, a path, a URL, a host). */
function isJoiner(c: number): boolean {
  return isSecretChar(c) || c === 0x2e || c === 0x3a || c === 0x7c || c === 0x40 || c === 0x7e || c === 0x5c;
}

/** Before the id, `=` assigns the pair (`APP=<id>:<secret>`); it joins nothing. */
function isLeftJoiner(c: number): boolean {
  return c !== 0x3d && isJoiner(c);
}

function isRandomHalf(secret: string, pipe: boolean): boolean {
  if (!/\d/.test(secret) || !/[A-Za-z]/.test(secret)) return false;
  // a UUID or a dashed hex id: an identifier, whatever joins it
  if (/^[0-9a-fA-F-]+$/.test(secret) && secret.includes('-')) return false;
  const hex = /^[0-9a-fA-F]+$/.test(secret);
  // After `:` a hex half is a hash as often as a secret (`<timestamp>:<sha>`); after `|` it is the secret.
  if (hex && !pipe) return false;
  const mixedCase = /[a-z]/.test(secret) && /[A-Z]/.test(secret);
  if (!hex && !mixedCase && secret.length < 32) return false;
  if (shannonEntropy(secret) < MIN_ENTROPY) return false;
  return !isDummyTokenBody(secret) && !isPlaceholderValue(secret);
}

function isId(id: string): boolean {
  if (id.length < MIN_ID || !/\d/.test(id) || !/^[A-Za-z0-9]/.test(id)) return false;
  return !ALGORITHM.test(id) && !isPlaceholderValue(id);
}

export function detectJoinedCredentials(text: string): Candidate[] {
  const found: Candidate[] = [];
  const n = text.length;
  let colon = text.indexOf(':');
  let pipe = text.indexOf('|');
  let from = 0;
  while (colon >= 0 || pipe >= 0) {
    if (colon >= 0 && colon < from) colon = text.indexOf(':', from);
    if (pipe >= 0 && pipe < from) pipe = text.indexOf('|', from);
    if (colon < 0 && pipe < 0) break;
    const i = colon < 0 ? pipe : pipe < 0 ? colon : Math.min(colon, pipe);
    from = i + 1;
    let s = i;
    while (s > 0 && i - s <= MAX_ID && isIdChar(text.charCodeAt(s - 1))) s -= 1;
    if (i - s < MIN_ID || i - s > MAX_ID || (s > 0 && isLeftJoiner(text.charCodeAt(s - 1)))) continue;
    let e = i + 1;
    while (e < n && e - i - 1 <= MAX_SECRET && isSecretChar(text.charCodeAt(e))) e += 1;
    const length = e - i - 1;
    if (length < MIN_SECRET || length > MAX_SECRET || (e < n && isJoiner(text.charCodeAt(e)))) continue;
    const pipeJoined = text.charCodeAt(i) === 0x7c;
    const secret = text.slice(i + 1, e);
    if (!isId(text.slice(s, i)) || !isRandomHalf(secret, pipeJoined)) continue;
    found.push({
      kind: 'secret',
      start: i + 1,
      end: e,
      confidence: 'medium',
      key: secret,
      rule: 'pair',
      why: `the secret half of an id${pipeJoined ? '|' : ':'}secret credential`,
    });
    from = e;
  }
  return found;
}
