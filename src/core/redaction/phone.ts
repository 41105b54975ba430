import type { CountryCode } from 'libphonenumber-js/max';
import type { Candidate } from './candidate.js';
import { PHONE_COUNTRIES } from './phone-countries.js';

type PhoneLibrary = typeof import('libphonenumber-js/max');
let library: Promise<PhoneLibrary> | undefined;
const NEEDS_LIBRARY = Symbol('phone library not loaded');

/**
 * libphonenumber-js with its full metadata, loaded by the first text that holds a number worth validating:
 * most texts (a one-line `triage redact`, a ticket whose only digits are a date) have none and never pay for it.
 */
function phoneLibrary(): Promise<PhoneLibrary> {
  library ??= import('libphonenumber-js/max');
  return library;
}

/**
 * Phone numbers, found and validated by libphonenumber-js (full metadata, so `isValid()` checks real numbering
 * plans): international numbers anywhere, national numbers for the default country.
 *
 * libphonenumber's matcher costs ~60–150 µs per call and grows with the text, so it is not run over the whole text.
 * A linear pass cuts out numeric runs (digits with the separators phone numbers use) and only runs holding
 * 7–17 digits are handed to it, in short windows, memoised. A per-call budget bounds the work on
 * pathological input (megabytes of digits and spaces); past it, phone-shaped windows are redacted without
 * validation — over-redacting garbage rather than leaking.
 *
 * Keep rules: a bare digit run with no separator and no `+` ("order 4155550132") counts only after a word
 * such as "phone", "tel" or "call" (but not "Call ID", "call stack") — order and account numbers are bare
 * digit runs far more often than phone numbers are. A national number in another country's format is tried
 * against a few other countries only after an explicit phone word ("phone", "tel", "mobile", "fax"). Dates,
 * dotted versions and IPs are not handed over at all; other benign spans (UUIDs, SHAs) are applied later
 * through `weak`.
 */

const MAX_CALLS = 8_000;
const CACHE_LIMIT = 20_000;
const MIN_DIGITS = 7;
const MAX_DIGITS = 17;
const WINDOW = 36;
const STEP = 18;

/** Countries tried, besides the default, for a national number that follows an explicit phone word. */
const CONTEXT_COUNTRIES: readonly CountryCode[] = ['GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'AU', 'IN', 'BR', 'JP', 'CA', 'MX'];

/** A word for a phone in this language or that: a national number after it may be from any country. */
const PHONE_WORD = /(?:phone|\btel\b|\btel[.:]|mobile|\bmob\b|\bcell(?:ular)?\b|\bfax|whats\s?app|☎|📞|電話|携帯|telef|t[ée]l[ée]phone|\btél|\bhandy\b|\bph\b|\bph\.|m[óo]vil|celular|cellulare|telem[óo]vel|portable|rufnummer|festnetz|\bfixe\b|\bfixo\b|\bgsm\b|\bnum[ée]ro\b|\bnummer\b|\bn[úu]mero\b|msisdn)(?![\s_-]{0,2}(?:id|sid|model|app|value|number of)\b)/i;
/** A verb that often precedes a phone number, and as often a number of something else ("Call ID", "call stack"). */
const CALL_WORD = /(?:\bcall|\bsms\b|\btext(?:ed)?\b|\bsignal\b|\breach\b|\bdial|\bring\b)(?![\s_-]{0,2}(?:id|sid|stacks?|counts?|logs?|graph|backs?|buffer|message id|sites?)\b)/i;

export interface PhoneBudget {
  calls: number;
}

/**
 * The detections so far, one per span (a later window that finds the same span replaces the earlier one, in
 * its place: the order of first finding is kept). A span is keyed by a number, not a `start:end` string: on
 * megabytes of phone-shaped input there are hundreds of thousands of them, and building and hashing the strings
 * was a fifth of the time.
 */
interface Found {
  byPosition: Map<number | string, Candidate>;
  /** text length + 1: `start * width + end` is unique per span. */
  width: number;
}

/** Exact in a double up to 2^53, so texts longer than ~90 million characters fall back to strings. */
const NUMERIC_KEY_LIMIT = 94_000_000;

function positionKey(found: Found, start: number, end: number): number | string {
  return found.width < NUMERIC_KEY_LIMIT ? start * found.width + end : `${start}:${end}`;
}

interface Match {
  start: number;
  end: number;
  e164: string;
  /** Possible (the right length) but not valid for its numbering plan. */
  possible?: boolean;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isSeparator(code: number): boolean {
  return (
    code === 0x20 || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x2d || code === 0x2e ||
    code === 0x28 || code === 0x29 || code === 0x2f || (code >= 0x2010 && code <= 0x2015)
  );
}

function isAttachedLeft(text: string, start: number): boolean {
  const before = text.charAt(start - 1);
  if (/[\p{L}\p{N}_#&$€£@]/u.test(before)) return true;
  // INV-2024…, v1.2…, /orders/…, id_…: glued to an identifier through a separator
  return /[-./]/.test(before) && /[\p{L}\p{N}_]/u.test(text.charAt(start - 2));
}

export class PhoneDetector {
  private readonly cache = new Map<string, Match[]>();
  private findPhoneNumbersInText: PhoneLibrary['findPhoneNumbersInText'] | undefined;

  constructor(private readonly defaultCountry: CountryCode) {}

  static country(code: string | undefined): CountryCode {
    const upper = (code ?? 'US').toUpperCase();
    if (!PHONE_COUNTRIES.has(upper)) throw new Error(`unsupported default phone country "${upper}"`);
    return upper as CountryCode;
  }

  async detect(text: string, budget: PhoneBudget): Promise<Candidate[]> {
    const runs = digitRuns(text);
    for (;;) {
      try {
        const found: Found = { byPosition: new Map(), width: text.length + 1 };
        for (const [start, end] of runs) this.scanRun(text, start, end, budget, found);
        return [...found.byPosition.values()];
      } catch (error) {
        // The scan reached a window to validate before the library was loaded: load it and scan again (the
        // scan spent no budget and cached nothing without it, so the second pass is the whole answer).
        if (error !== NEEDS_LIBRARY || this.findPhoneNumbersInText) throw error;
        this.findPhoneNumbersInText = (await phoneLibrary()).findPhoneNumbersInText;
      }
    }
  }

  private scanRun(text: string, start: number, end: number, budget: PhoneBudget, found: Found): void {
    // Dates ("2024-03-15", "15/03/2024") and dotted quads (IP addresses, with a CIDR suffix) inside a run are
    // never phone numbers: they split the run. One pass over the run, so this stays linear.
    const breaks = /(?<![\d.])(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?!\.\d)|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?![\d])/g;
    const run = text.slice(start, end);
    let from = 0;
    for (let m = breaks.exec(run); m !== null; m = breaks.exec(run)) {
      if (m.index > from) this.scanSegment(text, start + from, start + m.index, budget, found);
      from = m.index + m[0].length;
    }
    if (from < run.length) this.scanSegment(text, start + from, end, budget, found);
  }

  private scanSegment(text: string, from: number, to: number, budget: PhoneBudget, found: Found): void {
    let start = from;
    let end = to;
    while (start < end && !isDigit(text.charCodeAt(start)) && text.charAt(start) !== '+' && text.charAt(start) !== '(') start += 1;
    while (end > start && !isDigit(text.charCodeAt(end - 1))) end -= 1;
    const digits = countDigits(text, start, end);
    if (digits < MIN_DIGITS) return;
    if (end - start <= WINDOW + 8 && digits <= MAX_DIGITS) {
      this.scanWindow(text, start, end, budget, found);
      return;
    }
    // A long run (a table of numbers, or garbage): overlapping windows that start at digit-group starts.
    let w = start;
    while (w < end) {
      let wEnd = Math.min(end, w + WINDOW);
      while (wEnd < end && isDigit(text.charCodeAt(wEnd))) wEnd += 1; // do not cut a group
      if (countDigits(text, w, wEnd) >= MIN_DIGITS) this.scanWindow(text, w, wEnd, budget, found);
      if (wEnd >= end) break;
      let next = w + STEP;
      while (next < end && !(isDigit(text.charCodeAt(next)) && !isDigit(text.charCodeAt(next - 1)))) next += 1;
      w = next;
    }
  }

  private scanWindow(text: string, start: number, end: number, budget: PhoneBudget, found: Found): void {
    const window = text.slice(start, end);
    // An IP address or a dotted version, but not the French national format (01.42.68.53.00).
    if (/^\d{1,3}(?:\.\d{1,3}){2,}$/.test(window) && !/^0\d(?:\.\d\d){4}$/.test(window)) return;
    const context = text.slice(Math.max(0, start - 40), start);
    const hasPhoneWord = PHONE_WORD.test(context);
    const hasCallWord = hasPhoneWord || CALL_WORD.test(context);
    // A bare digit run only counts after a phone word (see above): without one, do not even ask.
    if (!hasCallWord && /^\d+$/.test(window)) return;
    let matches = this.find(window, this.defaultCountry, budget);
    if (matches === null) {
      this.fallback(text, start, end, window, hasCallWord, found);
      return;
    }
    // "SMS sent to 447700900123": E.164 written without its `+`, after a phone or call word.
    if (matches.length === 0 && hasCallWord && /^\d{10,15}$/.test(window)) {
      const international = this.find(`+${window}`, this.defaultCountry, budget);
      if (international && international.length > 0) {
        matches = international.map((m) => ({ ...m, start: Math.max(0, m.start - 1), end: m.end - 1 }));
      }
    }
    if (matches.length === 0 && hasCallWord) matches = this.findInCountries(window, budget, false);
    // Invalid but possible: a number of the right length for its country that libphonenumber does not know
    // as allocated (Ofcom's drama ranges, 07700 900xxx; numbers of a range opened since its metadata). In a
    // ticket it is shaped and placed like a real one, so it counts where it cannot be anything else: written
    // internationally (`+44 …`, `0044 …`), or after a phone or call word. Fictional ranges are redacted like
    // real numbers, as valid ones (020 7946 0xxx, 555-01xx) always were: a customer's text cannot tell us
    // which it is, and a leak costs more than an over-redaction.
    if (matches.length === 0 && (hasCallWord || /^\(?(?:\+|00)\d/.test(window))) {
      matches = this.findInCountries(window, budget, true);
    }
    for (const m of matches) {
      const raw = window.slice(m.start, m.end);
      if (m.possible && !plausibleUnallocated(raw)) continue;
      const bare = /^\d+$/.test(raw);
      if (bare) {
        const before = text.slice(Math.max(0, start + m.start - 40), start + m.start);
        if (!PHONE_WORD.test(before) && !CALL_WORD.test(before)) continue;
      }
      const s = start + m.start;
      const e = start + m.end;
      // "200 1532ms": a number glued to a unit or a word is not a phone number.
      if (/[\p{L}_]/u.test(text.charAt(e))) continue;
      found.byPosition.set(positionKey(found, s, e), {
        kind: 'phone',
        start: s,
        end: e,
        confidence: m.possible ? 'low' : raw.startsWith('+') || raw.startsWith('00') ? 'high' : 'medium',
        key: m.e164,
        weak: true,
        ...(m.possible ? { rule: 'context', why: 'phone-shaped number of a possible length, written internationally or after a phone word' } : {}),
      });
    }
  }

  /** Over budget: redact what is shaped like a phone number, unvalidated, with low confidence. */
  private fallback(text: string, start: number, end: number, window: string, hasCallWord: boolean, found: Found): void {
    const digits = window.replace(/\D/g, '');
    if (digits.length < MIN_DIGITS || digits.length > 15) return;
    const formatted = /[+\s().-]/.test(window);
    if (!formatted && !hasCallWord) return;
    found.byPosition.set(positionKey(found, start, end), { kind: 'phone', start, end, confidence: 'low', key: digits, weak: true });
  }

  /** The first country (the default, then the context ones) in which the window holds numbers. */
  private findInCountries(window: string, budget: PhoneBudget, possible: boolean): Match[] {
    const idd = possible ? /^\(?00(?=\d)/.exec(window) : null;
    if (idd) {
      // `0044 …`: the international prefix of most of the world, though not of the default country's plan.
      const at = idd[0].length - 2;
      const found = this.find(`${window.slice(0, at)}+${window.slice(at + 2)}`, this.defaultCountry, budget, true) ?? [];
      return found.map((m) => ({ ...m, start: m.start <= at ? at : m.start + 1, end: m.end + 1 }));
    }
    for (const country of [this.defaultCountry, ...CONTEXT_COUNTRIES]) {
      if (!possible && country === this.defaultCountry) continue;
      const found = this.find(window, country, budget, possible);
      if (found && found.length > 0) return found;
      // An international number is the same in every country: one try is enough.
      if (possible && /^\(?\+/.test(window)) break;
    }
    return [];
  }

  private find(window: string, country: CountryCode, budget: PhoneBudget, possible = false): Match[] | null {
    const cacheKey = `${possible ? 'p' : 'v'}${country}\u0000${window}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    if (budget.calls >= MAX_CALLS) return null;
    if (!this.findPhoneNumbersInText) throw NEEDS_LIBRARY;
    budget.calls += 1;
    const matches: Match[] = [];
    const find = this.findPhoneNumbersInText;
    if (possible) {
      for (const f of find(window, { defaultCountry: country, extended: true })) {
        if (f.number.isPossible() && (f.number.country !== undefined || f.number.countryCallingCode !== '')) {
          matches.push({ start: f.startsAt, end: f.endsAt, e164: f.number.number, possible: true });
        }
      }
    } else {
      for (const f of find(window, { defaultCountry: country })) {
        if (f.number.isValid()) matches.push({ start: f.startsAt, end: f.endsAt, e164: f.number.number });
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(cacheKey, matches);
    return matches;
  }
}

/** Numeric runs (digits with the separators phone numbers use) of 7+ digits not glued to a word on their left. */
function digitRuns(text: string): Array<[start: number, end: number]> {
  const runs: Array<[number, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const opensRun = isDigit(code) || ((code === 0x2b || code === 0x28) && isDigit(text.charCodeAt(i + 1)));
    if (!opensRun) {
      i += 1;
      continue;
    }
    const start = i;
    let j = i + 1;
    let lastDigitEnd = isDigit(code) ? i + 1 : i;
    let streak = 0;
    let digits = isDigit(code) ? 1 : 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        digits += 1;
        streak = 0;
        lastDigitEnd = j + 1;
      } else if (isSeparator(c) && streak < 2) {
        streak += 1;
      } else break;
      j += 1;
    }
    i = Math.max(j, start + 1);
    const end = lastDigitEnd;
    if (digits < MIN_DIGITS || end <= start || isAttachedLeft(text, start)) continue;
    runs.push([start, end]);
  }
  return runs;
}

/**
 * An invalid number is only taken whole: ten digits or more (a full national number with its trunk prefix,
 * or an international one), and not grouped in thousands (`1 000 000 000` counts users, not a line).
 */
function plausibleUnallocated(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 10) return false;
  return !/^\d{1,3}(?:[ ,.]\d{3})+$/.test(raw);
}

function countDigits(text: string, start: number, end: number): number {
  let digits = 0;
  for (let k = start; k < end; k += 1) if (isDigit(text.charCodeAt(k))) digits += 1;
  return digits;
}
