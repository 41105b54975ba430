import { foldAccents } from '../term-pattern.js';
import {
  COMPLEMENT_PREPOSITIONS,
  COMPOUND_HEADS,
  HEAD_WORDS,
  NEGATING_BEFORE,
  NOT_COMPOUNDS,
  TRANSPARENT_AFTER,
  type FieldClass,
} from './words.js';

/**
 * Reads a key name — a JSON member, an env variable, a header, an XML tag, a column, a CLI flag — and says
 * whether it names a credential or a personal field. The key is cut into words first, so that only the
 * *head* of the name counts: `db_password` and `PasswortDatenbank`… name a password, `password_reset_url` names
 * a URL, `token_count` a number and `keyboard` nothing at all. See words.ts for the vocabulary.
 */

export interface KeyVerdict {
  cls: FieldClass;
  /** The vocabulary entry that decided (joined words), for `--explain`. Never a value. */
  word: string;
}

const MAX_KEY = 160;
const MAX_WORDS = 14;

/** `APIKey` → api key; `db_Password2` → db password; `x-auth-token` → x auth token; `Geburts­datum` → geburtsdatum. */
export function keyWords(key: string): string[] {
  const cut = key
    .slice(0, MAX_KEY)
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2');
  const words: string[] = [];
  for (const raw of foldAccents(cut).toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length === 0) continue;
    const word = /^\d+$/.test(raw) ? raw : raw.replace(/\d+$/, '');
    if (word.length > 0) words.push(word);
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}

function lookup(joined: string, single: boolean): FieldClass | undefined {
  const direct = HEAD_WORDS.get(joined);
  if (direct) return direct;
  if (!single || NOT_COMPOUNDS.has(joined)) return undefined;
  for (const [head, cls] of COMPOUND_HEADS) {
    if (joined.length > head.length + 1 && joined.endsWith(head)) return cls;
  }
  return undefined;
}

function suffixAllowed(words: readonly string[], from: number): boolean {
  for (let i = from; i < words.length; i += 1) {
    const w = words[i] ?? '';
    if (COMPLEMENT_PREPOSITIONS.has(w)) return true;
    if (!TRANSPARENT_AFTER.has(w) && !/^\d+$/.test(w)) return false;
  }
  return true;
}

export function classifyWords(words: readonly string[]): KeyVerdict | null {
  for (let e = words.length - 1; e >= 0; e -= 1) {
    const w = words[e] ?? '';
    if (/^\d+$/.test(w)) continue;
    if (!suffixAllowed(words, e + 1)) return null;
    for (let len = Math.min(4, e + 1); len >= 1; len -= 1) {
      const s = e - len + 1;
      const joined = words.slice(s, e + 1).join('');
      const cls = lookup(joined, len === 1);
      if (!cls) continue;
      const before = words[s - 1];
      if (before !== undefined && NEGATING_BEFORE.has(before)) return null;
      return { cls, word: joined };
    }
    // Not a head word: a word such as `number` or `value` lets the search go on to the left; any other ends it.
    if (!TRANSPARENT_AFTER.has(w) && !COMPLEMENT_PREPOSITIONS.has(w)) {
      // Romance order puts the head first: `token_de_acceso`, `numero_de_telefono`. Only past a preposition.
      let p = e - 1;
      while (p >= 0 && !COMPLEMENT_PREPOSITIONS.has(words[p] ?? '')) p -= 1;
      if (p <= 0) return null;
      e = p; // the loop's e -= 1 moves to the word before the preposition
    }
  }
  return null;
}

const cache = new Map<string, KeyVerdict | null>();

export function classifyKeyName(key: string): KeyVerdict | null {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const verdict = classifyWords(keyWords(key));
  if (cache.size > 50_000) cache.clear();
  cache.set(key, verdict);
  return verdict;
}
