import type { Candidate } from './candidate.js';
import { isCommonWord } from './common-words.js';
import { kindInfo } from './kinds.js';
import { stripLegalSuffix } from './legal-suffix.js';
import { strips } from './policy.js';
import { foldAccents, isNoSpaceScript, termPattern } from './term-pattern.js';
import type { Confidence, KnownIdentity, RedactionTarget } from './types.js';

/**
 * Who the ticket is about, from `options.identity`: customer (company) names with and without their legal form,
 * their domains (in emails, URLs and host names, subdomains included, and the domain's name under other
 * suffixes such as `globex.internal`), contacts (full name, and each part of it alone: "Thanks, José"), contact
 * emails, and `--term`s. Matching is case- and accent-insensitive, whole-word with Unicode boundaries, and
 * literal for scripts written without spaces. Name parts shorter than two characters, titles and particles
 * ("Dr", "van", "de") are not matched alone; parts that are common words only as written (see common-words.ts).
 */

export interface IdentityMatcher {
  kind: string;
  pattern: RegExp;
  confidence: Confidence;
  key: string;
}

const TITLES_AND_PARTICLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'sir', 'dame', 'jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq',
  'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'des', 'dos', 'das', 'do', 'la', 'le', 'lo', 'van', 'von',
  'ten', 'ter', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'y', 'e', 'st', 'san', 'santa',
]);

/** Second-level labels under which registrable names sit (globex.co.uk, globex.com.au). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'ltd', 'plc']);

const codePoints = (s: string): number => [...s].length;

function isShortLatin(s: string): boolean {
  return codePoints(s) <= 2 && !isNoSpaceScript(s);
}

export function normalizeDomain(raw: string): string | null {
  const d = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]{0,30}:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d{1,5}$/, '')
    .replace(/^(?:\*\.|@|www\.)/, '')
    .replace(/\.$/, '');
  return /^[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,10}$/u.test(d) ? d : null;
}

/** "globex" for globex.com, app.globex.com and globex.co.uk. */
function registrableLabel(domain: string): string | undefined {
  const labels = domain.split('.');
  const n = labels.length;
  const sld = labels[n - 2];
  if (n >= 3 && sld !== undefined && SECOND_LEVEL.has(sld) && (labels[n - 1] ?? '').length === 2) return labels[n - 3];
  return sld;
}

export function buildIdentityMatchers(identity: KnownIdentity | undefined, target: RedactionTarget): IdentityMatcher[] {
  const matchers: IdentityMatcher[] = [];
  const seen = new Set<string>();
  const add = (kind: string, pattern: RegExp | null, confidence: Confidence, key: string): void => {
    if (!pattern || !strips(target, kindInfo(kind).category)) return;
    const id = `${kind}\u0000${pattern.source}\u0000${pattern.flags}`;
    if (seen.has(id)) return;
    seen.add(id);
    matchers.push({ kind, pattern, confidence, key });
  };
  if (!identity) return matchers;

  for (const raw of identity.customers ?? []) {
    const full = typeof raw === 'string' ? raw.trim() : '';
    if (codePoints(full) < 2) continue;
    add('customer', termPattern(full, { caseSensitive: isShortLatin(full) || isCommonWord(full) }), 'high', 'customer');
    const core = stripLegalSuffix(full);
    if (core !== full && codePoints(core) >= 2) {
      const common = isCommonWord(core) || isShortLatin(core);
      add('customer', termPattern(core, { caseSensitive: common }), common ? 'low' : 'medium', 'customer');
    }
  }

  for (const raw of identity.domains ?? []) {
    const domain = typeof raw === 'string' ? normalizeDomain(raw) : null;
    if (!domain) continue;
    // Subdomains (api.globex.com) keep their own labels; the customer's domain goes.
    add('customer_domain', termPattern(domain, { extraBoundary: '_\\-' }), 'high', 'customer_domain');
    const label = registrableLabel(domain);
    if (label && codePoints(label) >= 3 && !isCommonWord(label)) {
      // The same name under another suffix, as a host label: globex.internal, db1.globex.local.
      add('customer_domain', termPattern(label, { extraBoundary: '_\\-', right: '(?=\\.[\\p{L}\\p{N}])' }), 'medium', 'customer_domain');
    }
  }

  (identity.contacts ?? []).forEach((contact, index) => {
    const key = `contact:${index}`;
    const name = typeof contact?.name === 'string' ? contact.name.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
    if (codePoints(name) >= 2) {
      add('contact', termPattern(name, { caseSensitive: isShortLatin(name) }), 'high', key);
      const parts = name.split(/[\s,]+/).map((p) => p.replace(/^[("'.]+|[)"'.]+$/g, ''));
      // Names in scripts without spaces are often written without the space that separates family and given name.
      if (parts.length > 1 && parts.every((p) => [...p].every(isNoSpaceScript))) add('contact', termPattern(parts.join('')), 'high', key);
      for (const part of parts) {
        const pieces = part.includes('-') ? [part, ...part.split('-')] : [part];
        for (const piece of pieces) {
          if (codePoints(piece) < 2 || TITLES_AND_PARTICLES.has(foldAccents(piece).toLowerCase())) continue;
          const common = isCommonWord(foldAccents(piece)) || isShortLatin(piece);
          add('contact', termPattern(piece, { caseSensitive: common }), common ? 'low' : 'medium', key);
        }
      }
    }
    const email = typeof contact?.email === 'string' ? contact.email.trim() : '';
    if (email.includes('@')) {
      add('email', termPattern(email, { extraBoundary: '._%+\\-', right: '(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])' }), 'high', email.toLowerCase());
    }
  });

  for (const raw of identity.terms ?? []) {
    const term = typeof raw === 'string' ? raw.trim() : '';
    if (term.length === 0) continue;
    add('term', termPattern(term), 'high', foldAccents(term).toLowerCase());
  }
  return matchers;
}

export function detectIdentity(text: string, matchers: readonly IdentityMatcher[]): Candidate[] {
  const found: Candidate[] = [];
  for (const matcher of matchers) {
    const { pattern } = matcher;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      found.push({ kind: matcher.kind, start: m.index, end: m.index + m[0].length, confidence: matcher.confidence, key: matcher.key });
    }
  }
  return found;
}
