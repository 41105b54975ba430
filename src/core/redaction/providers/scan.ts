import type { Candidate } from '../candidate.js';
import { isDummyTokenBody } from '../dummy-values.js';
import { validChecksum } from './checksum.js';
import { FAMILIES } from './catalogue.js';
import { familyKind, type Family, type InfixFamily, type KeywordFamily, type PrefixFamily } from './family.js';
import { isWordLikeBody, mixedAlphabet } from './word-like.js';

/**
 * One pass over the text finds every prefixed token: a 128×128 table of the first two characters of every
 * prefix says in one lookup whether a position can start a token at all, and only there are the (few) rules for
 * that pair tried, as sticky expressions anchored at the position. A token may only start where a run of
 * letters and digits starts, so a run is tried once, and every body is bounded: linear on any input.
 *
 * Infix families are found with indexOf on their anchor; keyword families with one expression of all their
 * keywords, then the assignment that follows the key.
 */

const DEFAULT_TAIL = 'A-Za-z0-9_-';

interface CompiledPrefix {
  family: PrefixFamily;
  prefix: string;
  body: RegExp;
  keep: number;
}

interface CompiledInfix {
  family: InfixFamily;
  head: RegExp;
  body: RegExp;
}

interface CompiledKeyword {
  family: KeywordFamily;
  value: RegExp;
}

interface Compiled {
  pairs: Uint8Array;
  byPair: Map<number, CompiledPrefix[]>;
  infixes: CompiledInfix[];
  /** Lower-cased first two characters of every keyword, as for `pairs`. */
  keywordPairs: Uint8Array;
  keywordsByPair: Map<number, string[]>;
  byKeyword: Map<string, CompiledKeyword[]>;
}

const tailOf = (tail: string | undefined): string => `(?![${tail ?? DEFAULT_TAIL}])`;

function defaultKeep(prefix: string): number {
  return /[_\-.$]$/.test(prefix) && prefix.length >= 3 ? prefix.length : 0;
}

let compiled: Compiled | undefined;

function compile(families: readonly Family[]): Compiled {
  const pairs = new Uint8Array(128 * 128);
  const byPair = new Map<number, CompiledPrefix[]>();
  const infixes: CompiledInfix[] = [];
  const byKeyword = new Map<string, CompiledKeyword[]>();
  for (const family of families) {
    if (family.type === 'prefix') {
      const body = new RegExp(`(?:${family.body})${tailOf(family.tail)}`, 'y');
      for (const prefix of family.prefixes) {
        const c0 = prefix.charCodeAt(0);
        const c1 = prefix.charCodeAt(1);
        if (prefix.length < 2 || c0 >= 128 || c1 >= 128) throw new Error(`prefix of ${family.id} must be two ASCII characters or more`);
        const key = (c0 << 7) | c1;
        pairs[key] = 1;
        const list = byPair.get(key) ?? [];
        list.push({ family, prefix, body, keep: family.keep ?? defaultKeep(prefix) });
        byPair.set(key, list);
      }
    } else if (family.type === 'infix') {
      infixes.push({
        family,
        head: new RegExp(`(?:${family.head})$`),
        body: new RegExp(`(?:${family.body})${tailOf(family.tail)}`, 'y'),
      });
    } else {
      const value = new RegExp(`(?:${family.value})(?=[\`'"\\s;,)<\\]}&]|\\\\[nrt"]|$)`, family.ignoreCase ? 'iy' : 'y');
      for (const kw of family.keywords) {
        const list = byKeyword.get(kw) ?? [];
        list.push({ family, value });
        byKeyword.set(kw, list);
      }
    }
  }
  // Longest prefix first: `sk-ant-api03-` before `sk-`, `pylon_api_eu_` before `pylon_api_`.
  for (const list of byPair.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
  const keywordPairs = new Uint8Array(128 * 128);
  const keywordsByPair = new Map<number, string[]>();
  for (const kw of byKeyword.keys()) {
    const key = (kw.charCodeAt(0) << 7) | kw.charCodeAt(1);
    if (kw.length < 3 || kw.charCodeAt(0) >= 128 || kw.charCodeAt(1) >= 128 || kw !== kw.toLowerCase()) throw new Error(`keyword ${kw} must be lower-case ASCII, three characters or more`);
    keywordPairs[key] = 1;
    const list = keywordsByPair.get(key) ?? [];
    list.push(kw);
    keywordsByPair.set(key, list);
  }
  for (const list of keywordsByPair.values()) list.sort((a, b) => b.length - a.length);
  return { pairs, byPair, infixes, keywordPairs, keywordsByPair, byKeyword };
}

function tables(): Compiled {
  compiled ??= compile(FAMILIES);
  return compiled;
}

function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * A token may start here: the previous character is not a letter or digit — or it is the `n`/`t`/`r` of a
 * JSON escape (`"A=1\nghp_…"`).
 */
function startsRun(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  if (!isWordCode(prev)) return true;
  return (prev === 0x6e || prev === 0x74 || prev === 0x72) && i >= 2 && text.charCodeAt(i - 2) === 0x5c;
}

export interface ProviderFinding extends Candidate {
  /** The catalogue family that matched. */
  family: string;
}

function accept(family: Family, token: string, body: string): boolean {
  if (family.type === 'prefix' && family.checksum && validChecksum(family.checksum, body)) return true;
  if (isWordLikeBody(body, mixedAlphabet(family.type === 'keyword' ? family.value : family.body))) return false;
  return token.length > 0 && !isDummyTokenBody(body, { allowRuns: family.allowRuns, entropy: family.entropy });
}

/** `sumObj` does not hold the keyword `sumo`: a camel-case boundary inside the match splits it. */
function crossesCamel(text: string, at: number, length: number): boolean {
  for (let k = at + 1; k < at + length; k += 1) {
    const c = text.charCodeAt(k);
    const p = text.charCodeAt(k - 1);
    if (c >= 0x41 && c <= 0x5a && p >= 0x61 && p <= 0x7a) return true;
  }
  return false;
}

const lowerCode = (code: number): number => (code >= 0x41 && code <= 0x5a ? code + 0x20 : code);

/** `text.slice(at).toLowerCase().startsWith(word)` for a lower-case ASCII word, without allocating. */
function startsWithLower(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k += 1) if (lowerCode(text.charCodeAt(at + k)) !== word.charCodeAt(k)) return false;
  return true;
}

export function detectProviderTokens(text: string): ProviderFinding[] {
  const { pairs, byPair, infixes, keywordPairs, keywordsByPair } = tables();
  const found: ProviderFinding[] = [];
  const keywordHits: Array<[at: number, keyword: string]> = [];
  const n = text.length;
  let prev = 0x20;
  for (let i = 0; i + 1 < n; i += 1) {
    const c0 = text.charCodeAt(i);
    const before = prev;
    prev = c0;
    const wordStart = !isWordCode(before) || startsRun(text, i);
    // A keyword also starts a camel-case segment: `myTwilioToken`.
    const camel = !wordStart && c0 >= 0x41 && c0 <= 0x5a && ((before >= 0x61 && before <= 0x7a) || (before >= 0x30 && before <= 0x39));
    // Inside a run of letters and digits nothing starts: one comparison rejects most positions.
    if (!wordStart && !camel) continue;
    const c1 = text.charCodeAt(i + 1);
    if (c0 >= 128 || c1 >= 128) continue;
    const lowerPair = (lowerCode(c0) << 7) | lowerCode(c1);
    if (keywordPairs[lowerPair] === 1) {
      for (const kw of keywordsByPair.get(lowerPair) ?? []) {
        if (startsWithLower(text, i, kw) && !crossesCamel(text, i, kw.length)) {
          keywordHits.push([i, kw]);
          break;
        }
      }
    }
    if (!wordStart || pairs[(c0 << 7) | c1] === 0) continue;
    const rules = byPair.get((c0 << 7) | c1);
    if (!rules) continue;
    // Every rule whose prefix is here is tried and the longest token wins: families share prefixes (`live_` is
    // Mollie's and GoCardless's), and the first to match may stop short of a body that another family's covers.
    let best: { rule: CompiledPrefix; end: number } | undefined;
    for (const rule of rules) {
      if (!text.startsWith(rule.prefix, i)) continue;
      const bodyStart = i + rule.prefix.length;
      rule.body.lastIndex = bodyStart;
      const m = rule.body.exec(text);
      if (!m) continue;
      const end = bodyStart + m[0].length;
      if (best && end <= best.end) continue;
      if (!accept(rule.family, text.slice(i, end), m[0])) continue;
      best = { rule, end };
    }
    if (best) {
      const { rule, end } = best;
      const token = text.slice(i, end);
      found.push({
        kind: familyKind(rule.family),
        family: rule.family.id,
        start: i,
        end,
        confidence: 'high',
        key: token,
        keepPrefix: rule.keep > 0 ? token.slice(0, rule.keep) : undefined,
      });
      i = end - 1;
      prev = text.charCodeAt(i);
    }
  }
  for (const rule of infixes) {
    for (const c of detectInfix(text, rule)) found.push(c);
  }
  for (const c of detectKeywordAssignments(text, keywordHits)) found.push(c);
  return found;
}

function detectInfix(text: string, rule: CompiledInfix): ProviderFinding[] {
  const found: ProviderFinding[] = [];
  const { anchor, headMax } = rule.family;
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
    const window = text.slice(Math.max(0, at - headMax), at);
    const head = rule.head.exec(window);
    if (!head) continue;
    const start = at - head[0].length;
    if (!startsRun(text, start)) continue;
    rule.body.lastIndex = at + anchor.length;
    const m = rule.body.exec(text);
    if (!m) continue;
    const end = at + anchor.length + m[0].length;
    const token = text.slice(start, end);
    if (!accept(rule.family, token, head[0] + m[0])) continue;
    found.push({ kind: familyKind(rule.family), family: rule.family.id, start, end, confidence: 'high', key: token });
    at = end - 1;
  }
  return found;
}

/**
 * What may sit between a provider's keyword and the value: the rest of the identifier (`_API_KEY`, `Token`), a
 * type (`var x string =`, `x: String =`), a closing quote or bracket, and one of the assignment operators of the
 * common config and source syntaxes (`=`, `:`, `:=`, `::=`, `?=`, `.=`, `=>`, `,` of a call, `>` of an XML tag).
 */
const ASSIGNMENT =
  /[\w.-]{0,60}(?:[ \t]{1,4}[A-Za-z_][\w.[\]*]{0,30})?["'\]]{0,2}[ \t]{0,4}(?::[ \t]{0,4}[A-Za-z][\w.<>?]{0,30}[ \t]{1,4}(?==))?(?:=>|:{1,3}=|\?=|\.=|\+=|\|\|=?|=|:|>|,)[ \t]{0,4}(?:["'`]|\s{0,12}["'`]?)/y;

function detectKeywordAssignments(text: string, hits: ReadonlyArray<[number, string]>): ProviderFinding[] {
  const { byKeyword } = tables();
  const found: ProviderFinding[] = [];
  let done = 0;
  for (const [at, kw] of hits) {
    if (at < done) continue;
    const rules = byKeyword.get(kw);
    if (!rules) continue;
    ASSIGNMENT.lastIndex = at + kw.length;
    if (!ASSIGNMENT.exec(text)) continue;
    const valueStart = ASSIGNMENT.lastIndex;
    done = valueStart;
    for (const rule of rules) {
      rule.value.lastIndex = valueStart;
      const v = rule.value.exec(text);
      if (!v || v[0].length === 0) continue;
      if (!accept(rule.family, v[0], v[0])) continue;
      const end = valueStart + v[0].length;
      found.push({ kind: familyKind(rule.family), family: rule.family.id, start: valueStart, end, confidence: 'medium', key: v[0] });
      done = end;
      break;
    }
  }
  return found;
}

/**
 * Whether a value is a catalogue prefix followed by a dummy body (`sk_live_xxxx…`, `GR1348941` + a sequence):
 * other detectors (key names, headers) ask this before they redact a value.
 */
export function isDummyProviderToken(value: string): boolean {
  if (value.length < 6) return false;
  const c0 = value.charCodeAt(0);
  const c1 = value.charCodeAt(1);
  if (c0 >= 128 || c1 >= 128) return false;
  const rules = tables().byPair.get((c0 << 7) | c1);
  if (!rules) return false;
  for (const rule of rules) {
    if (!value.startsWith(rule.prefix)) continue;
    const body = value.slice(rule.prefix.length);
    if (body.length >= 4 && isDummyTokenBody(body, { allowRuns: rule.family.allowRuns })) return true;
  }
  return false;
}

/** For tests and `--explain`: every family id. */
export function familyIds(): string[] {
  return FAMILIES.map((f) => f.id);
}
