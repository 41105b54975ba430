import { isDummyTokenBody, isDummyValue } from './dummy-values.js';
import type { Span } from './placeholders.js';
import { isDummyProviderToken } from './providers/scan.js';

/**
 * Benign things that must survive word for word. Two kinds of rule live here: what a *value* looks like when
 * it is a placeholder rather than a secret (`${GITHUB_TOKEN}`, `<YOUR_API_KEY>`, `***`, `changeme`), and where
 * benign structured strings sit in a text (dates, UUIDs, SHAs, versions, references) so that weak detectors —
 * phone numbers above all — do not fire inside them.
 */

const PLACEHOLDER_WORDS = new Set([
  '', 'redacted', 'removed', 'hidden', 'masked', 'censored', 'secret', 'secrets', 'password', 'passwd', 'pass',
  'token', 'apikey', 'api_key', 'api-key', 'key', 'changeme', 'change_me', 'change-me', 'changeit', 'example',
  'sample', 'dummy', 'placeholder', 'test', 'testing', 'foo', 'bar', 'baz', 'xxx', 'null', 'nil', 'none',
  'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'empty', 'required', 'optional', 'n/a', 'na', 'tbd',
  'todo', 'unknown', 'unset', 'notset', 'not-set', 'not_set', 'default', 'string', 'str', 'value', 'bearer',
  'basic', 'env', 'omitted', 'sensitive', 'private', 'invalid', 'expired', 'missing', 'revoked', 'wrong',
  'incorrect', 'correct', 'valid', 'set', 'blank', 'yyy', 'zzz', 'qux', 'user', 'username', 'pw', 'pwd',
]);

/**
 * Verdicts already given, per placeholder pattern (one per redactor). The same value is judged again and
 * again where a text repeats itself (a header name or a template on every line of a 10 MiB log: three quarters
 * of the structure pass there), and the verdict depends on nothing else. Bounded: cleared when full, and only
 * values of up to 256 characters are kept.
 */
const VERDICT_LIMIT = 4096;
const MAX_CACHED_LENGTH = 256;
let verdictsWithout = new Map<string, boolean>();
let verdictsFor = new WeakMap<RegExp, Map<string, boolean>>();
let verdictCount = 0;

/**
 * A value that stands in for a secret rather than being one. Kept word for word so that an engineer can see
 * *how* the customer configured things.
 */
/** A part of a provider's public prefix: a short word with at most a version number (`api03`, `v1`). */
function isPrefixWord(part: string): boolean {
  return part.length === 0 || /^(?:[a-z]{1,10}\d{0,2}|[A-Z]{1,6}\d{0,2}|[A-Z][a-z]{1,9}|\d{1,2})$/.test(part);
}

export function isPlaceholderValue(raw: string, placeholder?: RegExp): boolean {
  if (raw.length > MAX_CACHED_LENGTH) return judgePlaceholder(raw, placeholder);
  let verdicts = placeholder ? verdictsFor.get(placeholder) : verdictsWithout;
  const known = verdicts?.get(raw);
  if (known !== undefined) return known;
  const verdict = judgePlaceholder(raw, placeholder);
  if (verdictCount >= VERDICT_LIMIT) {
    verdictsWithout = new Map();
    verdictsFor = new WeakMap();
    verdictCount = 0;
    verdicts = undefined;
  }
  if (!verdicts) {
    verdicts = new Map();
    if (placeholder) verdictsFor.set(placeholder, verdicts);
    else verdictsWithout = verdicts;
  }
  verdicts.set(raw, verdict);
  verdictCount += 1;
  return verdict;
}

function judgePlaceholder(raw: string, placeholder?: RegExp): boolean {
  const value = raw.trim().replace(/^["'`]|["'`]$/g, '').trim();
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (value.length > 200) return false;
  // ${NAME}, ${NAME:-x}, $NAME, %NAME%, $env:NAME, {{name}}, {name}, <YOUR_API_KEY>, [REDACTED]
  if (/^\$\{[^{}]{1,100}\}$/.test(value)) return true;
  if (/^\$[A-Za-z_][A-Za-z0-9_]{0,80}$/.test(value)) return true;
  if (/^\$env:[A-Za-z_][A-Za-z0-9_]{0,80}$/i.test(value)) return true;
  if (/^%[A-Za-z_][A-Za-z0-9_]{0,80}%$/.test(value)) return true;
  if (/^\{\{[^{}]{1,100}\}\}$/.test(value)) return true;
  if (/^\{[A-Za-z_][A-Za-z0-9_.-]{0,80}\}$/.test(value)) return true;
  if (/^<[^<>]{1,100}>$/.test(value)) return true;
  if (/^\[[A-Z0-9_ -]{1,60}\]$/.test(value)) return true;
  // Python %(NAME)s, Make/shell $(NAME), Ruby #{name}, Jinja/Helm {% … %}
  if (/^%\([A-Za-z_][\w.-]{0,80}\)[sdr]$/.test(value)) return true;
  if (/^\$\([^()\n]{1,100}\)$/.test(value)) return true; // $(NAME), $(cat ./password.txt)
  if (/^\$\d$/.test(value)) return true; // a script's positional argument
  if (/^[(<{]\s{0,2}(?:redacted|removed|hidden|masked|censored|omitted|sensitive|secret|not shown)\s{0,2}[)>}]$/i.test(value)) return true;
  if (/^\$\{\{[^{}]{1,200}\}\}$/.test(value)) return true; // GitHub Actions ${{ secrets.X }}
  // ACCESS_TOKEN, YOUR_API_KEY, DB_PASSWORD: the name of the variable written where its value goes
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && /(?:TOKEN|KEY|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?)(?:_|$)/.test(value)) return true;
  if (/^#\{[^{}]{1,100}\}$/.test(value)) return true;
  if (/^\{%[^%]{1,100}%\}$/.test(value)) return true;
  // a provider prefix with nothing after it (`sk-...`, `ghp_…` once the dots are cut off as punctuation)
  // Each part is a prefix word (`sk`, `live`, `api03`, `AKIA`, `v1`), not a random run: a password that
  // merely ends in `_` or `-` (`7rRMJb7gV_7xbk4_`) is a password.
  if (/^[A-Za-z0-9]{1,12}(?:[_-][A-Za-z0-9]{1,12}){0,3}[_-](?:\.\.\.|…)?$/.test(value) && value.split(/[_.…-]+/).every(isPrefixWord)) return true;
  // ***, xxxx, XXXXXXXX, ••••, ..., …, ____, ----
  if (/^[*xX•·.…#_-]+$/.test(value) && !/^[._-]+$/.test(value.replace(/\.\.\.|…/g, ''))) return true;
  if (/^(?:\.\.\.|…)$/.test(value)) return true;
  // your-token-here, YOUR_API_KEY, your_password, my-secret-key, insert-token-here, <token-goes-here>
  if (/^(?:(?:your|my|insert|enter|put|paste|some)[-_ ]?|(?:the|a)[-_ ])[a-z_ -]{0,40}$/i.test(value)) return true;
  if (/^[a-z_ -]{0,40}[-_ ](?:here|goes[-_ ]here)$/i.test(value)) return true;
  if (placeholder) {
    placeholder.lastIndex = 0;
    if (placeholder.test(value)) return true;
  }
  // masks, runs, sequences, documented example keys (dummy-values.ts); `sk_live_xxxx…`, `ghp_your_token_here`
  if (isDummyValue(value)) return true;
  const prefixed = /^(?:[A-Za-z0-9]{1,12}[_.-]){1,3}(.{8,})$/.exec(value);
  if (prefixed?.[1] !== undefined && /[A-Za-z]/.test(value.charAt(0)) && isDummyTokenBody(prefixed[1])) return true;
  return isDummyProviderToken(value);
}

/** The body of a token-shaped string that is a mask, not a token: `ghp_xxxxxxxx…`, `AKIA****************`. */
export function isMaskedBody(body: string): boolean {
  return /^[xX*•#.0_/-]+$/.test(body) && /[xX*•#]/.test(body);
}

// Each pattern starts where its own class cannot continue to the left, so the engine tries one start per run
// and every quantifier is bounded: linear time on any input. The left edge is tested after the first character
// (`X(?<!B[^])` is `(?<!B)X` for a one-character X): a leading lookbehind makes the engine stop at every
// position of the text, a leading character class lets it skip to where a match can start.
const BENIGN_PATTERNS: readonly RegExp[] = [
  // UUIDs and GUIDs (trace and request ids)
  /[0-9A-Fa-f](?<![0-9A-Fa-f-][^])[0-9A-Fa-f]{7}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/g,
  // git SHAs (7–40) and digests (64/128); at least one letter, or it is just a number
  /(?<![0-9A-Za-z_])(?=[0-9]{0,127}[a-fA-F])[0-9a-fA-F]{7,128}(?![0-9A-Za-z_])/g,
  /(?<![A-Za-z0-9])(?:sha1|sha256|sha384|sha512|md5):[0-9a-fA-F]{16,128}(?![0-9A-Za-z])/g,
  // ISO dates and timestamps: 2024-03-15, 2024-03-15T10:22:01.123Z, 2024-03-15 10:22:01+02:00
  /\d(?<!\d[^])\d{3}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g,
  // 15/03/2024, 03/15/2024, 15.03.2024, 2024/03/15
  /\d(?<![\d/.][^])(?:\d?[/.]\d{1,2}[/.]\d{4}|\d{3}\/\d{1,2}\/\d{1,2})(?![\d/])/g,
  // times: 10:22, 10:22:01, 10:22:01.123
  /\d(?<![\d:][^])\d?:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?![\d:])/g,
  // versions: v1.2.3, pkg@1.2.3, Chrome/120.0.6099.109, 1.2.3-beta.1. Bare dotted numbers are left to the
  // detectors themselves: "415.555.0132" is a phone number and "203.0.113.7" an address.
  /[vV](?<![\w.][^])\d{1,6}(?:\.\d{1,8}){0,4}(?:-[0-9A-Za-z.]{1,40})?(?:\+[0-9A-Za-z.]{1,40})?(?![\w])/g,
  /(?<=[@/])\d{1,6}(?:\.\d{1,8}){1,4}(?:-[0-9A-Za-z.]{1,40})?(?![\w])/g,
  /\d(?<![\w.][^])\d{0,5}(?:\.\d{1,8}){2}-[0-9A-Za-z][0-9A-Za-z.]{0,39}(?![\w])/g,
  // references: INV-2024-00123, SUP-12, #48213, ticket 48213 is a bare number and needs no rule
  /[A-Z](?<![A-Za-z0-9_-][^])[A-Z0-9]{1,15}-\d{1,12}(?:-\d{1,12}){0,3}(?![\w-])/g,
  /#(?<![\w#&][^])\d{1,12}(?![\w])/g,
  // object ids: evt_…, cus_…, pi_…, ch_…, req_…
  /[a-z](?<![A-Za-z0-9_][^])[a-z]{1,11}_[A-Za-z0-9]{6,64}(?![A-Za-z0-9_])/g,
  // dotted quads: public or not, an IP address (or a version) is never a phone number
  /\d(?<![\d.][^])\d{0,2}(?:\.\d{1,3}){3}(?![\d.])/g,
  // hex colours
  /#(?<![\w#&][^])(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})(?![\w])/g,
  // a card's last four: "card ending 4242", "ending in 4242", "•••• 4242", "**** **** **** 4242"
  /(?:ending(?:\s{1,4}in)?|last\s{1,4}(?:4|four)(?:\s{1,4}digits)?)[\s:#]{0,4}\d{4}(?!\d)/gi,
  /(?:[*•xX]{4}[\s-]?){1,3}\d{4}(?!\d)/g,
];

/** Spans of benign structured strings, merged and sorted. Weak detections inside them are dropped. */
export function benignSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of BENIGN_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Longer than any benign string (a 128-digit digest is the longest), so one overlapping a range is seen. */
const MARGIN = 256;

/**
 * `benignSpans` restricted to windows around the given ranges (merged, widened to whitespace where it is near),
 * so that a few weak detections in a 10 MiB log cost a few short scans rather than one scan of everything.
 */
export function benignSpansAround(text: string, ranges: readonly Span[]): Span[] {
  if (ranges.length === 0) return [];
  const windows: Span[] = ranges.map((r) => ({ start: Math.max(0, r.start - MARGIN), end: Math.min(text.length, r.end + MARGIN) }));
  windows.sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  let i = 0;
  while (i < windows.length) {
    let { start, end } = windows[i] as Span;
    i += 1;
    while (i < windows.length && (windows[i] as Span).start <= end) {
      end = Math.max(end, (windows[i] as Span).end);
      i += 1;
    }
    // Cut at whitespace so that no benign string is cut by the window's edge.
    for (let k = 0; k < MARGIN && start > 0 && !/\s/.test(text.charAt(start - 1)); k += 1) start -= 1;
    for (let k = 0; k < MARGIN && end < text.length && !/\s/.test(text.charAt(end)); k += 1) end += 1;
    for (const s of benignSpans(text.slice(start, end))) spans.push({ start: s.start + start, end: s.end + start });
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Whether [start, end) overlaps any of the sorted, disjoint spans. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (!s) break;
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Whether [start, end) lies inside one of the sorted, disjoint spans. */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (!s) break;
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end;
  }
  return false;
}
