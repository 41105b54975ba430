/**
 * One provider credential family, written as data. Three shapes cover the public catalogues:
 *
 * - `prefix`: a literal public prefix (`ghp_`, `xoxb-`, `AKIA`) and a body. Found by a one-pass prefix index.
 * - `infix`: a literal that sits inside the token (`:AA` in a Telegram bot token, `Q~` in an Azure AD client
 *   secret, `.atlasv1.` in a Terraform token). Found with `indexOf`, then read backwards and forwards.
 * - `keyword`: no prefix at all; the value counts only when it is assigned to a key that names the provider
 *   (`ALGOLIA_API_KEY = "…"`, `<asanaToken>…</asanaToken>`, `System.setProperty("DISCORD_TOKEN", "…")`).
 *
 * Bodies are regular-expression sources with bounded quantifiers only: every family is linear in its input.
 */

export interface FamilyBase {
  /** Stable id, e.g. `twilio-api-key`. Also the rule name `--explain` shows. */
  id: string;
  provider: string;
  /** Finding kind; defaults to the id with `_` for `-`. Several families may share one (all GitHub tokens). */
  kind?: string;
  /** Placeholder label; defaults to the kind in capitals. */
  label?: string;
  /** Minimum Shannon entropy (bits per character) of the secret part; below it the match is a placeholder. */
  entropy?: number;
  /** The body legitimately repeats a character many times (`A{22}` in a Twitter bearer token). */
  allowRuns?: boolean;
}

export interface PrefixFamily extends FamilyBase {
  type: 'prefix';
  /** Case-sensitive literal prefixes, at least two characters each. */
  prefixes: readonly string[];
  /** Regular-expression source of what follows the prefix. */
  body: string;
  /** Characters that may not touch the token on the right (a class body); default `A-Za-z0-9_-`. */
  tail?: string;
  /** How many leading characters stay in front of the placeholder; default: the prefix when it ends in `_ - .`. */
  keep?: number;
  /** A checksum the body carries; a valid one makes the detection certain (no placeholder heuristics). */
  checksum?: 'crc32-base62';
}

export interface InfixFamily extends FamilyBase {
  type: 'infix';
  /** The literal found with indexOf. */
  anchor: string;
  /** Source of what precedes the anchor (bounded), read backwards from it. */
  head: string;
  /** Longest possible head, to know how far back to look. */
  headMax: number;
  /** Source of what follows the anchor. */
  body: string;
  tail?: string;
}

export interface KeywordFamily extends FamilyBase {
  type: 'keyword';
  /** Lower-case words, one of which the assignment's key contains (`twilio`, `algolia`). */
  keywords: readonly string[];
  /** Source of the value. */
  value: string;
  /** The value is matched case-insensitively. */
  ignoreCase?: boolean;
}

export type Family = PrefixFamily | InfixFamily | KeywordFamily;

export const familyKind = (f: FamilyBase): string => f.kind ?? f.id.replace(/-/g, '_');
export const familyLabel = (f: FamilyBase): string => f.label ?? familyKind(f).toUpperCase();

// Compact constructors: the catalogue files read as tables.
type Options<T> = Omit<T, 'type' | 'id' | 'provider' | 'prefixes' | 'body' | 'keywords' | 'value' | 'anchor' | 'head' | 'headMax'>;

export function prefix(id: string, provider: string, prefixes: string | readonly string[], body: string, options: Options<PrefixFamily> = {}): PrefixFamily {
  return { type: 'prefix', id, provider, prefixes: typeof prefixes === 'string' ? [prefixes] : prefixes, body, ...options };
}

export function infix(id: string, provider: string, head: string, headMax: number, anchor: string, body: string, options: Options<InfixFamily> = {}): InfixFamily {
  return { type: 'infix', id, provider, head, headMax, anchor, body, ...options };
}

export function keyword(id: string, provider: string, keywords: string | readonly string[], value: string, options: Options<KeywordFamily> = {}): KeywordFamily {
  return { type: 'keyword', id, provider, keywords: typeof keywords === 'string' ? [keywords] : keywords, value, ...options };
}

// Common bodies
export const HEX = '0-9a-f';
export const ALNUM = 'A-Za-z0-9';
export const UUID_SRC = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
