import { classifyKeyName } from '../keys/classify.js';

/**
 * `{"name": "Maria Gonzalez", "dob": …}`: `name` alone names a service, a plan or a file as often as a person,
 * but in a record that also holds a person's fields (a birth date, a phone, an address, an identity number,
 * an email) it names that person. Such generic name keys are then read as a person's name, and the value
 * judged as one (a capitalised name, not `orders-api`). `customer` / `client` name a person or a company: both
 * are identity, so they count whenever the value has the shape of a name of two words or more.
 */

const PERSONAL_SIBLING: ReadonlySet<string> = new Set(['dob', 'phone', 'national_id', 'address', 'email', 'bank_account']);

/**
 * A record holding a credential (`{"name": …, "password": …}`, `user: …` ⏎ `api_key: …`) is an account: its
 * name member names the account's holder as often as a service. There the value must have the shape of a
 * person's full name and no word of a thing (`Deploy Key`, `Prod Database`), so service accounts stay.
 */
const CREDENTIAL_SIBLING: ReadonlySet<string> = new Set(['password', 'secret', 'authorization', 'cookie', 'weak_secret']);
/** Keys that name an account's holder in a record with a credential (not elsewhere: `user: admin`). */
const ACCOUNT_NAME = /^(?:user|login|account_?name|account_?holder|holder_?name)$/iu;
/** Words of things, environments and machines that a person's name does not contain. */
const THING_WORD = /(?<![\p{L}])(?:key|keys|token|tokens|secret|secrets|credentials?|password|webhook|hook|integration|account|deploy|deployment|prod|production|staging|stage|dev|development|test|testing|sandbox|demo|sample|example|default|local|cluster|database|db|cache|queue|pipeline|job|runner|ci|cd|build|release|client|connector|sync|import|export|backup|monitor|monitoring|metrics|logs?|read|write|only|access|master|main|primary|secondary|internal|external|public|private|service|user|users|admin|root|guest|new|old|my|our|actions|workflow|automation|scanner|agent|daemon|gateway|proxy|node)(?![\p{L}])/iu;

/** Generic keys that hold a name in a record about a person. */
const GENERIC_NAME = /^(?:name|display_?name|displayname|nom|nombre|nome|naam|imie|имя|名前|姓名)$/iu;
/** Keys that hold a person's or a company's name whatever the record holds. */
const PARTY_NAME = /^(?:customer|client|cliente|kunde|klant|buyer|owner|holder|recipient|patient|contact_?person|account_?owner|requester|requested_?by|submitted_?by|reporter|user_?name|display_?name|author|assignee|signed_?by|customer_?contact)$/iu;

/** `Platform Team`, `Orders Service`, `Acme GmbH`: a generic name member that names a team, a thing or a firm. */
const NOT_A_PERSON = /(?<![\p{L}])(?:team|service|services|group|department|dept|platform|support|api|app|bot|worker|server|project|plan|system|systems|inc|ltd|llc|gmbh|ag|sa|sarl|bv|corp|corporation|company|co|office|desk|ops|admin|alerts?|notifications?|billing|sales)\.?$/iu;

/** The key a name member's value is judged under (a person's name). */
export const PERSON_NAME_KEY = 'full_name';

function hasSiblingOf(keys: readonly string[], classes: ReadonlySet<string>): boolean {
  return keys.some((k) => {
    const cls = classifyKeyName(k)?.cls;
    return cls !== undefined && classes.has(cls);
  });
}

export function hasPersonalSibling(keys: readonly string[]): boolean {
  return hasSiblingOf(keys, PERSONAL_SIBLING);
}

export function hasCredentialSibling(keys: readonly string[]): boolean {
  return hasSiblingOf(keys, CREDENTIAL_SIBLING);
}

/** Whether a record's keys may make a name member a person's: a personal field or a credential beside it. */
export function mayHoldPerson(keys: readonly string[]): boolean {
  return hasPersonalSibling(keys) || hasCredentialSibling(keys);
}

/** A value shaped like a name of two to four capitalised words: `Maria Gonzalez`, `Jean-Luc O'Neill`. */
export function looksLikeFullName(value: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}.'’-]{0,30}(?:[ \t]\p{L}[\p{L}\p{M}.'’-]{0,30}){1,3}$/u.test(value) && !/\d/.test(value);
}

/** Whether the member `key`, holding `raw`, names a person in a record whose keys are `siblings`. */
export function namesPerson(key: string, raw: string, siblings: readonly string[]): boolean {
  const value = raw.trim().replace(/^(["'`])(.*)\1$/s, '$2');
  if (PARTY_NAME.test(key)) return looksLikeFullName(value);
  const generic = GENERIC_NAME.test(key);
  if (generic && hasPersonalSibling(siblings)) return /^\p{Lu}/u.test(value) && !NOT_A_PERSON.test(value);
  if ((generic || ACCOUNT_NAME.test(key)) && hasCredentialSibling(siblings)) {
    return looksLikeFullName(value) && !NOT_A_PERSON.test(value) && !THING_WORD.test(value);
  }
  return false;
}

/** Whether a key may name a person whatever its record holds (`customer`, `user_name`), for flat scanners. */
export function isPartyKey(key: string): boolean {
  return PARTY_NAME.test(key);
}

const YAML_MEMBER = /^([ \t]*)(?:-[ \t]+)?([\p{L}_][\p{L}\p{N}_.-]{0,63})[ \t]*:[ \t]*(.*?)[ \t]*\r?$/du;

/**
 * YAML (and indented `key: value` blocks): the members at one indentation under one parent form a record, so
 * `customer:` ⏎ `  name: Lucas Martin` ⏎ `  email: …` names a person as the JSON object would.
 */
export function readIndentedRecords(text: string, report: (key: string, start: number, end: number, via: string) => void): void {
  if (!text.includes(':')) return;
  let group: Array<{ key: string; start: number; end: number; value: string }> = [];
  let indent = -1;
  const flush = (): void => {
    if (group.length >= 2) {
      const keys = group.map((m) => m.key);
      for (const m of group) if (namesPerson(m.key, m.value, keys)) report(PERSON_NAME_KEY, m.start, m.end, m.key);
    }
    group = [];
  };
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = eol - pos < 400 ? text.slice(pos, eol) : '';
    const m = YAML_MEMBER.exec(line);
    if (!m) {
      flush();
      indent = -1;
    } else {
      // The key's column, so that `- name: …` and the `  phone: …` under it are one list item.
      const width = m.indices?.[2]?.[0] ?? 0;
      const item = /^[ \t]*-[ \t]/.test(line);
      if (width !== indent || item) {
        flush();
        indent = width;
      }
      const value = m[3] ?? '';
      const start = pos + (m.indices?.[3]?.[0] ?? 0);
      group.push({ key: m[2] ?? '', start, end: start + value.length, value });
    }
    pos = eol + 1;
  }
  flush();
}

// the left edge tested after the first character (`X(?<!B[^])` is `(?<!B)X`): the engine skips to key starts
const INLINE_KEY = /([\p{L}_](?<![\p{L}\p{N}_.-][^])[\p{L}\p{N}_.-]{0,63})["']?[ \t]{0,2}(?:=>|[:=])[ \t]{0,2}/gu;
const MAX_INLINE_LINE = 2000;

/**
 * One-line records: logfmt (`name="Jane Doe" email=…`), Ruby `inspect` (`#<User name: "Jane Doe", dob: …>`),
 * Python `repr`, Java `toString()`. A quoted name member counts when the same line holds a person's field.
 */
export function readInlineRecords(text: string, report: (key: string, start: number, end: number, via: string) => void): void {
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    if (eol - pos <= MAX_INLINE_LINE) {
      const line = text.slice(pos, eol);
      const members: Array<{ key: string; valueAt: number }> = [];
      INLINE_KEY.lastIndex = 0;
      for (let m = INLINE_KEY.exec(line); m !== null && members.length < 64; m = INLINE_KEY.exec(line)) {
        members.push({ key: m[1] ?? '', valueAt: m.index + m[0].length });
      }
      if (members.length >= 2) {
        const keys = members.map((m) => m.key);
        if (mayHoldPerson(keys)) {
          for (const m of members) {
            const q = line.charAt(m.valueAt);
            if (q !== '"' && q !== "'") continue;
            const close = line.indexOf(q, m.valueAt + 1);
            if (close < 0 || close - m.valueAt > 122) continue;
            const value = line.slice(m.valueAt + 1, close);
            if (namesPerson(m.key, value, keys)) report(PERSON_NAME_KEY, pos + m.valueAt + 1, pos + close, m.key);
          }
        }
      }
    }
    pos = eol + 1;
  }
}
