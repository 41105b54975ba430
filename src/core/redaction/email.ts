import type { Candidate } from './candidate.js';

/**
 * Email addresses. Found by scanning out from each `@` (bounded both ways, and a scan never crosses another `@`,
 * so runs of `@` or of address characters stay linear), then kept when they are not mailboxes: reserved
 * domains (RFC 2606/6761: example.com/.net/.org, .example, .test, .invalid, .localhost), scp-style git remotes
 * (`git@github.com:org/repo.git`), and file names (`icon@2x.png`). Package specs (`pkg@1.2.3`, `@scope/pkg@^2`,
 * `actions/checkout@v4`) and `user@localhost` have no dotted alphabetic domain and never match.
 */

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

const RESERVED_SUFFIXES = ['example.com', 'example.net', 'example.org', 'example', 'test', 'invalid', 'localhost'];

/** Top-level "domains" that are file extensions, not TLDs (none of these is delegated). */
const FILE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'json', 'yml', 'yaml', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'txt',
  'lock', 'map', 'css', 'scss', 'html', 'htm', 'vue', 'cfg', 'ini', 'toml', 'xml', 'pdf', 'zip', 'gz', 'tgz',
  'tar', 'exe', 'dll', 'jar', 'class', 'java', 'kt', 'swift', 'php', 'pyc', 'log', 'bak', 'tmp', 'wasm', 'node',
]);

function isLocalChar(ch: string): boolean {
  return /[\p{L}\p{N}._%+'-]/u.test(ch);
}

function isDomainChar(ch: string): boolean {
  return /[\p{L}\p{N}.-]/u.test(ch);
}

export function isReservedEmailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return RESERVED_SUFFIXES.some((suffix) => d === suffix || d.endsWith(`.${suffix}`));
}

export function detectEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  let previousAt = -1;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    const leftLimit = Math.max(previousAt + 1, at - MAX_LOCAL);
    while (s > leftLimit && isLocalChar(text.charAt(s - 1))) s -= 1;
    previousAt = at;
    while (s < at && (text.charAt(s) === '.' || text.charAt(s) === "'")) s += 1;
    if (s === at) continue;
    let e = at + 1;
    const rightLimit = Math.min(text.length, at + 1 + MAX_DOMAIN);
    while (e < rightLimit && isDomainChar(text.charAt(e))) e += 1;
    while (e > at + 1 && /[.-]/.test(text.charAt(e - 1))) e -= 1;
    const domain = text.slice(at + 1, e);
    const labels = domain.split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) continue;
    if (!/^(?:\p{L}{2,24}|xn--[a-z0-9-]{1,59})$/iu.test(tld)) continue;
    if (isReservedEmailDomain(domain) || FILE_EXTENSIONS.has(tld.toLowerCase())) continue;
    const local = text.slice(s, at);
    // `scheme://user:password@host`: that is a password and a host, not a mailbox (url-credentials.ts).
    if (isUrlPassword(text, at)) continue;
    // scp-style remotes: git@github.com:org/repo.git, and ssh://git@host/… URLs
    if (/^(?:git|hg)$/i.test(local) && (text.charAt(e) === ':' || text.slice(Math.max(0, s - 6), s) === 'ssh://')) continue;
    found.push({ kind: 'email', start: s, end: e, confidence: 'high', key: `${local}@${domain}`.toLowerCase() });
  }
  for (const c of detectObfuscatedEmails(text)) found.push(c);
  return found;
}

function isUrlPassword(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 300), at);
  const token = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'), before.lastIndexOf('"'), before.lastIndexOf("'")) + 1);
  const scheme = token.indexOf('://');
  if (scheme < 0) return false;
  const userinfo = token.slice(scheme + 3);
  return !/[/?#]/.test(userinfo) && userinfo.includes(':');
}

/** "jane [at] globex [dot] com", "jane(at)globex(dot)com": people write these to dodge scrapers. */
function detectObfuscatedEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/[[(]at[\])]/i.test(text)) return found;
  const pattern = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}[ \t]{0,2}[[(]at[\])][ \t]{0,2}[\p{L}\p{N}-]{1,63}(?:[ \t]{0,2}(?:[[(]dot[\])]|\.)[ \t]{0,2}[\p{L}\p{N}-]{1,63}){1,4}/giu;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const normal = m[0].replace(/\s*[[(]at[\])]\s*/i, '@').replace(/\s*(?:[[(]dot[\])]|\.)\s*/gi, '.').toLowerCase();
    const domain = normal.slice(normal.indexOf('@') + 1);
    if (isReservedEmailDomain(domain)) continue;
    found.push({ kind: 'email', start: m.index, end: m.index + m[0].length, confidence: 'medium', key: normal });
  }
  return found;
}
