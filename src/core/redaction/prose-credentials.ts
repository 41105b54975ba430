import type { Candidate } from './candidate.js';
import { classifyKeyName, keyWords } from './keys/classify.js';
import { judgePair } from './structure/values.js';

/**
 * A credential stated in a sentence rather than assigned: "the API key is …", "our token was …", "la clé API
 * est …", "mi contraseña es …", "unser Passwort lautet …", "het wachtwoord is …". The words before the verb name
 * the field, read with the same vocabulary as key names (so every language and spelling it knows counts, and
 * `token_count is 4096` does not); the value after it is judged as that field's value. Only credential fields
 * are read here: a sentence about a phone or a birthday is the contextual PII pass's to judge.
 */

// The verbs that state a value, in the languages of the key vocabulary. Spaces around them, so `this` or `iste`
// never match; the optional adverb covers "is now" / "ist jetzt" / "est maintenant".
const STATING =
  /[ \t]{1,3}(?:is|was|are|were|would be|will be|ist|war|lautet|lautete|lauten|heißt|est|était|sera|es|era|será|é|foi|será|è|era|sarà|wordt|är|var|er|jest|było|je)(?:[ \t]{1,3}(?:now|still|jetzt|noch|maintenant|toujours|ahora|todavía|agora|ora|nu|nog))?[ \t]{1,3}["'“«‘]?(?=\S)/giu;

/**
 * A label and its value in the middle of a sentence or after a dash: "… and the API key: …", "ключ для API —
 * …", "Passwort - …"; and the particles and copulas of Japanese and Chinese, which write no space around them:
 * "パスワードは …", "数据库密码是 …", "API密钥：…". Line-start labels (`Password: …`) are lines.ts's. An ASCII
 * colon needs a space or a quote after it: `x-access-token:ghs_…@github.com` and `…:secret:prod/db` are a URL
 * and an ARN, which their own detectors read.
 */
const LABELLED = /(?:[ \t]{0,3}(?::(?=[ \t"'“«‘「])|：)|[ \t]{1,3}[—–-](?=[ \t])|(?<=[\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}])(?:は|是|为|為|が|：))[ \t]{0,3}["'“«‘「]?(?=[^\s:：])/gu;

/**
 * A password word and the password, with nothing between: "login admin password Q7x…", "пароль Q7x…", the
 * `.netrc` line `machine h login u password p`. The value must look like a password (see below).
 */
const BARE =
  /(?<![\p{L}\p{N}_-])(?:password|passwd|pwd|passwort|kennwort|пароль|senha|contraseña|contrasena|mot de passe|mdp|wachtwoord|hasło|haslo|parola|lösenord|salasana|heslo|şifre|sifre)[ \t]{1,3}["'“«‘]?(?=[^\s:=])/giu;

const CREDENTIAL_CLASSES: ReadonlySet<string> = new Set(['password', 'secret', 'weak_secret', 'authorization']);

const MAX_WORDS = 6;
const MAX_WORD = 41;
const WORD_CHAR = /[\p{L}\p{N}_'’-]/u;
const WORD_START = /[\p{L}\p{N}]/u;

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** `WORD_CHAR` on the character at `at`, without a regular expression for ASCII (nearly every character read). */
function isWordCharAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return isAsciiAlnum(c) || c === 0x5f || c === 0x27 || c === 0x2d;
  return WORD_CHAR.test(text.charAt(at));
}

function isWordStartAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return isAsciiAlnum(c);
  return WORD_START.test(text.charAt(at));
}

/**
 * Up to six words before the verb, on the same line and in the same clause ("la contraseña de la base de
 * datos"): read backwards by hand, each word at most 41 characters and each gap one to three spaces, so a long
 * run without spaces (CJK text, base64) costs a bounded number of steps per separator.
 */
function phraseBefore(text: string, end: number): string | undefined {
  let start = end;
  let words = 0;
  let pos = end;
  while (words < MAX_WORDS) {
    let w = pos;
    while (w > 0 && pos - w < MAX_WORD && isWordCharAt(text, w - 1)) w -= 1;
    while (w < pos && !isWordStartAt(text, w)) w += 1;
    if (w === pos) break;
    start = w;
    words += 1;
    let gap = w;
    while (gap > 0 && w - gap < 3 && (text.charAt(gap - 1) === ' ' || text.charAt(gap - 1) === '\t')) gap -= 1;
    if (gap === w || gap === 0 || !isWordCharAt(text, gap - 1)) break;
    pos = gap;
  }
  return start < end ? text.slice(start, end) : undefined;
}

/** The value: one token, its trailing sentence punctuation and closing quote left out; CJK text ends it. */
const VALUE = /^[^\s"'”»’，。、；：）」』\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]{1,512}/u;

/** In a sentence, a credential is not a word: "the password is required", "the token is expired". */
function credentialShaped(value: string): boolean {
  if (value.length < 6) return false;
  return /\d/.test(value) || mixedCase(value.slice(1)) || /[^\p{L}\p{N}]/u.test(value);
}

/**
 * `/\p{Lu}.*\p{Ll}|\p{Ll}.*\p{Lu}/u`: on a single line that is "holds an upper-case and a lower-case letter",
 * two linear scans instead of a match tried from every position.
 */
function mixedCase(value: string): boolean {
  if (/[\n\r\u2028\u2029]/.test(value)) return /\p{Lu}.*\p{Ll}|\p{Ll}.*\p{Lu}/u.test(value);
  return /\p{Lu}/u.test(value) && /\p{Ll}/u.test(value);
}

/** With no verb or label between, only a value with letters and digits (or symbols) is taken for a password. */
function passwordShaped(value: string): boolean {
  return value.length >= 6 && /\p{L}/u.test(value) && (/\d/.test(value) || /[^\p{L}\p{N}._-]/u.test(value)) && !/^\p{L}+\d{1,2}$/u.test(value);
}

function valueAt(text: string, from: number): string {
  const raw = VALUE.exec(text.slice(from, from + 512))?.[0] ?? '';
  let value = raw;
  // Trailing sentence punctuation goes, but not a bracket the value opened (`ghp_[GITHUB_TOKEN_1]`).
  while (/[.,;:!?)\]]$/.test(value)) {
    const last = value.charAt(value.length - 1);
    if ((last === ']' && value.includes('[')) || (last === ')' && value.includes('('))) break;
    value = value.slice(0, -1);
  }
  return value;
}

export function detectProseCredentials(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  for (const separator of [STATING, LABELLED]) {
    separator.lastIndex = 0;
    for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
      // The phrase ends in a word: a colon after a digit or a bracket (timestamps, ports) names nothing.
      if (separator === LABELLED && !/\p{L}/u.test(text.charAt(m.index - 1))) continue;
      const phrase = phraseBefore(text, m.index);
      if (!phrase) continue;
      const verdict = classifyKeyName(phrase); // cached: the same phrases recur
      if (!verdict || !CREDENTIAL_CLASSES.has(verdict.cls)) continue;
      const from = m.index + m[0].length;
      const value = valueAt(text, from);
      if (!credentialShaped(value)) continue;
      for (const c of judgePair(text, verdict, from, from + value.length, { syntax: 'prose', via: phrase.trim() }, placeholder)) found.push(c);
    }
  }
  BARE.lastIndex = 0;
  for (let m = BARE.exec(text); m !== null; m = BARE.exec(text)) {
    const from = m.index + m[0].length;
    const value = valueAt(text, from);
    if (!passwordShaped(value)) continue;
    const verdict = { cls: 'password' as const, word: keyWords(m[0]).join('') };
    for (const c of judgePair(text, verdict, from, from + value.length, { syntax: 'prose', via: m[0].trim() }, placeholder)) found.push(c);
  }
  return found;
}
