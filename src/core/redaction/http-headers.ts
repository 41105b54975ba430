import type { Candidate } from './candidate.js';
import { looksRandom } from './entropy.js';
import { isPlaceholderValue } from './keep-rules.js';

/**
 * Credentials in HTTP headers, wherever they are pasted: raw HTTP dumps, curl `-H "…"`, JSON/YAML/dict configs.
 * `Authorization:` / `Proxy-Authorization:` keep their scheme (`Bearer `, `Basic `) and lose the credentials, of
 * any shape: this is also how Pylon tokens without a prefix and other unknown bearer tokens are caught.
 * `Cookie:` / `Set-Cookie:` keep cookie names and attributes and lose the values.
 */

const AUTH_HEADER = /(?<![A-Za-z0-9_-])(?:proxy-)?authorization["']?[ \t]{0,8}[:=][ \t]{0,8}/gi;
const COOKIE_HEADER = /(?<![A-Za-z0-9_-])(set-)?cookie["']?[ \t]{0,8}:[ \t]{0,8}/gi;
const CURL_COOKIE = /(?<![\w-])(?:--cookie|-b)[ \t]{1,4}(?=["']?[^\s"'=;]{1,128}=)/g;

const KNOWN_SCHEMES = new Set([
  'bearer', 'basic', 'token', 'digest', 'negotiate', 'ntlm', 'aws4-hmac-sha256', 'hoba', 'mutual', 'oauth', 'bot',
  'apikey', 'api-key', 'key', 'ssws', 'genie', 'geniekey', 'splunk', 'jwt', 'mac', 'hawk', 'dpop', 'sharedkey',
  'sharedaccesssignature', 'pveapitoken', 'zoho-oauthtoken', 'klaviyo-api-key', 'gsso', 'sso-key', 'credential',
]);

interface ValueSpan {
  start: number;
  end: number;
}

/** A header value: up to the matching quote when quoted, else to the end of the line. */
function headerValue(text: string, from: number): ValueSpan {
  const quote = text.charAt(from);
  const limit = Math.min(text.length, from + 8192);
  if (quote === '"' || quote === "'" || quote === '`') {
    let i = from + 1;
    while (i < limit && text.charAt(i) !== quote && text.charAt(i) !== '\n') i += text.charAt(i) === '\\' ? 2 : 1;
    return { start: from + 1, end: Math.min(i, limit) };
  }
  let i = from;
  while (i < limit && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') i += 1;
  // A header pasted inside a quoted string (curl -H "Authorization: Bearer x") ends at that quote.
  const value = text.slice(from, i);
  const q = value.search(/["'`]/);
  return { start: from, end: q >= 0 ? from + q : i };
}

function trimSpan(text: string, span: ValueSpan): ValueSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /[\s,;\\]/.test(text.charAt(end - 1))) end -= 1;
  return { start, end };
}

/** A bearer token outside a header: `-H "Bearer …"`, "using bearer token …", `{"bearer": …}` is assignments'. */
const BARE_BEARER = /(?<![A-Za-z0-9_-])bearer(?:[ \t]{1,4}token)?[ \t]{1,4}(?:is[ \t]{1,4})?([A-Za-z0-9._~+/-]{16,4096}={0,3})(?![A-Za-z0-9._~+/=-])/gi;

export function detectHeaders(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  const lower = text.toLowerCase();
  if (lower.includes('authorization')) {
    for (const c of detectAuthorization(text, placeholder)) found.push(c);
  }
  if (lower.includes('bearer')) {
    for (const c of detectBareBearer(text, placeholder)) found.push(c);
  }
  if (lower.includes('cookie') || /(?<![\w-])-b[ \t]/.test(text)) {
    for (const c of detectCookies(text, placeholder)) found.push(c);
  }
  return found;
}

/**
 * Schemes whose credentials are a list of `name="value"` parameters (Digest, OAuth 1.0, AWS SigV4): the value
 * of each parameter that proves the password or carries a signature goes; realm, uri, algorithm stay readable.
 */
const PARAM_SCHEMES = new Set(['digest', 'oauth', 'aws4-hmac-sha256', 'hawk', 'mac', 'sharedkey']);
const SECRET_PARAMS = /^(?:response|cnonce|nonce|username|signature|oauth_signature|oauth_token|oauth_nonce|oauth_consumer_key|credential|mac|id|ext|hash|ts)$/i;
// Quotes may be escaped (`curl -H "Authorization: Digest username=\"bob\", …"`).
const AUTH_PARAM = /([A-Za-z_][\w-]{0,40})[ \t]{0,4}=[ \t]{0,4}(?:\\?"([^"\\\n]{0,1024})\\?"|([^\s",\\]{1,1024}))/g;

function paramCredentials(text: string, from: number, lineEnd: number, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  const line = text.slice(from, lineEnd);
  AUTH_PARAM.lastIndex = 0;
  for (let m = AUTH_PARAM.exec(line); m !== null; m = AUTH_PARAM.exec(line)) {
    const value = m[2] ?? m[3] ?? '';
    if (!SECRET_PARAMS.test(m[1] ?? '') || value.length === 0 || isPlaceholderValue(value, placeholder)) continue;
    const closing = m[2] !== undefined ? (m[0].endsWith('\\"') ? 2 : 1) : 0;
    const start = from + m.index + m[0].length - value.length - closing;
    found.push({ kind: 'authorization', start, end: start + value.length, confidence: 'high', key: value });
  }
  return found;
}

function detectAuthorization(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  AUTH_HEADER.lastIndex = 0;
  for (let m = AUTH_HEADER.exec(text); m !== null; m = AUTH_HEADER.exec(text)) {
    const value = trimSpan(text, headerValue(text, m.index + m[0].length));
    // Resume after the value: a value is never searched twice, which keeps this linear.
    AUTH_HEADER.lastIndex = Math.max(AUTH_HEADER.lastIndex, value.end);
    const raw = text.slice(value.start, value.end);
    if (raw.length === 0 || KNOWN_SCHEMES.has(raw.toLowerCase())) continue; // a scheme alone names no credential
    const scheme = /^([A-Za-z][A-Za-z0-9-]{1,30})[ \t]{1,8}(?=\S)/.exec(raw);
    const schemeName = scheme?.[1]?.toLowerCase();
    const known = schemeName !== undefined && KNOWN_SCHEMES.has(schemeName);
    const credentialsStart = known && scheme ? value.start + scheme[0].length : value.start;
    if (schemeName !== undefined && PARAM_SCHEMES.has(schemeName) && /^[A-Za-z_][\w-]{0,40}[ \t]{0,4}=/.test(text.slice(credentialsStart, credentialsStart + 48))) {
      let lineEnd = text.indexOf('\n', credentialsStart);
      if (lineEnd < 0) lineEnd = text.length;
      for (const c of paramCredentials(text, credentialsStart, Math.min(lineEnd, credentialsStart + 8192), placeholder)) found.push(c);
      AUTH_HEADER.lastIndex = Math.max(AUTH_HEADER.lastIndex, lineEnd);
      continue;
    }
    const credentials = text.slice(credentialsStart, value.end);
    if (isPlaceholderValue(credentials, placeholder)) continue;
    // Without a known scheme, prose ("the Authorization: header is missing") is told apart from a credential by
    // shape: one random-looking word.
    if (!known && (/\s/.test(credentials) || !looksRandom(credentials))) continue;
    found.push({
      kind: schemeName === 'basic' ? 'basic_auth' : 'authorization',
      start: credentialsStart,
      end: value.end,
      confidence: known ? 'high' : 'medium',
      key: credentials,
    });
  }
  return found;
}

function detectCookies(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  const visit = (valueStart: number, firstPairOnly: boolean): number => {
    const value = headerValue(text, valueStart);
    const v = text.slice(value.start, value.end);
    let pairStart = 0;
    while (pairStart < v.length) {
      let pairEnd = v.indexOf(';', pairStart);
      if (pairEnd < 0) pairEnd = v.length;
      const eqInPair = v.slice(pairStart, pairEnd).indexOf('=');
      const eq = eqInPair < 0 ? -1 : pairStart + eqInPair;
      if (eq > pairStart) {
        const span = trimSpan(text, { start: value.start + eq + 1, end: value.start + pairEnd });
        const cookie = text.slice(span.start, span.end);
        const name = v.slice(pairStart, eq).trim();
        if (cookie.length > 0 && /^[^\s,]{1,128}$/.test(name) && !isPlaceholderValue(cookie, placeholder)) {
          found.push({ kind: 'cookie', start: span.start, end: span.end, confidence: 'medium', key: cookie });
        }
      }
      // Set-Cookie: the first pair is the cookie; Path=/; HttpOnly; Expires=… are attributes worth keeping.
      if (firstPairOnly) break;
      pairStart = pairEnd + 1;
    }
    return value.end;
  };
  COOKIE_HEADER.lastIndex = 0;
  for (let m = COOKIE_HEADER.exec(text); m !== null; m = COOKIE_HEADER.exec(text)) {
    COOKIE_HEADER.lastIndex = Math.max(COOKIE_HEADER.lastIndex, visit(m.index + m[0].length, m[1] !== undefined));
  }
  CURL_COOKIE.lastIndex = 0;
  for (let m = CURL_COOKIE.exec(text); m !== null; m = CURL_COOKIE.exec(text)) {
    CURL_COOKIE.lastIndex = Math.max(CURL_COOKIE.lastIndex, visit(m.index + m[0].length, false));
  }
  return found;
}

function detectBareBearer(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  BARE_BEARER.lastIndex = 0;
  for (let m = BARE_BEARER.exec(text); m !== null; m = BARE_BEARER.exec(text)) {
    const token = m[1] ?? '';
    if (isPlaceholderValue(token, placeholder) || !looksRandom(token)) continue;
    const start = m.index + m[0].length - token.length;
    found.push({ kind: 'authorization', start, end: start + token.length, confidence: 'medium', key: token });
  }
  return found;
}
