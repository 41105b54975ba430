import type { Candidate } from './candidate.js';

/**
 * Payment card numbers: 13–19 digits, optionally grouped by single spaces or dashes, that pass the Luhn check
 * and start with a plausible issuer prefix for their length. A longer digit run that fails these (an order
 * number, a timestamp) survives. A card glued to letters (`INV-4111…`) is part of an identifier.
 *
 * A grouped run may carry more than the card ("4111 1111 1111 1111 12/25"), so every start and end at a
 * group boundary within 19 digits is tried and the longest valid card per start is kept; that is bounded per
 * group, so the scan stays linear.
 */

export function luhnValid(digits: string): boolean {
  const buf = new Uint8Array(digits.length);
  for (let i = 0; i < digits.length; i += 1) buf[i] = digits.charCodeAt(i) - 48;
  return luhnOfDigits(buf, digits.length);
}

/** Luhn over the first `len` digit values of a buffer (the card scan's form, with no string per try). */
function luhnOfDigits(buf: Uint8Array, len: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = len - 1; i >= 0; i -= 1) {
    let d = buf[i] ?? 0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes (IIN ranges) and the lengths each network issues. */
export function plausibleIssuer(digits: string): boolean {
  const buf = new Uint8Array(6);
  for (let k = 0; k < 6 && k < digits.length; k += 1) buf[k] = digits.charCodeAt(k) - 48;
  if (digits.length < 6) return false; // no network issues a number that short
  return issuerAccepts(buf, digits.length);
}

/** `plausibleIssuer` on the leading digit values of a buffer, for a number of `len` digits. */
function issuerAccepts(buf: Uint8Array, len: number): boolean {
  const d = (k: number): number => buf[k] ?? 0;
  const p2 = d(0) * 10 + d(1);
  const p3 = p2 * 10 + d(2);
  const p4 = p3 * 10 + d(3);
  const p6 = (p4 * 10 + d(4)) * 10 + d(5);
  if (d(0) === 4) return len === 13 || len === 16 || len === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return len === 15; // American Express
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return len >= 16 && len <= 19; // Discover
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305) || p3 === 309) return len >= 14 && len <= 19; // Diners
  if (p4 >= 3528 && p4 <= 3589) return len >= 16 && len <= 19; // JCB
  if (p2 === 62 || p2 === 81) return len >= 16 && len <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return len >= 12 && len <= 19; // Maestro and others
  if (p4 >= 2200 && p4 <= 2204) return len === 16; // Mir
  return false;
}

interface Group {
  start: number;
  end: number;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function detectCards(text: string): Candidate[] {
  const found: Candidate[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    // Collect a sequence of digit groups joined by one consistent single separator.
    const groups: Group[] = [];
    let separator = '';
    let j = i;
    while (j < n) {
      const gStart = j;
      while (j < n && isDigit(text.charCodeAt(j))) j += 1;
      groups.push({ start: gStart, end: j });
      const sep = text.charAt(j);
      if ((sep === ' ' || sep === '-') && (separator === '' || separator === sep) && isDigit(text.charCodeAt(j + 1))) {
        separator = sep;
        j += 1;
      } else break;
    }
    i = j;
    const first = groups[0];
    if (!first) continue;
    let total = 0;
    for (const group of groups) total += group.end - group.start;
    if (total < 13) continue;
    // Glued to letters (`INV-4111…`, `x4111…`) it is part of an identifier. `#4111…` is not excluded: a
    // Luhn-valid number with a card prefix after `#` is more likely a card than a reference.
    if (/[\p{L}_]/u.test(text.charAt(first.start - 1)) || (text.charAt(first.start - 1) === '-' && /[\p{L}\p{N}]/u.test(text.charAt(first.start - 2)))) continue;
    if (/[\p{L}_]/u.test(text.charAt(j))) continue;
    for (const c of cardsIn(text, groups)) found.push(c);
  }
  return found;
}

/** The digits of the card being tried, as values: a run of millions of groups builds no string per start. */
const CARD_DIGITS = new Uint8Array(19);

function cardsIn(text: string, groups: readonly Group[]): Candidate[] {
  const found: Candidate[] = [];
  const buf = CARD_DIGITS;
  for (let g = 0; g < groups.length; g += 1) {
    const first = groups[g];
    if (!first) break;
    // A group of more than 19 digits, or a lone run longer than a card, is not part of a card.
    let len = 0;
    let bestEnd = -1;
    let bestLen = 0;
    for (let k = g; k < groups.length; k += 1) {
      const group = groups[k];
      if (!group || len + (group.end - group.start) > 19) break;
      for (let p = group.start; p < group.end; p += 1) buf[len++] = text.charCodeAt(p) - 48;
      if (len >= 13 && issuerAccepts(buf, len) && luhnOfDigits(buf, len)) {
        bestEnd = group.end;
        bestLen = len;
      }
    }
    // Every start is tried, not just the one after the previous card: if two readings overlap, merging
    // unions them, so no digit of either card survives.
    if (bestEnd >= 0) {
      let digits = '';
      for (let k = 0; k < bestLen; k += 1) digits += String.fromCharCode(48 + (buf[k] ?? 0));
      found.push({ kind: 'card', start: first.start, end: bestEnd, confidence: 'high', key: digits });
    }
  }
  return found;
}
