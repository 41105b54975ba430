import type { Candidate } from './candidate.js';

/**
 * Private keys: PEM blocks (`-----BEGIN … PRIVATE KEY-----`, also OpenSSH, PGP, encrypted ones, and JSON-escaped
 * with literal `\n`) and PuTTY `.ppk` files. The whole block is the span; the header and footer lines are kept
 * around the placeholder because they say what kind of key leaked. A block with no footer (a truncated paste)
 * is redacted up to where the key material stops.
 */

const HEADER = /-----BEGIN ((?:[A-Z0-9]{1,20} ){0,4})PRIVATE KEY(?: BLOCK)?-----/g;
const FOOTER = /^-----END (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----/;
const MAX_BODY = 64 * 1024;

function isBodyChar(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30 && code <= 0x3a) || // 0-9 and ':' (Proc-Type: / DEK-Info: headers)
    code === 0x2b || code === 0x2f || code === 0x3d || // + / =
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || // whitespace
    code === 0x5c || code === 0x2c || code === 0x2d // \ (JSON-escaped newlines) , -
  );
}

/** The line break written around the key material, so a JSON-escaped key stays valid JSON once replaced. */
function lineBreakAt(text: string, index: number): string {
  for (const lb of ['\\r\\n', '\\n', '\r\n', '\n', ' ']) if (text.startsWith(lb, index)) return lb;
  return '';
}

export function detectPrivateKeys(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (text.includes('-----BEGIN')) {
    for (const c of detectPem(text)) found.push(c);
  }
  if (text.includes('Private-Lines:')) {
    for (const c of detectPutty(text)) found.push(c);
  }
  return found;
}

function detectPem(text: string): Candidate[] {
  const found: Candidate[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null; m = HEADER.exec(text)) {
    const start = m.index;
    const header = m[0];
    const headerEnd = start + header.length;
    let i = headerEnd;
    const limit = Math.min(text.length, headerEnd + MAX_BODY);
    while (i < limit && !text.startsWith('-----', i) && isBodyChar(text.charCodeAt(i))) i += 1;
    const body = text.slice(headerEnd, i);
    const material = body.replace(/\\[nr]|\s/g, '');
    const footer = FOOTER.exec(text.slice(i, i + 80))?.[0];
    // Nothing between header and footer but a placeholder from an earlier pass: already redacted.
    if (material.length < 16) {
      HEADER.lastIndex = Math.max(HEADER.lastIndex, i);
      continue;
    }
    const before = lineBreakAt(text, headerEnd);
    let end: number;
    let keepSuffix: string | undefined;
    if (footer) {
      end = i + footer.length;
      const after = [before, '\\n', '\n', ' '].find((lb) => lb !== '' && body.endsWith(lb)) ?? '';
      keepSuffix = after + footer;
    } else {
      // Truncated paste: stop where the last line of key material stops.
      end = headerEnd + body.replace(/(?:\s|\\[nr])+$/, '').length;
    }
    found.push({
      kind: 'private_key',
      start,
      end,
      confidence: 'high',
      key: `pem:${material.slice(0, 512)}`,
      keepPrefix: header + before,
      keepSuffix,
    });
    HEADER.lastIndex = Math.max(HEADER.lastIndex, end);
  }
  return found;
}

/** PuTTY keys: `Private-Lines: N` followed by N base64 lines and a `Private-MAC:` line. */
function detectPutty(text: string): Candidate[] {
  const found: Candidate[] = [];
  const pattern = /Private-Lines:[ \t]{0,4}(\d{1,3})[ \t]{0,4}\r?\n/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index + m[0].length;
    let end = start;
    let lines = Number(m[1]);
    while (lines > 0 && end < text.length) {
      const newline = text.indexOf('\n', end);
      const lineEnd = newline < 0 ? text.length : newline + 1;
      if (!/^[A-Za-z0-9+/=]{1,128}\r?\n?$/.test(text.slice(end, Math.min(lineEnd, end + 132)))) break;
      end = lineEnd;
      lines -= 1;
    }
    const mac = /^Private-MAC:[ \t]{0,4}[0-9a-fA-F]{1,128}/.exec(text.slice(end, end + 160));
    if (mac) end += mac[0].length;
    const body = text.slice(start, end).trimEnd();
    if (body.replace(/\s/g, '').length < 16) continue;
    found.push({ kind: 'private_key', start, end: start + body.length, confidence: 'high', key: `ppk:${body.slice(0, 512)}` });
    pattern.lastIndex = Math.max(pattern.lastIndex, start + body.length);
  }
  return found;
}
