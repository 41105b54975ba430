import { classifyKeyName } from '../keys/classify.js';
import type { PairSink } from './pairs.js';
import { isNestedAssignment } from './values.js';
import { isPartyKey, looksLikeFullName, PERSON_NAME_KEY } from './person-record.js';

/**
 * Key-named assignments in the syntaxes of config files and source code, read as one family:
 *
 *   env / shell / Dockerfile   KEY=v  export KEY="v"  ENV KEY v  ARG KEY=v  setenv KEY v  -Dkey=v
 *   INI / TOML / properties    key = v   key: v   db.password=v
 *   YAML                       key: v   key: 'v'   key: |⏎  v   (block scalars)
 *   JSON / JS / Ruby / Python  "key": "v"   key: 'v'   :key => 'v'   key='v' (kwargs)   \"key\": \"v\"
 *   Go / Kotlin / Swift / Rust var key string = "v"  key := "v"  val key: String = "v"  let key: &str = "v"
 *   PHP / C# / Java            $key = "v"  $key .= "v"  $key ??= "v"  string key = "v";
 *   Makefile                   KEY := v  KEY ::= v  KEY :::= v  KEY ?= v  KEY += v
 *   R / Ruby                   key <- "v"   key ||= "v"
 *   calls                      setProperty("KEY", "v")  define('KEY', 'v')  put("key", "v")  setenv("KEY", "v")
 *   indexers                   os.environ["KEY"] = "v"   ENV['KEY'] = 'v'   headers['X-Api-Key'] = 'v'
 *   HTTP headers, query strings, connection strings (`Password=v;`), XML attributes.
 *
 * Every key is reported; classify and judge decide. Each pattern starts only where a key can start and every
 * quantifier is bounded; the scan resumes after each value, so the text is read a bounded number of times.
 */

const ASSIGN = new RegExp(
  [
    '(?<![\\p{L}\\p{N}_.$@\\\\-])',
    '(-D|\\$[Ee][Nn][Vv]:|[$@:])?', // -Dkey=v, PowerShell $env:KEY, $php, @ruby, :symbol
    '(\\\\{0,2}["\'`])?', // quoted key, also escaped inside a JSON string
    '([\\p{L}_][\\p{L}\\p{N}_.-]{0,127})',
    '(?:\\\\{0,2}["\'`])?\\]?', // closing quote, and `]` of an indexer
    // a type between the name and `=`: `: String`, `: &str`, Go's ` string`
    '(?:[ \\t]{0,4}:[ \\t]{0,4}[A-Za-z_&][\\w.<>[\\]?*&]{0,40}(?=[ \\t]{0,4}=(?!=))|[ \\t]{1,4}(?:string|String|str|\\[\\]byte|char\\*?)(?=[ \\t]{0,4}=(?!=)))?',
    '[ \\t]{0,4}',
    '(:{1,3}=|\\?\\?=|\\|\\|=|[?+.]=|<-|=>|=(?![=~>])|:(?![:/]|\\\\(?!["\'])))',
    '[ \\t]{0,8}',
  ].join(''),
  'gu',
);

const CALL = /\(\s{0,4}(["'])([\p{L}_][\p{L}\p{N}_.\- ]{0,127})\1\s{0,4},\s{0,8}/gu;
const ENV_LINE = /^[ \t]*(?:ENV|setenv|SetEnv|set[ \t]{1,4}-[a-zA-Z]{1,4})[ \t]{1,8}([A-Za-z_][\w.-]{0,127})[ \t]{1,8}(?=[^\s=])/gm;

const MAX_VALUE = 4096;

function isValueStop(code: number): boolean {
  // whitespace, & (query strings), quotes, angle brackets
  return code <= 0x20 || code === 0x26 || code === 0x22 || code === 0x27 || code === 0x60 || code === 0x3c || code === 0x3e;
}

export interface ValueSpan {
  start: number;
  end: number;
  quoted: boolean;
}

/**
 * The value after an operator: quoted (to the matching quote on the line, `\"` inside JSON strings), a YAML
 * block scalar, the rest of the line for `key: v` / `KEY=v` lines of config files, else a bare run.
 */
export function readAssigned(text: string, pos: number, lineStart: boolean): ValueSpan | null {
  let q = text.charAt(pos);
  const limit = Math.min(text.length, pos + MAX_VALUE);
  if (q === '\\' && (text.charAt(pos + 1) === '"' || text.charAt(pos + 1) === "'")) {
    q = text.charAt(pos + 1);
    const window = text.slice(pos + 2, limit);
    const close = window.indexOf(`\\${q}`);
    if (close < 0 || window.slice(0, close).includes('\n')) return null;
    return close > 0 ? { start: pos + 2, end: pos + 2 + close, quoted: true } : null;
  }
  if (q === '"' || q === "'" || q === '`') {
    let i = pos + 1;
    while (i < limit) {
      const ch = text.charAt(i);
      if (ch === q || ch === '\n') break;
      i += ch === '\\' ? 2 : 1;
    }
    i = Math.min(i, limit);
    // An unclosed quote runs to the end of the line: better too much than half a secret.
    let end = i;
    if (text.charAt(i) !== q) while (end > pos + 1 && /\s/.test(text.charAt(end - 1))) end -= 1;
    return end > pos + 1 ? { start: pos + 1, end, quoted: true } : null;
  }
  // A template expression is one value, spaces and all: `${{ secrets.TOKEN }}`, `{{ .Values.pw }}`, `<%= ENV['X'] %>`.
  const template = /^(?:\$\{\{[^\n]{0,200}?\}\}|\{\{[^\n]{0,200}?\}\}|\$\{[^\n{}]{0,200}\}|<%=?[^\n]{0,200}?%>)/.exec(text.slice(pos, pos + 220));
  if (template) return { start: pos, end: pos + template[0].length, quoted: false };
  if ((q === '|' || q === '>') && /^[|>][-+]?\d?[ \t]*\r?(?:\n|$)/.test(text.slice(pos, pos + 8))) return blockScalar(text, pos);
  let i = pos;
  if (lineStart) {
    // A config line: the value runs to the end of the line (`password: correct horse battery`), without a
    // trailing comment — unless the line goes on with other assignments (a log line `a=1 password=x ip=…`).
    const nl = text.slice(pos, limit).indexOf('\n');
    const eol = nl < 0 ? limit : pos + nl;
    const rest = text.slice(pos, eol);
    if (!/[ \t&][\p{L}_][\p{L}\p{N}_.-]{0,64}[=:]/u.test(rest) && !/[,;{}()[\]]/.test(rest)) {
      let end = eol;
      const comment = rest.search(/[ \t]#/);
      if (comment >= 0) end = pos + comment;
      while (end > pos && /\s/.test(text.charAt(end - 1))) end -= 1;
      return end > pos ? { start: pos, end, quoted: false } : null;
    }
  }
  while (i < limit && !isValueStop(text.charCodeAt(i))) {
    // Connection strings chain assignments with `;` (`AccountKey=…;EndpointSuffix=…`).
    if (text.charCodeAt(i) === 0x3b && /^;[ \t]{0,2}[A-Za-z_][A-Za-z0-9_. -]{0,40}=/.test(text.slice(i, i + 48))) break;
    i += 1;
  }
  let end = i;
  // Trailing punctuation belongs to the sentence or the structure around the value, not to it — unless the
  // value opened that bracket itself.
  for (;;) {
    const last = text.charAt(end - 1);
    if (end <= pos || !/[,;.)\]}]/.test(last)) break;
    const opener = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : '';
    if (opener && text.slice(pos, end - 1).includes(opener)) break;
    end -= 1;
  }
  return end > pos ? { start: pos, end, quoted: false } : null;
}

/** `key: |` / `key: >-` followed by more-indented lines: the block is the value. */
function blockScalar(text: string, pos: number): ValueSpan | null {
  const lineStart = text.lastIndexOf('\n', pos) + 1;
  const keyIndent = /^[ \t]*/.exec(text.slice(lineStart, pos))?.[0].length ?? 0;
  let next = text.indexOf('\n', pos);
  if (next < 0) return null;
  let start = -1;
  let end = -1;
  const limit = Math.min(text.length, pos + 64 * 1024);
  while (next >= 0 && next < limit) {
    const from = next + 1;
    let eol = text.indexOf('\n', from);
    if (eol < 0) eol = text.length;
    const line = text.slice(from, eol);
    if (line.trim().length > 0) {
      const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
      if (indent <= keyIndent) break;
      if (start < 0) start = from + indent;
      end = eol;
      while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
    }
    next = eol < text.length ? eol : -1;
  }
  return start >= 0 && end > start ? { start, end, quoted: false } : null;
}

/** `user_name="Emma Schulz"`: a party key with a quoted full name (a bare value may be a login). */
function readPartyName(text: string, valueStart: number, key: string, sink: PairSink): void {
  const q = text.charAt(valueStart);
  if (q !== '"' && q !== "'") return;
  const span = readAssigned(text, valueStart, false);
  if (span && looksLikeFullName(text.slice(span.start, span.end))) sink(PERSON_NAME_KEY, span.start, span.end, 'assignment', key);
}

function atLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0 && index - i < 64; i -= 1) {
    const ch = text.charAt(i);
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '-') return false;
  }
  return index < 64 && /^[ \t-]*$/.test(text.slice(0, index));
}

export function readAssignments(text: string, sink: PairSink): void {
  ASSIGN.lastIndex = 0;
  for (let m = ASSIGN.exec(text); m !== null; m = ASSIGN.exec(text)) {
    const key = m[3] ?? '';
    if (!classifyKeyName(key)) {
      if (isPartyKey(key)) readPartyName(text, m.index + m[0].length, key, sink);
      continue;
    }
    // `scheme://user:password@host` is not `user: value`; url-credentials.ts reads it.
    if (m[4] === ':' && text.charAt(m.index - 1) === '/' && text.slice(Math.max(0, m.index - 3), m.index) === '://') continue;
    const valueStart = m.index + m[0].length;
    // `"headers": [` / `secrets: {`: a structure follows, which json.ts reads.
    if (text.charAt(valueStart) === '{' || text.charAt(valueStart) === '[') continue;
    // `key: GITHUB_TOKEN=ghp_…`: the value is itself an assignment; the scan reads that one next.
    if (/^[A-Za-z_][A-Za-z0-9_.-]{0,127}=[^=\s;,&]/.test(text.slice(valueStart, valueStart + 130)) && isNestedAssignment(text.slice(valueStart, valueStart + 130))) continue;
    const op = m[4] ?? '';
    const lineStart = (op === ':' || op === '=') && !m[2] && atLineStart(text, m.index);
    const span = readAssigned(text, valueStart, lineStart);
    if (!span) continue;
    // A value is never searched again for keys: keeps `password=password=…` linear. A quoted connection
    // string (`connectionString="Server=…;Password=…;"`) is the exception: its own pairs are read next, once.
    const connection = span.quoted && /[;&][ \t]{0,2}[A-Za-z_][\w .-]{0,40}=/.test(text.slice(span.start, span.end));
    ASSIGN.lastIndex = Math.max(ASSIGN.lastIndex, connection ? span.start : span.end);
    sink(key, span.start, span.end, 'assignment', undefined, !span.quoted);
  }
  if (text.includes('(')) {
    CALL.lastIndex = 0;
    for (let m = CALL.exec(text); m !== null; m = CALL.exec(text)) {
      const key = m[2] ?? '';
      if (!classifyKeyName(key)) continue;
      const span = readAssigned(text, m.index + m[0].length, false);
      if (!span) continue;
      CALL.lastIndex = Math.max(CALL.lastIndex, span.end);
      sink(key, span.start, span.end, 'call', undefined, !span.quoted);
    }
  }
  ENV_LINE.lastIndex = 0;
  for (let m = ENV_LINE.exec(text); m !== null; m = ENV_LINE.exec(text)) {
    const key = m[1] ?? '';
    if (!classifyKeyName(key)) continue;
    const span = readAssigned(text, m.index + m[0].length, true);
    if (span) sink(key, span.start, span.end, 'assignment');
  }
}
