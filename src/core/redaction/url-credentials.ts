import type { Candidate } from './candidate.js';
import { isPlaceholderValue } from './keep-rules.js';

/**
 * Passwords in URLs: `postgres://user:pass@host`, `mongodb+srv://…`, `redis://:pass@host`, `https://user:pass@…`,
 * `https://x-access-token:TOKEN@github.com`. Only the password is the span: the scheme, user name and host are
 * what an engineer debugs with. (A user name that is an email or a token is caught by its own detector.)
 */

const MAX_AUTHORITY = 512;

const DEFAULT_ACCOUNTS = new Set(['postgres', 'mysql', 'mongodb', 'mongo', 'root', 'admin', 'guest', 'redis', 'rabbitmq', 'user', 'test', 'sa', 'oracle', 'elastic', 'minio', 'minioadmin']);

function isStop(code: number): boolean {
  // whitespace, quotes, brackets and the path separator end the authority part of a URL
  return (
    code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x60 || code === 0x3c || code === 0x3e ||
    code === 0x2f || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d || code === 0x7f
  );
}

export function detectUrlCredentials(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  let from = 0;
  for (let sep = text.indexOf('://', from); sep >= 0; sep = text.indexOf('://', from)) {
    from = sep + 3;
    // the scheme: letters, digits, + . - ; at most 32 characters back
    let s = sep;
    while (s > 0 && sep - s < 32 && /[A-Za-z0-9+.-]/.test(text.charAt(s - 1))) s -= 1;
    if (s === sep || !/[A-Za-z]/.test(text.charAt(s))) continue;
    const authorityStart = sep + 3;
    let e = authorityStart;
    const limit = Math.min(text.length, authorityStart + MAX_AUTHORITY);
    while (e < limit && !isStop(text.charCodeAt(e))) e += 1;
    const authority = text.slice(authorityStart, e);
    const at = authority.lastIndexOf('@');
    if (at <= 0) continue;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon < 0) continue;
    const password = userinfo.slice(colon + 1);
    if (password.length === 0 || isPlaceholderValue(password, placeholder)) continue;
    // `postgres://postgres:postgres@localhost`, `amqp://guest:guest@…`: a product's default account, as documented.
    if (DEFAULT_ACCOUNTS.has(password.toLowerCase()) && userinfo.slice(0, colon).toLowerCase() === password.toLowerCase()) continue;
    const start = authorityStart + colon + 1;
    found.push({ kind: 'url_password', start, end: start + password.length, confidence: 'high', key: password });
  }
  return found;
}
