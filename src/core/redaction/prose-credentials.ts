import type { Candidate } from './candidate.js';
import { classifyWords, keyWords } from './keys/classify.js';
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

const CREDENTIAL_CLASSES: ReadonlySet<string> = new Set(['password', 'secret', 'weak_secret', 'authorization']);

/** Up to four words before the verb, on the same line and in the same clause. */
const PHRASE_BEFORE = /((?:[\p{L}\p{N}][\p{L}\p{N}_'’-]{0,40}[ \t]{1,3}){0,3}[\p{L}\p{N}][\p{L}\p{N}_'’-]{0,40})$/u;

/** The value: one token, its trailing sentence punctuation and closing quote left out. */
const VALUE = /^[^\s"'”»’]{1,512}/;

export function detectProseCredentials(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  STATING.lastIndex = 0;
  for (let m = STATING.exec(text); m !== null; m = STATING.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const before = text.slice(Math.max(lineStart, m.index - 160), m.index);
    const phrase = PHRASE_BEFORE.exec(before)?.[1];
    if (!phrase) continue;
    const verdict = classifyWords(keyWords(phrase));
    if (!verdict || !CREDENTIAL_CLASSES.has(verdict.cls)) continue;
    const from = m.index + m[0].length;
    const raw = VALUE.exec(text.slice(from, from + 512))?.[0] ?? '';
    const value = raw.replace(/[.,;:!?)\]]+$/, '');
    // In a sentence, a credential is not a word: "the password is required", "the token is expired".
    if (value.length < 6 || !/\d/.test(value) && !/\p{Lu}.*\p{Ll}|\p{Ll}.*\p{Lu}/u.test(value.slice(1)) && !/[^\p{L}\p{N}]/u.test(value)) continue;
    for (const c of judgePair(text, verdict, from, from + value.length, { syntax: 'prose', via: phrase.trim() }, placeholder)) found.push(c);
  }
  return found;
}
