import { NAME_MEMBERS, VALUE_MEMBERS } from '../keys/words.js';
import { classifyKeyName } from '../keys/classify.js';
import type { PairSink } from './pairs.js';
import { namesPerson, PERSON_NAME_KEY } from './person-record.js';

/**
 * A tolerant reader of JSON-like objects wherever they sit in a text: whole JSON documents, JSON lines, JSON
 * embedded in log lines, HAR files, Python dicts and Ruby hashes (single quotes, `=>`, bare keys), JSON escaped
 * inside a JSON string. It never fails: where the text stops being JSON the reader stops, reports what it
 * read so far and the scan resumes after that point, so every character is read a bounded number of times.
 *
 * Plain `"key": "value"` members are also read by the assignment scanner; this reader adds what needs the
 * structure: name/value records (HAR `{"name": "cookie", "value": …}`, k8s env, AWS parameters), values in
 * arrays under a key (`"phones": [...]`), values inside a credential container (`"credentials": {...}`,
 * `"cookies": [...]`), and objects escaped inside strings.
 */

const MAX_DEPTH = 48;
const MAX_SCALAR = 8192;
const MAX_ESCAPED_DEPTH = 2;

interface Scalar {
  start: number; // content start (inside quotes)
  end: number;
  quoted: boolean;
}

interface Member {
  key: string;
  scalar?: Scalar;
}

/** Metadata members of a credential container that are not secret themselves. */
const CONTAINER_METADATA = /^(?:type|kind|name|id|expires|expiry|expiration|created|updated|scope|scopes|region|user|username|email|url|uri|endpoint|host|port|version|path|domain|httponly|secure|samesite|comment|provider|issuer|audience|algorithm|alg)/i;

class Reader {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly sink: PairSink,
    /** Maps an offset of `text` to an offset of the original text (identity at the top level). */
    private readonly origin: ((i: number) => number) | null,
    private readonly escapedDepth: number,
  ) {}

  private at(i: number): number {
    return this.origin ? this.origin(i) : i;
  }

  private emit(key: string, s: Scalar, syntax: string, via?: string): void {
    this.sink(key, this.at(s.start), this.at(s.end), syntax, via, !s.quoted);
  }

  private ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos += 1;
      else break;
    }
  }

  /** A quoted string at pos (", ' or an escaped \"); null when it is not closed on its line. */
  private string(): Scalar | null {
    const t = this.text;
    let q = t.charAt(this.pos);
    let escaped = false;
    if (q === '\\' && (t.charAt(this.pos + 1) === '"' || t.charAt(this.pos + 1) === "'")) {
      escaped = true;
      q = t.charAt(this.pos + 1);
      this.pos += 2;
    } else {
      this.pos += 1;
    }
    const start = this.pos;
    while (this.pos < t.length) {
      const ch = t.charAt(this.pos);
      if (ch === '\n') return null;
      if (escaped) {
        if (ch === '\\' && t.charAt(this.pos + 1) === q) {
          const end = this.pos;
          this.pos += 2;
          return { start, end, quoted: true };
        }
        if (ch === '\\') this.pos += 2;
        else this.pos += 1;
        continue;
      }
      if (ch === '\\') {
        this.pos += 2;
        continue;
      }
      if (ch === q) {
        const end = this.pos;
        this.pos += 1;
        return { start, end, quoted: true };
      }
      this.pos += 1;
    }
    return null;
  }

  private bare(): Scalar | null {
    const t = this.text;
    const start = this.pos;
    const limit = Math.min(t.length, start + MAX_SCALAR);
    while (this.pos < limit) {
      const ch = t.charAt(this.pos);
      if (ch === ',' || ch === '}' || ch === ']' || ch === '\n' || ch === '\r') break;
      this.pos += 1;
    }
    let end = this.pos;
    while (end > start && /\s/.test(t.charAt(end - 1))) end -= 1;
    return end > start ? { start, end, quoted: false } : null;
  }

  private isStringStart(): boolean {
    const ch = this.text.charAt(this.pos);
    return ch === '"' || ch === "'" || (ch === '\\' && /["']/.test(this.text.charAt(this.pos + 1)));
  }

  /** Reads one value; returns the scalar when it is one. Throws nothing; returns undefined on a dead end. */
  value(key: string | undefined, container: string | undefined, depth: number): Scalar | null | undefined {
    this.ws();
    const ch = this.text.charAt(this.pos);
    if (ch === '{') return this.object(key, depth) ? null : undefined;
    if (ch === '[') return this.array(key, container, depth) ? null : undefined;
    if (this.isStringStart()) {
      const s = this.string();
      if (!s) return undefined;
      this.nested(s);
      return s;
    }
    return this.bare() ?? undefined;
  }

  /** A string whose content is JSON (`"body": "{\"password\": …}"`): read it too, mapping offsets back. */
  private nested(s: Scalar): void {
    if (this.escapedDepth >= MAX_ESCAPED_DEPTH || s.end - s.start < 8) return;
    const first = this.text.charAt(s.start);
    if (first !== '{' && first !== '[') return;
    if (!this.text.slice(s.start, s.start + 400).includes('\\"')) return;
    const { decoded, origin } = decodeJsonString(this.text, s.start, s.end);
    const outer = (i: number): number => this.at(origin[Math.min(i, origin.length - 1)] ?? s.end);
    readJsonLike(decoded, this.sink, outer, this.escapedDepth + 1);
  }

  private key(): string | null {
    if (this.isStringStart()) {
      const s = this.string();
      return s ? this.text.slice(s.start, s.end) : null;
    }
    const m = /^[$@:]?[\p{L}_][\p{L}\p{N}_.$-]{0,127}/u.exec(this.text.slice(this.pos, this.pos + 130));
    if (!m) return null;
    this.pos += m[0].length;
    return m[0].replace(/^[$@:]/, '');
  }

  private separator(): boolean {
    this.ws();
    const t = this.text;
    if (t.charAt(this.pos) === ':' || t.charAt(this.pos) === '=') {
      this.pos += t.startsWith('=>', this.pos) ? 2 : 1;
      return true;
    }
    return false;
  }

  object(parentKey: string | undefined, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    this.pos += 1; // {
    const members: Member[] = [];
    const container = parentKey !== undefined && classifyKeyName(parentKey) ? parentKey : undefined;
    let ok = false;
    for (;;) {
      this.ws();
      const ch = this.text.charAt(this.pos);
      if (ch === ',') {
        this.pos += 1;
        continue;
      }
      if (ch === '}') {
        this.pos += 1;
        ok = true;
        break;
      }
      if (this.pos >= this.text.length) break;
      const key = this.key();
      if (key === null || !this.separator()) break;
      const scalar = this.value(key, container, depth + 1);
      if (scalar === undefined) break;
      members.push({ key, scalar: scalar ?? undefined });
      // Inside an escaped string the assignment scanner may not see `"key": "value"`: report every member.
      if (scalar && this.escapedDepth > 0) this.emit(key, scalar, 'escaped json');
    }
    this.record(members, container);
    return ok;
  }

  /** Name/value records and credential containers: what a flat scan of `"key": "value"` cannot see. */
  private record(members: readonly Member[], container: string | undefined): void {
    const keys = members.map((m) => m.key);
    for (const m of members) {
      if (m.scalar && m.scalar.quoted && namesPerson(m.key, this.text.slice(m.scalar.start, m.scalar.end), keys)) {
        this.emit(PERSON_NAME_KEY, m.scalar, 'record', m.key);
      }
    }
    let name: string | undefined;
    for (const m of members) {
      if (m.scalar && NAME_MEMBERS.has(m.key.toLowerCase().replace(/[^a-z]/g, ''))) {
        name = this.text.slice(m.scalar.start, m.scalar.end);
        break;
      }
    }
    for (const m of members) {
      if (!m.scalar) continue;
      const member = m.key.toLowerCase().replace(/[^a-z]/g, '');
      if (VALUE_MEMBERS.has(member)) {
        if (name !== undefined && name.length <= 128) this.emit(name, m.scalar, 'record', name);
        if (container !== undefined) this.emit(container, m.scalar, 'container', container);
      } else if (container !== undefined && !classifyKeyName(m.key) && !CONTAINER_METADATA.test(m.key) && name === undefined) {
        const cls = classifyKeyName(container)?.cls;
        if (cls === 'password' || cls === 'secret') this.emit(container, m.scalar, 'container', container);
      }
    }
  }

  array(key: string | undefined, container: string | undefined, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    this.pos += 1; // [
    const inherit = key ?? container;
    for (;;) {
      this.ws();
      const ch = this.text.charAt(this.pos);
      if (ch === ',') {
        this.pos += 1;
        continue;
      }
      if (ch === ']') {
        this.pos += 1;
        return true;
      }
      if (this.pos >= this.text.length) return false;
      const scalar = this.value(inherit, container, depth + 1);
      if (scalar === undefined) return false;
      if (scalar && inherit !== undefined) this.emit(inherit, scalar, 'array', inherit);
    }
  }
}

/** Reads every JSON-like object of `text`, reporting pairs to `sink` in offsets of the original text. */
export function readJsonLike(text: string, sink: PairSink, origin: ((i: number) => number) | null = null, escapedDepth = 0): void {
  let from = 0;
  for (let open = text.indexOf('{', from); open >= 0; open = text.indexOf('{', from)) {
    const reader = new Reader(text, sink, origin, escapedDepth);
    reader.pos = open;
    reader.object(undefined, 0);
    from = Math.max(open + 1, reader.pos);
  }
}

/** Decodes JSON string escapes, keeping for each decoded character the offset it came from. */
export function decodeJsonString(text: string, start: number, end: number): { decoded: string; origin: number[] } {
  const out: string[] = [];
  const origin: number[] = [];
  let i = start;
  while (i < end) {
    const ch = text.charAt(i);
    if (ch === '\\' && i + 1 < end) {
      const next = text.charAt(i + 1);
      const simple: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
        origin.push(i);
        i += 6;
        continue;
      }
      const mapped = simple[next];
      if (mapped !== undefined) {
        out.push(mapped);
        origin.push(i);
        i += 2;
        continue;
      }
    }
    out.push(ch);
    origin.push(i);
    i += 1;
  }
  origin.push(end);
  return { decoded: out.join(''), origin };
}
