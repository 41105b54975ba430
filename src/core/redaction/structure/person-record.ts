import { classifyKeyName } from '../keys/classify.js';

/**
 * `{"name": "Maria Gonzalez", "dob": …}`: `name` alone names a service, a plan or a file as often as a person,
 * but in a record that also holds a person's fields (a birth date, a phone, an address, an identity number,
 * an email) it names that person. Such generic name keys are then read as a person's name, and the value
 * judged as one (a capitalised name, not `orders-api`). `customer` / `client` name a person or a company: both
 * are identity, so they count whenever the value has the shape of a name of two words or more.
 */

const PERSONAL_SIBLING: ReadonlySet<string> = new Set(['dob', 'phone', 'national_id', 'address', 'email', 'bank_account']);

/** Generic keys that hold a name in a record about a person. */
const GENERIC_NAME = /^(?:name|display_?name|displayname|nom|nombre|nome|naam|imie|имя|名前|姓名)$/iu;
/** Keys that hold a person's or a company's name whatever the record holds. */
const PARTY_NAME = /^(?:customer|client|cliente|kunde|klant|buyer|owner|holder|recipient|patient|contact_?person|account_?owner|requester|requested_?by|submitted_?by|reporter)$/iu;

/** The key a name member's value is judged under (a person's name). */
export const PERSON_NAME_KEY = 'full_name';

export function hasPersonalSibling(keys: readonly string[]): boolean {
  return keys.some((k) => {
    const cls = classifyKeyName(k)?.cls;
    return cls !== undefined && PERSONAL_SIBLING.has(cls);
  });
}

/** A value shaped like a name of two to four capitalised words: `Maria Gonzalez`, `Jean-Luc O'Neill`. */
export function looksLikeFullName(value: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}.'’-]{0,30}(?:[ \t]\p{L}[\p{L}\p{M}.'’-]{0,30}){1,3}$/u.test(value) && !/\d/.test(value);
}

/** Whether the member `key`, holding `raw`, names a person in a record whose keys are `siblings`. */
export function namesPerson(key: string, raw: string, siblings: readonly string[]): boolean {
  const value = raw.trim().replace(/^(["'`])(.*)\1$/s, '$2');
  if (PARTY_NAME.test(key)) return looksLikeFullName(value);
  if (GENERIC_NAME.test(key)) return hasPersonalSibling(siblings) && /^\p{Lu}/u.test(value);
  return false;
}
