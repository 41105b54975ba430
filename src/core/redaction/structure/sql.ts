import { classifyKeyName } from '../keys/classify.js';
import type { PairSink } from './pairs.js';
import { namesPerson, PERSON_NAME_KEY } from './person-record.js';

/**
 * SQL that carries values next to their column names: `INSERT INTO t (a, b) VALUES (…), (…)`, and the error
 * messages databases write when a value breaks a constraint — PostgreSQL `Key (email, phone)=(…, …) already
 * exists`, MySQL `Duplicate entry '…' for key 'users.phone'`, SQL Server `… with unique index 'IX_Users_Phone'.
 * The duplicate key value is (…)`. `UPDATE … SET col = '…'` and `WHERE col = '…'` are plain assignments.
 */

const INSERT = /INSERT[ \t]+(?:IGNORE[ \t]+)?INTO[ \t]+[\w."`[\]]{1,128}[ \t]*\(([^()]{1,4000})\)[ \t\r\n]{0,20}VALUES[ \t\r\n]{0,20}/gi;
const PG_KEY = /Key \(([^()]{1,1000})\)=\(/g;
const MYSQL_DUPLICATE = /Duplicate entry '((?:[^'\\\n]|\\.){0,1000})' for key '([^'\n]{1,200})'/g;
const MSSQL_DUPLICATE = /unique index '([^'\n]{1,200})'\.[ \t]{0,4}The duplicate key value is \(/gi;

interface Cell {
  start: number;
  end: number;
}

/** A parenthesised, comma-separated list of SQL literals at `pos` (just after `(`); null when malformed. */
function tuple(text: string, pos: number): { cells: Cell[]; end: number; failedAt?: number } | null {
  const cells: Cell[] = [];
  let i = pos;
  const limit = Math.min(text.length, pos + 64 * 1024);
  for (;;) {
    while (i < limit && /[ \t\r\n]/.test(text.charAt(i))) i += 1;
    if (i >= limit) return { cells: [], end: i, failedAt: i };
    const ch = text.charAt(i);
    if (ch === "'") {
      const start = i + 1;
      i += 1;
      while (i < limit) {
        if (text.charAt(i) === "'" && text.charAt(i + 1) === "'") i += 2;
        else if (text.charAt(i) === '\\') i += 2;
        else if (text.charAt(i) === "'") break;
        else i += 1;
      }
      if (i >= limit) return { cells: [], end: i, failedAt: i };
      cells.push({ start, end: i });
      i += 1;
    } else {
      const start = i;
      let depth = 0;
      while (i < limit && (depth > 0 || !/[,)]/.test(text.charAt(i)))) {
        if (text.charAt(i) === '(') depth += 1;
        else if (text.charAt(i) === ')') depth -= 1;
        i += 1;
      }
      let end = i;
      while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
      cells.push({ start, end });
    }
    while (i < limit && /[ \t\r\n]/.test(text.charAt(i))) i += 1;
    if (text.charAt(i) === ',') {
      i += 1;
      continue;
    }
    if (text.charAt(i) === ')') return { cells, end: i + 1 };
    return { cells: [], end: i, failedAt: i };
  }
}

function columns(list: string): string[] {
  return list.split(',').map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ''));
}

function emitRow(text: string, names: readonly string[], cells: readonly Cell[], sink: PairSink, syntax: string): void {
  for (let k = 0; k < names.length && k < cells.length; k += 1) {
    const name = names[k] ?? '';
    const cell = cells[k];
    if (cell && classifyKeyName(name)) sink(name, cell.start, cell.end, syntax, name);
    else if (cell && namesPerson(name, text.slice(cell.start, cell.end), names)) sink(PERSON_NAME_KEY, cell.start, cell.end, syntax, name);
  }
}

export function readSql(text: string, sink: PairSink): void {
  if (/INSERT/i.test(text)) {
    INSERT.lastIndex = 0;
    for (let m = INSERT.exec(text); m !== null; m = INSERT.exec(text)) {
      const names = columns(m[1] ?? '');
      let pos = m.index + m[0].length;
      for (let rows = 0; rows < 100_000 && text.charAt(pos) === '('; rows += 1) {
        const row = tuple(text, pos + 1);
        if (!row || row.failedAt !== undefined) {
          // Never read the same text twice: the scan goes on where this tuple stopped making sense.
          pos = Math.max(pos, row?.failedAt ?? pos);
          break;
        }
        emitRow(text, names, row.cells, sink, 'sql');
        pos = row.end;
        while (pos < text.length && /[ \t\r\n,]/.test(text.charAt(pos))) pos += 1;
      }
      INSERT.lastIndex = Math.max(INSERT.lastIndex, pos);
    }
  }
  if (text.includes('Key (')) {
    PG_KEY.lastIndex = 0;
    for (let m = PG_KEY.exec(text); m !== null; m = PG_KEY.exec(text)) {
      const row = tuple(text, m.index + m[0].length);
      if (row && row.failedAt === undefined) emitRow(text, columns(m[1] ?? ''), row.cells, sink, 'database error');
      if (row) PG_KEY.lastIndex = Math.max(PG_KEY.lastIndex, row.end);
    }
  }
  if (text.includes('Duplicate entry')) {
    MYSQL_DUPLICATE.lastIndex = 0;
    for (let m = MYSQL_DUPLICATE.exec(text); m !== null; m = MYSQL_DUPLICATE.exec(text)) {
      const start = m.index + 'Duplicate entry \''.length;
      const index = m[2] ?? '';
      sink(index, start, start + (m[1] ?? '').length, 'database error', index);
    }
  }
  if (/duplicate key value/i.test(text)) {
    MSSQL_DUPLICATE.lastIndex = 0;
    for (let m = MSSQL_DUPLICATE.exec(text); m !== null; m = MSSQL_DUPLICATE.exec(text)) {
      const row = tuple(text, m.index + m[0].length);
      const index = (m[1] ?? '').replace(/^(?:IX|UX|UQ|AK|PK)_[A-Za-z0-9]+_/i, '');
      if (row && row.failedAt === undefined) for (const cell of row.cells) sink(index, cell.start, cell.end, 'database error', index);
      if (row) MSSQL_DUPLICATE.lastIndex = Math.max(MSSQL_DUPLICATE.lastIndex, row.end);
    }
  }
}
