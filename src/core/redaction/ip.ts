import type { Candidate } from './candidate.js';

/**
 * IP addresses. Public addresses go; addresses that identify no one outside the customer's network are kept
 * because they are what an engineer debugs with: private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback
 * (127/8, ::1), link-local (169.254/16, fe80::/10), documentation (192.0.2/24, 198.51.100/24, 203.0.113/24,
 * 2001:db8::/32), shared/CGNAT (100.64/10), benchmarking (198.18/15), multicast, reserved, unspecified.
 *
 * Dotted quads that are versions are not addresses: a quad glued to a letter or dot (`v1.2.3.4`, `1.2.3.4.5`),
 * after a version word ("version 1.2.3.4", "build 10.0.0.1"), after a product token (`Chrome/120.0.0.0`) or a
 * package (`pkg@1.2.3.4`), or followed by a pre-release tag (`1.2.3.4-beta`). Octets with leading zeros
 * (`01.02.03.04`) are not read as addresses either.
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
const VERSION_WORD = /(?:\bv|\bver|\bversion|\brelease|\bbuild|\bfirmware|\bfw|\brev|\brevision|\bupdate|\bpatch|\bsdk|\bagent|\bclient|\bapp)\.?[ \t]{0,3}[:=#]?[ \t]{0,3}$/i;

type Octets = [number, number, number, number];

export function isPublicIpv4([a, b, c]: Octets): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this-network, private, loopback, multicast, reserved
  if (a === 100 && b >= 64 && b <= 127) return false; // shared address space (CGNAT)
  if (a === 169 && b === 254) return false; // link-local
  if (a === 172 && b >= 16 && b <= 31) return false; // private
  if (a === 192 && b === 168) return false; // private
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false; // IETF protocol assignments, TEST-NET-1
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  if (a === 198 && b === 51 && c === 100) return false; // TEST-NET-2
  if (a === 203 && b === 0 && c === 113) return false; // TEST-NET-3
  return true;
}

function looksLikeVersion(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (VERSION_WORD.test(before)) return true;
  if (/[A-Za-z][\w.-]{0,40}\/$/.test(before) && !/:\/\/[^/]{0,40}$|\/\/$/.test(before)) return true; // Chrome/120.0.0.0, not http://1.2.3.4
  if (before.endsWith('@')) return true;
  return /^-(?:alpha|beta|rc|pre|dev|snapshot|final)/i.test(text.slice(end, end + 10));
}

function detectIpv4(text: string): Candidate[] {
  const found: Candidate[] = [];
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    const octets = m[0].split('.').map(Number) as Octets;
    const end = m.index + m[0].length;
    if (!isPublicIpv4(octets) || looksLikeVersion(text, m.index, end)) continue;
    found.push({ kind: 'ip', start: m.index, end, confidence: 'high', key: m[0] });
  }
  return found;
}

/** Eight 16-bit groups, or null when the string is not an IPv6 address. */
export function parseIpv6(input: string): number[] | null {
  let s = input;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    const v4 = s.slice(lastColon + 1);
    if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(v4)) return null;
    const o = v4.split('.').map(Number);
    tail = [((o[0] ?? 0) << 8) | (o[1] ?? 0), ((o[2] ?? 0) << 8) | (o[3] ?? 0)];
    s = s.slice(0, lastColon + 1);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined): number[] | null => {
    if (!part) return [];
    const groups = part.split(':');
    if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return null;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !rest) return null;
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 1) return explicit === 8 ? [...head, ...tail] : null;
  if (explicit > 7) return null;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
}

export function isPublicIpv6(groups: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address: judge that one.
  const embedded: Octets = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return isPublicIpv4(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPublicIpv4(embedded);
  // Only global unicast (2000::/3) is public; documentation 2001:db8::/32 is not.
  if (g0 < 0x2000 || g0 > 0x3fff) return false;
  return !(g0 === 0x2001 && g1 === 0x0db8);
}

function isV6Char(code: number): boolean {
  return (code >= 0x30 && code <= 0x3a) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66) || code === 0x2e;
}

/** `/\w/` on one UTF-16 unit, without a regular expression per character (NaN past the end is no word). */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

function detectIpv6(text: string): Candidate[] {
  const found: Candidate[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isV6Char(text.charCodeAt(i)) || (i > 0 && (isWordCode(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 0x2e))) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < n && isV6Char(text.charCodeAt(j))) j += 1;
    const start = i;
    i = j;
    if (j - start > 45 || j - start < 3 || isWordCode(text.charCodeAt(j))) continue;
    let candidate = text.slice(start, j).replace(/\.$/, '');
    // "::1:" or an address followed by ":port" in brackets is handled by the brackets; a trailing single colon
    // from prose ("address fe80::1:") is dropped.
    if (candidate.endsWith(':') && !candidate.endsWith('::')) candidate = candidate.slice(0, -1);
    if ((candidate.match(/:/g) ?? []).length < 2) continue;
    const groups = parseIpv6(candidate);
    if (!groups || !isPublicIpv6(groups)) continue;
    found.push({
      kind: 'ip',
      start,
      end: start + candidate.length,
      confidence: 'high',
      key: groups.map((g) => g.toString(16)).join(':'),
    });
  }
  return found;
}

export function detectIps(text: string): Candidate[] {
  const found = detectIpv4(text);
  if (text.includes(':')) {
    for (const c of detectIpv6(text)) found.push(c);
  }
  return found;
}
