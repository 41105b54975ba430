/**
 * Encoded forms of secrets and personal data: URL-encoded (`jane%40globex.com`, `+` for spaces in form posts,
 * double encoding), base64 (Kubernetes `Secret` values, `Basic` credentials, JWT segments, blobs), and
 * JSON/HTML escapes (`jane\u0040globex.com`, `jane&#64;globex.com`). Candidate
 * runs are decoded here; the caller scans the decoded text with every detector and, when it holds a finding,
 * redacts the whole encoded run — an encoded token is never cut in half.
 *
 * Runs are found by a single linear pass each; a decoded text is only kept when it is readable text, so
 * random base64 (keys, hashes, identifiers) costs one short check.
 */

export interface EncodedRun {
  start: number;
  end: number;
  decoded: string;
}

const MIN_BASE64 = 12;
const UTF8_LENIENT = new TextDecoder('utf-8');
const ENCODER = new TextEncoder();

function isUrlRunChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ||
    code === 0x25 || code === 0x2b || code === 0x2d || code === 0x2e || code === 0x5f || code === 0x7e
  );
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

export function percentDecode(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (code === 0x25 && i + 2 < s.length && hexValue(s.charCodeAt(i + 1)) >= 0 && hexValue(s.charCodeAt(i + 2)) >= 0) {
      bytes.push(hexValue(s.charCodeAt(i + 1)) * 16 + hexValue(s.charCodeAt(i + 2)));
      i += 2;
    } else if (code === 0x2b) {
      bytes.push(0x20);
    } else if (code < 0x80) {
      bytes.push(code);
    } else {
      for (const b of ENCODER.encode(s.charAt(i))) bytes.push(b);
    }
  }
  return UTF8_LENIENT.decode(new Uint8Array(bytes));
}

const HAS_ESCAPE = /%[0-9A-Fa-f]{2}/;

export function findUrlEncodedRuns(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  if (!HAS_ESCAPE.test(text)) return runs;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isUrlRunChar(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    let escapes = 0;
    while (i < n && isUrlRunChar(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 0x25 && hexValue(text.charCodeAt(i + 1)) >= 0 && hexValue(text.charCodeAt(i + 2)) >= 0) escapes += 1;
      i += 1;
    }
    if (escapes === 0) continue;
    let decoded = text.slice(start, i);
    // Double (and triple) encoding: %2540 → %40 → @
    for (let round = 0; round < 3; round += 1) {
      const next = percentDecode(decoded);
      if (next === decoded) break;
      decoded = next;
      if (!HAS_ESCAPE.test(decoded)) break;
    }
    runs.push({ start, end: i, decoded });
  }
  return runs;
}

function isEscapedRunChar(code: number): boolean {
  return isUrlRunChar(code) || code === 0x5c || code === 0x26 || code === 0x23 || code === 0x3b;
}

const ESCAPE = /\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2}|&#x[0-9A-Fa-f]{1,6};|&#\d{1,7};|&(?:commat|period|colon|sol);/;

function unescapeOnce(s: string): string {
  return s
    .replace(/\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})/g, (_, u: string | undefined, x: string | undefined) => String.fromCharCode(parseInt(u ?? x ?? '0', 16)))
    .replace(/&#x([0-9A-Fa-f]{1,6});|&#(\d{1,7});/g, (whole, hex: string | undefined, dec: string | undefined) => {
      const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    })
    .replace(/&commat;/g, '@')
    .replace(/&period;/g, '.')
    .replace(/&colon;/g, ':')
    .replace(/&sol;/g, '/');
}

/** JSON/JS escapes (`jane\u0040globex.com`) and HTML character references (`jane&#64;globex.com`). */
export function findEscapedRuns(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  if (!ESCAPE.test(text)) return runs;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isEscapedRunChar(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < n && isEscapedRunChar(text.charCodeAt(i))) i += 1;
    const raw = text.slice(start, i);
    if (!ESCAPE.test(raw)) continue;
    const decoded = unescapeOnce(raw);
    if (decoded !== raw) runs.push({ start, end: i, decoded });
  }
  return runs;
}

function isBase64Char(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ||
    code === 0x2b || code === 0x2f || code === 0x2d || code === 0x5f
  );
}

function controlCount(decoded: string, limit: number): number {
  let controls = 0;
  for (let i = 0; i < decoded.length && controls <= limit; i += 1) {
    const c = decoded.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) controls += 1;
  }
  return controls;
}

/**
 * Readable text: (almost) no control bytes and valid UTF-8. Checked on the bytes first, without exceptions:
 * random bytes (keys, hashes) fail within a few bytes, and this runs for every base64-looking run.
 */
function readable(bytes: Uint8Array): string | null {
  const limit = Math.floor(bytes.length / 100);
  let bad = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] ?? 0;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) {
      bad += 1;
      if (bad > limit) return null;
    }
  }
  const decoded = UTF8_LENIENT.decode(bytes);
  return controlCount(decoded, limit) > limit ? null : decoded;
}

function decodeBase64(run: string): string | null {
  const body = run.replace(/=+$/, '');
  const usable = body.length - (body.length % 4 === 1 ? 1 : 0);
  if (usable < MIN_BASE64) return null;
  // Cheap rejection first: most base64-alphabet runs (identifiers, hashes, keys) are not encoded text. The
  // head may end inside a multi-byte character, so it is decoded leniently and its last characters ignored.
  if (body.length > 64) {
    const head = UTF8_LENIENT.decode(Buffer.from(body.slice(0, 64), 'base64')).slice(0, -2);
    if (controlCount(head, 0) > 0) return null;
  }
  const decoded = readable(Buffer.from(body.slice(0, usable), 'base64'));
  if (decoded === null || decoded.trim().length < 4) return null;
  return decoded;
}

export function findBase64Runs(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isBase64Char(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < n && isBase64Char(text.charCodeAt(i))) i += 1;
    let end = i;
    while (end < n && end - i < 2 && text.charCodeAt(end) === 0x3d) end += 1;
    i = end;
    if (end - start < MIN_BASE64) continue;
    const run = text.slice(start, end);
    // Words, paths and identifiers are made of the same letters; only mixed runs are worth decoding.
    if (!/[A-Z]/.test(run) || !/[a-z0-9]/.test(run)) continue;
    const decoded = decodeBase64(run);
    if (decoded !== null) runs.push({ start, end, decoded });
  }
  return runs;
}
