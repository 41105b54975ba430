import type { Candidate } from './candidate.js';
import { kindInfo } from './kinds.js';
import type { Finding } from './types.js';

/**
 * `triage redact --explain` and the `rule`/`why` of every finding: which rule family removed something and
 * why, never the value. Detectors that know more (a key name, a context word) say so on the candidate; the
 * others are described by their kind here.
 */

const BY_KIND: Readonly<Record<string, [string, string]>> = {
  jwt: ['pattern', 'JSON Web Token shape (three base64url segments)'],
  private_key: ['pattern', 'PEM private key block (header and footer kept)'],
  url_password: ['url', 'password in a URL (user:password@host)'],
  basic_auth: ['http-header', 'credentials after the Basic scheme'],
  authorization: ['http-header', 'credentials after an Authorization scheme or Bearer'],
  cookie: ['http-header', 'a Cookie / Set-Cookie value'],
  password: ['assignment', 'a password given as a flag, in a command or in prose'],
  secret: ['assignment', 'a credential-named flag or Kubernetes Secret data'],
  encoded: ['encoded', 'URL-, base64- or escape-encoded text that held a finding'],
  email: ['pattern', 'email address (reserved example domains are kept)'],
  phone: ['validator', 'phone number valid for its numbering plan (libphonenumber)'],
  card: ['validator', 'card number passing the Luhn check'],
  iban: ['validator', 'IBAN passing the mod-97 check'],
  ssn: ['validator', 'US SSN shape with an issued area, group and serial'],
  ip: ['pattern', 'public IP address (private and documentation ranges kept)'],
  mac: ['pattern', 'MAC address'],
  customer: ['identity', 'customer name given with --customer'],
  customer_domain: ['identity', 'customer domain given with --customer-domain'],
  contact: ['identity', 'contact given with --contact'],
  term: ['identity', 'term given with --term'],
};

export function explainCandidate(c: Candidate): { rule: string; why: string } {
  if (c.rule && c.why) return { rule: c.rule, why: c.why };
  const known = BY_KIND[c.kind];
  if (known) return { rule: c.rule ?? known[0], why: c.why ?? known[1] };
  const category = kindInfo(c.kind).category;
  if (category === 'custom') return { rule: 'config', why: 'a pattern from the config (extraPatterns)' };
  if (category === 'secret') return { rule: c.rule ?? 'provider-pattern', why: c.why ?? 'known token format (vendor prefix and shape)' };
  return { rule: c.rule ?? 'pattern', why: c.why ?? 'its shape' };
}

const WIDTH = 80;

function clip(s: string, width: number): string {
  // Key names come from customer text: no control characters or bidi overrides reach the terminal.
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '·');
  return clean.length <= width ? clean : `${clean.slice(0, width - 1)}…`;
}

/** One block per finding, every line at most 80 columns: where, what it became, the rule, and why. */
export function explainLines(text: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['Nothing was removed.'];
  const lines = [`${findings.length} finding${findings.length === 1 ? '' : 's'} (line:column  replacement  kind · rule):`];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const f of findings) {
    for (let i = scanned; i < f.start; i += 1) {
      if (text.charCodeAt(i) === 0x0a) {
        line += 1;
        lineStart = i + 1;
      }
    }
    scanned = Math.max(scanned, f.start);
    const where = `${line}:${f.start - lineStart + 1}`.padEnd(9);
    lines.push(clip(`  ${where} ${f.replacement}  ${f.kind} · ${f.rule} (${f.confidence})`, WIDTH));
    lines.push(clip(`  ${' '.repeat(9)} ${f.why}`, WIDTH));
  }
  return lines;
}
