import type { Candidate } from './candidate.js';

/**
 * IBANs: a country code, two check digits and the country's fixed-length BBAN, printed compact or in groups of
 * four. Valid only when the length matches the country and the mod-97 check (ISO 13616) gives 1, so reference
 * numbers that merely look like IBANs survive.
 */

// ISO 13616 registry lengths (SWIFT IBAN registry).
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

export function detectIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  // the left edge tested after the first letter (`X(?<!B[^])` is `(?<!B)X`): the engine skips to letters
  const pattern = /([A-Za-z](?<![A-Za-z0-9][^])[A-Za-z])(\d{2})(?: ?[A-Za-z0-9]){10,34}/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const country = (m[1] ?? '').toUpperCase();
    const length = LENGTHS[country];
    if (length === undefined) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    // Walk exactly `length` alphanumerics from the start, allowing single spaces between them.
    let compact = '';
    let i = m.index;
    while (i < text.length && compact.length < length) {
      const ch = text.charAt(i);
      if (/[A-Za-z0-9]/.test(ch)) compact += ch.toUpperCase();
      else if (!(ch === ' ' && compact.length > 0 && /[A-Za-z0-9]/.test(text.charAt(i + 1)))) break;
      i += 1;
    }
    // The IBAN must end where its run ends, not in the middle of a longer token.
    if (compact.length !== length || /[A-Za-z0-9]/.test(text.charAt(i)) || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    if (!ibanChecksumValid(compact)) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    found.push({ kind: 'iban', start: m.index, end: i, confidence: 'high', key: compact });
    pattern.lastIndex = i;
  }
  return found;
}
