import type { Candidate } from '../candidate.js';
import { looksRandom, UUID } from '../entropy.js';
import { isMaskedBody, isPlaceholderValue } from '../keep-rules.js';
import type { KeyVerdict } from '../keys/classify.js';
import { looksLikeDate } from '../pii/dates.js';

/**
 * Judges the value of a key-named field: the key said what the field holds (keys/classify.ts), the value's
 * shape says whether it holds one. Credentials go whatever they look like — hex, base64, six characters —
 * unless the value stands in for one (`${SECRET}`, `<your-token>`, `changeme`, `***`, null, true) or points to
 * one (`secretKeyRef`, an ARN, a vault path, a code expression). Personal fields go when the value has the
 * shape of what the key names (digits for a phone, a date for a birth date).
 */

export interface ValueContext {
  /** How the pair was written, for `--explain`: `json`, `assignment`, `xml`, `table`, `sql`, … */
  syntax: string;
  /** The value was written bare (no quotes) in source code: `password = config.password` is a reference. */
  code?: boolean;
  /** The key or the record it belongs to (a HAR `name`), for `--explain`. */
  via?: string;
}

const SCHEMES = /^(bearer|basic|token|digest|negotiate|ntlm|bot|apikey|api-key|key|sso-key|ssws|oauth|jwt|dpop|hawk|mac|aws4-hmac-sha256|sharedkey|splunk|genie|geniekey)[ \t]+(?=\S)/i;
const SCHEME_ONLY = new RegExp(`^${SCHEMES.source.slice(1, SCHEMES.source.indexOf(')') + 1)}$`, 'i');
const COOKIE_ATTRIBUTES = /^(?:path|domain|expires|max-age|samesite|secure|httponly|priority|partitioned|version|comment)$/i;

const PERSONAL: ReadonlySet<string> = new Set(['phone', 'dob', 'national_id', 'bank_account', 'address']);

function isMaskOrTemplate(value: string): boolean {
  return /^[*xX•#.\s()+/-]*[*xX•#]{3}[*xX•#.\s()+/-]*$/.test(value) || /^(?:\$\{.{1,100}\}|\{\{.{1,100}\}\}|<[^<>]{1,100}>)$/.test(value);
}

/** `ghp_xxxxxxxx…`, `sk_live_****`, `AKIA****************`: a token with its body masked. */
function isMasked(value: string): boolean {
  const body = value.replace(/^(?:[A-Za-z0-9]{1,12}[_-]){1,3}/, '');
  return body.length >= 3 && isMaskedBody(body);
}

/** A value that names where a secret lives rather than holding it. */
function isReference(value: string): boolean {
  return (
    /^\$\{\{[^{}]{0,200}\}\}$/.test(value) || // GitHub Actions ${{ secrets.X }}
    /^(?:arn:aws[\w-]{0,20}:|vault:|secretsmanager:|ssm:|keyvault:|op:\/\/|sm:\/\/|awskms:|gcpkms:|azurekeyvault:|projects\/[\w-]{1,64}\/secrets\/)/i.test(value) ||
    /^!(?:Ref|Sub|GetAtt|ImportValue|vault|secret|env)\b/.test(value) ||
    /^(?:secretKeyRef|valueFrom|configMapKeyRef)\b/.test(value) ||
    /^(?:see|ask|check|stored in|kept in|in the|from the|use the)[ \t][^\n]{0,80}(?:1password|lastpass|bitwarden|keepass|vault|keychain|password manager|secret manager|secrets manager|wiki|confluence|notion)\b/i.test(value) ||
    /^(?:process\.env|os\.environ|os\.getenv|ENV\[|ENV\.fetch|System\.getenv|getenv\(|env\(|Deno\.env|import\.meta\.env)/.test(value)
  );
}

/**
 * `config.password`, `self._token`, `getPassword()`, `params[:token]`: an expression in code, not a literal. A
 * bare dotted word alone is not enough (`Pa55.word` is a password): it needs a call, or a receiver that names
 * where settings come from.
 */
const RECEIVERS = 'self|this|config|cfg|conf|settings|options|opts|params|args|env|process|os|ENV|Rails|app|ctx|context|props|properties|request|req|System|Environment|secrets|vault|credentials|creds|auth|user|current_user|session|state|values|Values';
const CODE_EXPRESSION = new RegExp(`^(?:(?:${RECEIVERS})(?:\\.|::|->|\\[)[\\w$.:\\[\\]'"-]{1,120}|[A-Za-z_$][\\w$.]{0,80}\\(.{0,200}\\)|@[A-Za-z_]\\w{0,60})[;,]?$`);
export function isCodeExpression(value: string): boolean {
  return CODE_EXPRESSION.test(value) || /^(?:new\s|await\s|require\(|fetch\()/.test(value);
}

/**
 * `GITHUB_TOKEN=ghp_…`, `password=…`: a value that is itself an assignment of a conventional name (an env
 * name, a lower-case word), read on its own. A token with `=` inside (`t1.eB=.dM…`, `j_1ys…=m2y…`, base64
 * padding mid-value) is not one.
 */
export function isNestedAssignment(value: string): boolean {
  const m = /^([A-Za-z_][\w.-]{0,127})=[^=\s]/.exec(value);
  if (!m) return false;
  const name = m[1] ?? '';
  return /^[A-Z][A-Z0-9_]{1,127}$/.test(name) || /^[a-z][a-z_.-]{0,127}$/.test(name) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(name);
}

function isPlainWord(value: string): boolean {
  return /^[a-z]{1,24}(?:[-_ ][a-z]{1,24}){0,3}$/.test(value) || /^[A-Z][a-z]{1,20}$/.test(value) || /^[A-Z]{2,8}$/.test(value);
}

/** "must be at least 12 characters long": a sentence about a password, not one. */
function isProse(value: string): boolean {
  return /^[\p{L}'’,.:;!?()-]{1,30}(?:\s[\p{L}\d'’,.:;!?()-]{1,30}){4,}$/u.test(value);
}

function isUrlOrPath(value: string): boolean {
  return /^[a-z][a-z0-9+.-]{1,30}:\/\/(?:[^\s@/]{0,256}@)?[^\s@/]*(?:[/?#]|$)/i.test(value) || /^(?:~|\.{1,2})?\/[\w.-]/.test(value) || /^[A-Za-z]:\\/.test(value);
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s += 1;
  while (e > s && /\s/.test(text.charAt(e - 1))) e -= 1;
  const first = text.charAt(s);
  if (e - s >= 2 && (first === '"' || first === "'" || first === '`') && text.charAt(e - 1) === first) {
    s += 1;
    e -= 1;
  }
  return { start: s, end: e };
}

function candidate(kind: string, start: number, end: number, text: string, why: () => string, confidence: Candidate['confidence'] = 'medium'): Candidate {
  return { kind, start, end, confidence, key: text.slice(start, end), rule: 'key-name', why: why() };
}

function reason(verdict: KeyVerdict, ctx: ValueContext): string {
  return `${ctx.syntax} key${ctx.via ? ` "${ctx.via}"` : ''} names ${describe(verdict)}`;
}

function describe(verdict: KeyVerdict): string {
  switch (verdict.cls) {
    case 'password': return 'a password';
    case 'secret': return 'a secret';
    case 'weak_secret': return 'a key (value looks random)';
    case 'cookie': return 'a cookie';
    case 'authorization': return 'a credential';
    case 'phone': return 'a phone number';
    case 'dob': return 'a date of birth';
    case 'national_id': return 'an identity number';
    case 'bank_account': return 'a bank account';
    case 'address': return 'a postal address';
    case 'person_name': return "a person's name";
    case 'email': return 'an email';
  }
}

/**
 * The detections for one `key → value` pair, or none. `start`/`end` delimit the value as written (quotes
 * included or not); the detections cover only the sensitive part (the credentials after `Bearer `, each cookie
 * value of a `Cookie` list).
 */
export function judgePair(
  text: string,
  verdict: KeyVerdict,
  rawStart: number,
  rawEnd: number,
  ctx: ValueContext,
  placeholder?: RegExp,
): Candidate[] {
  const { start, end } = trimmed(text, rawStart, Math.min(rawEnd, rawStart + 8192));
  if (end <= start) return [];
  const value = text.slice(start, end);
  // Sequences such as 1234567 make a secret a dummy, but real phone numbers and ids contain them: personal
  // fields with digits only stand aside for masks and templates.
  const personal = PERSONAL.has(verdict.cls) && /\d/.test(value);
  if (personal ? isMaskOrTemplate(value) : isPlaceholderValue(value, placeholder) || isReference(value) || isMasked(value)) return [];
  if (placeholder) {
    placeholder.lastIndex = 0;
    if (placeholder.test(value)) return []; // already redacted (a second pass)
  }
  if (value.startsWith('-----BEGIN')) return []; // private-key.ts keeps the PEM header and footer
  // `(` of `auth=('user', 'pw')`, `(user` of `auth=(user, password)`: a tuple or a call follows, read on its own.
  if ((value.length < 4 && !/[\p{L}\p{N}]/u.test(value)) || (ctx.code && /^[([][\w'"]/.test(value) && !/[)\]]$/.test(value))) return [];
  // `key: GITHUB_TOKEN=ghp_…`: the value is itself an assignment, which the scan reads on its own.
  if (verdict.cls !== 'cookie' && isNestedAssignment(value)) return [];
  const why = (): string => reason(verdict, ctx);
  switch (verdict.cls) {
    case 'password':
    case 'secret': {
      if (/^[{[]\s*$/.test(value) || /^[|>][-+]?\d?$/.test(value)) return []; // a structure or a block follows
      if (ctx.code && isCodeExpression(value)) return [];
      if (isUrlOrPath(value)) return userinfo(text, start, end, why);
      if (/^-?\d{1,6}(?:\.\d+)?$/.test(value) && verdict.cls === 'secret') return [];
      if (/^\d{1,2}$/.test(value)) return []; // `PuttyPassword=0`: a flag or a count, not a password
      if (verdict.cls === 'secret' && (isPlainWord(value) || /\s\S+\s\S+\s/.test(value))) return [];
      if (isProse(value)) return [];
      // A connection string or a nested list of assignments: the pattern pass reads those key by key.
      if (/[;&][ \t]{0,2}[A-Za-z_][\w .-]{0,40}=/.test(value) && /^[A-Za-z_][\w .-]{0,40}=/.test(value)) return [];
      return [candidate(verdict.cls === 'password' ? 'password' : 'secret', start, end, text, why)];
    }
    case 'weak_secret':
      // `user:42:profile`, `orders/2024-03`: words and small numbers joined are a cache key or a path, not a secret.
      if (/^(?:[A-Za-z]{1,24}\d{0,3}|\d{1,6})(?:[:._/-](?:[A-Za-z]{1,24}\d{0,3}|\d{1,6}))+$/.test(value)) return [];
      if (UUID.test(value) || looksRandom(value)) return [candidate('secret', start, end, text, why, 'low')];
      return [];
    case 'authorization': {
      if (SCHEME_ONLY.test(value)) return []; // the scheme alone: its parameters follow (`AWS4-HMAC-SHA256 Credential=…`)
      const scheme = SCHEMES.exec(value);
      const from = scheme ? start + scheme[0].length : start;
      const credentials = text.slice(from, end);
      if (isPlaceholderValue(credentials, placeholder) || credentials.length === 0) return [];
      if (!scheme && (isPlainWord(credentials) || /\s/.test(credentials) || isUrlOrPath(credentials))) return [];
      return [candidate(scheme?.[1]?.toLowerCase() === 'basic' ? 'basic_auth' : 'authorization', from, end, text, why, scheme ? 'high' : 'medium')];
    }
    case 'cookie':
      return cookieValues(text, start, end, why, placeholder);
    case 'phone': {
      const digits = value.replace(/\D/g, '').length;
      if (digits >= 6 && digits <= 20 && /^\+?[\d\s()./-]{6,32}(?:\s{0,2}(?:ext\.?|x|#)\s{0,2}\d{1,6})?$/i.test(value)) return [candidate('phone', start, end, text, why)];
      return [];
    }
    case 'dob':
      return looksLikeDate(value) ? [candidate('dob', start, end, text, why)] : [];
    case 'national_id': {
      const digits = value.replace(/\D/g, '').length;
      // Passport numbers may be letters only in some series (German `C…`); under a passport label any 6–12
      // capitals and digits are one.
      if (/pass|pasa|pasz|pasp/.test(verdict.word) && /^[A-Z0-9]{6,12}$/.test(value) && !isPlainWord(value)) return [candidate('national_id', start, end, text, why)];
      if (value.length <= 40 && digits >= 3 && /^[A-Za-z0-9][A-Za-z0-9 ./-]{3,39}$/.test(value)) {
        return [candidate(/ssn|socialsecurity/.test(verdict.word) ? 'ssn' : 'national_id', start, end, text, why)];
      }
      return [];
    }
    case 'bank_account': {
      const compact = value.replace(/[\s.-]/g, '');
      if (/^[A-Za-z]{2}\d{2}[A-Za-z0-9]{8,30}$/.test(compact)) return [candidate('iban', start, end, text, why)];
      if (/^\d{3,34}$/.test(compact) && (compact.length >= 6 || /cvv|cvc/.test(verdict.word))) return [candidate('bank_account', start, end, text, why)];
      return [];
    }
    case 'address': {
      if (value.length < 6 || value.length > 240 || !/\p{L}{2}/u.test(value) || !/[\d,]/.test(value) || !/\s/.test(value)) return [];
      if (isUrlOrPath(value) || /@/.test(value) || /^[\d.:a-f[\]/]+$/i.test(value)) return [];
      return [candidate('address', start, end, text, why)];
    }
    case 'person_name': {
      if (value.length < 2 || value.length > 80 || !/^\p{Lu}/u.test(value)) return [];
      if (!/^[\p{L}\p{M}][\p{L}\p{M}.'’ -]{0,79}$/u.test(value) || value.split(/\s+/).length > 5) return [];
      return [candidate('contact', start, end, text, why)];
    }
    case 'email':
      return [];
  }
}

/** A URL under a secret-named key: only its `user:password@` / `token@` part is secret. */
function userinfo(text: string, start: number, end: number, why: () => string): Candidate[] {
  const value = text.slice(start, end);
  const m = /^[a-z][a-z0-9+.-]{1,30}:\/\/([^\s@/:]{1,256})(?::([^\s@/]{1,256}))?@/i.exec(value);
  if (!m) return [];
  const userStart = start + value.indexOf('://') + 3;
  if (m[2] !== undefined) return []; // url-credentials.ts takes `user:password@`
  return looksRandom(m[1] ?? '') ? [candidate('secret', userStart, userStart + (m[1]?.length ?? 0), text, why)] : [];
}

/** Every value of a `name=value; name=value` list (a Cookie header), or the first of a Set-Cookie. */
function cookieValues(text: string, start: number, end: number, why: () => string, placeholder?: RegExp): Candidate[] {
  const value = text.slice(start, end);
  if (!value.includes('=')) {
    if ((isPlainWord(value) && value.length < 12) || /\s/.test(value)) return [];
    return [candidate('cookie', start, end, text, why)];
  }
  const found: Candidate[] = [];
  let pos = 0;
  while (pos < value.length) {
    let next = value.indexOf(';', pos);
    if (next < 0) next = value.length;
    const eq = value.indexOf('=', pos);
    if (eq > pos && eq < next) {
      const name = value.slice(pos, eq).trim();
      let s = start + eq + 1;
      let e = start + next;
      while (s < e && /\s/.test(text.charAt(s))) s += 1;
      while (e > s && /\s/.test(text.charAt(e - 1))) e -= 1;
      const v = text.slice(s, e);
      if (!COOKIE_ATTRIBUTES.test(name) && v.length > 0 && !isPlaceholderValue(v, placeholder)) {
        found.push(candidate('cookie', s, e, text, why));
      }
    }
    pos = next + 1;
  }
  return found;
}
