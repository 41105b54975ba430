import { classifyKeyName } from '../keys/classify.js';
import type { PairSink } from './pairs.js';
import { readAssigned } from './assign.js';
import { namesPerson, PERSON_NAME_KEY } from './person-record.js';

/**
 * Line-shaped structures:
 * - tables with a header row — CSV, TSV, Markdown, psql/mysql output — where a column named for a sensitive
 *   field makes every cell below it a value of that field (`| name | mobile | dob |` then rows);
 * - two-column key/value rows (`| Phone | 0151 … |`, psql `\x` output `phone | …`, `Password<TAB>…`);
 * - YAML / TOML name/value records spread over lines (`- name: DB_PASSWORD` ⏎ `  value: …`, k8s env).
 */

interface Cell {
  start: number;
  end: number;
}

const HEADER_CELL = /^[\p{L}_][\p{L}\p{N}_ .()#/'-]{0,48}$/u;
/** A form label at the start of a line, words and all: `Date of birth: …`, `**Mot de passe** : …`, `- Phone number: …`. */
const LABEL = /^[ \t]*(?:[-*•>#][ \t]{1,4})?(?:\*\*|__)?([\p{L}][\p{L}\p{N}_.'’()/-]{0,30}(?:[ \t][\p{L}(][\p{L}\p{N}_.'’()/-]{0,30}){0,4})(?:\*\*|__)?[ \t]{0,4}[:：](?![=:])(?:\*\*|__)?[ \t]{0,8}(?=\S)/u;
const SEPARATOR_LINE = /^[\s|:+=-]+$/;
const RECORD_NAME = /^[ \t]*(?:-[ \t]+)?(name|key|Name|Key|NAME|KEY|parameterKey|ParameterKey|OptionName)[ \t]*[:=][ \t]*["']?([^"'\n#]{1,128}?)["']?[ \t]*\r?$/;
const RECORD_VALUE = /^[ \t]*(?:-[ \t]+)?(value|Value|VALUE|parameterValue|ParameterValue)[ \t]*[:=][ \t]*/;

function delimiterOf(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.includes('|') && (trimmed.startsWith('|') || trimmed.split('|').length >= 3 || / \| /.test(trimmed))) return '|';
  if (line.includes('\t')) return '\t';
  if (line.includes(',')) return ',';
  if (line.includes(';')) return ';';
  return null;
}

/** Cell spans of one line; double-quoted CSV cells keep their commas. Markdown's outer pipes are dropped. */
function cells(text: string, from: number, to: number, delimiter: string): Cell[] {
  const out: Cell[] = [];
  let i = from;
  let start = from;
  let quoted = false;
  while (i <= to) {
    const ch = i < to ? text.charAt(i) : delimiter;
    if (ch === '"' && delimiter !== '|') quoted = !quoted;
    if (!quoted && (ch === delimiter || i === to)) {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text.charAt(s))) s += 1;
      while (e > s && /\s/.test(text.charAt(e - 1))) e -= 1;
      if (e - s >= 2 && text.charAt(s) === '"' && text.charAt(e - 1) === '"') {
        s += 1;
        e -= 1;
      }
      out.push({ start: s, end: e });
      start = i + 1;
    }
    i += 1;
  }
  if (delimiter === '|') {
    if (out[0] && out[0].end === out[0].start) out.shift();
    const last = out[out.length - 1];
    if (last && last.end === last.start) out.pop();
  }
  return out;
}

/** A Markdown or psql header: the next line is `|---|---|` / `----+----`, so this row names columns. */
function headerRow(text: string, eol: number): boolean {
  if (eol >= text.length) return false;
  let next = text.indexOf('\n', eol + 1);
  if (next < 0) next = text.length;
  const line = text.slice(eol + 1, Math.min(next, eol + 1 + 400));
  return line.trim().length > 0 && /-/.test(line) && SEPARATOR_LINE.test(line);
}

export function readLines(text: string, sink: PairSink): void {
  let header: { names: string[]; delimiter: string; sensitive: boolean } | null = null;
  let recordName: { key: string; line: number } | null = null;
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let lineEnd = eol;
    if (text.charAt(lineEnd - 1) === '\r') lineEnd -= 1;
    const line = text.slice(pos, lineEnd);
    lineNo += 1;

    // YAML / TOML name/value records
    if (line.length < 400) {
      const name = RECORD_NAME.exec(line);
      if (name) recordName = { key: (name[2] ?? '').trim(), line: lineNo };
      else if (recordName && lineNo - recordName.line <= 4) {
        const value = RECORD_VALUE.exec(line);
        if (value) {
          const span = readAssigned(text, pos + value[0].length, true);
          if (span && classifyKeyName(recordName.key)) sink(recordName.key, span.start, span.end, 'record', recordName.key);
          recordName = null;
        }
      }
    }

    if (line.length < 400) {
      const label = LABEL.exec(line);
      // `let apiKey: String = …` is a typed declaration, which the assignment scanner reads.
      const typed = label ? /^[A-Za-z_&][\w.<>[\]?*&]{0,40}[ \t]{0,4}=/.test(line.slice(label[0].length)) : false;
      if (label && !typed && classifyKeyName(label[1] ?? '')) {
        const span = readAssigned(text, pos + label[0].length, true);
        if (span) sink(label[1] ?? '', span.start, span.end, 'label');
      }
    }

    const delimiter = line.length < 20_000 ? delimiterOf(line) : null;
    if (line.trim().length > 0 && SEPARATOR_LINE.test(line)) {
      // `|---|---|`, `----+----`: the table goes on below its header.
    } else if (!delimiter) {
      header = null;
    } else {
      const row = cells(text, pos, lineEnd, delimiter);
      if (header && header.delimiter === delimiter && Math.abs(row.length - header.names.length) <= 1) {
        if (header.sensitive) {
          for (let k = 0; k < header.names.length && k < row.length; k += 1) {
            const name = header.names[k] ?? '';
            const cell = row[k];
            if (cell && cell.end > cell.start && classifyKeyName(name)) sink(name, cell.start, cell.end, 'table', name);
            else if (cell && cell.end > cell.start && namesPerson(name, text.slice(cell.start, cell.end), header.names)) sink(PERSON_NAME_KEY, cell.start, cell.end, 'table', name);
          }
        }
      } else {
        header = null;
        const names = row.map((c) => text.slice(c.start, c.end));
        if (names.length >= 2 && names.every((n) => n.length === 0 || HEADER_CELL.test(n))) {
          const sensitive = names.some((n) => {
            const v = classifyKeyName(n);
            return v !== null && v.cls !== 'weak_secret' && v.cls !== 'email';
          });
          header = { names, delimiter, sensitive };
        }
      }
      // A two-column key/value row: `| Phone | … |`, `password<TAB>…`.
      if (row.length === 2 && delimiter !== ',' && delimiter !== ';' && !headerRow(text, eol)) {
        const [k, v] = row;
        const key = k ? text.slice(k.start, k.end) : '';
        if (k && v && HEADER_CELL.test(key) && classifyKeyName(key)) sink(key, v.start, v.end, 'table', key);
      }
    }
    pos = eol + 1;
  }
}
