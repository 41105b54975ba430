/**
 * Tables for the terminal that always fit its width. Columns keep their natural width when there is room;
 * otherwise the columns that may shrink (a customer name, a title) are cut with an ellipsis down to their
 * minimum, and a last column of free text (a reason) wraps under itself. When even that leaves the last column
 * too narrow to read, each row is stacked: its short cells on one line, the free text indented below. Full
 * values are always in `--json`.
 */
import { columnsOf, padColumns, wrapWords } from './text-wrap.js';

export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
  /** The narrowest this column may be cut to; without it the column keeps its natural width. */
  shrinkTo?: number;
  /** How much this column is worth keeping (default 1): a title of weight 2 gives way after columns half as wide. */
  weight?: number;
}

export interface TableOptions {
  width: number;
  /** The last column is free text that wraps rather than being cut. */
  wrapLast?: boolean;
  /** Below this, a wrapping last column is stacked under its row instead. */
  minLastWidth?: number;
  gap?: number;
}

function naturalWidths(columns: TableColumn[], rows: string[][]): number[] {
  return columns.map((col, i) => Math.max(columnsOf(col.header), ...rows.map((r) => columnsOf(r[i] ?? ''))));
}

/**
 * Takes a column at a time from the shrinkable one widest for its weight, until `excess` is gone or none can
 * give: long cells give first, and a weighty one (a title) gives after the others.
 */
function shrink(widths: number[], columns: TableColumn[], excess: number, skip: number): number {
  let left = excess;
  while (left > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i += 1) {
      if (i === skip) continue;
      const min = columns[i]!.shrinkTo;
      if (min === undefined || widths[i]! <= min) continue;
      if (widest < 0 || widths[i]! / (columns[i]!.weight ?? 1) > widths[widest]! / (columns[widest]!.weight ?? 1)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]! -= 1;
    left -= 1;
  }
  return left;
}

export function renderTable(columns: TableColumn[], rows: string[][], options: TableOptions): string[] {
  const gap = ' '.repeat(options.gap ?? 2);
  const last = columns.length - 1;
  const widths = naturalWidths(columns, rows);
  const total = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + gap.length * (ws.length - 1);
  const minLast = Math.max(columnsOf(columns[last]!.header), options.minLastWidth ?? 24);

  if (options.wrapLast) {
    const before = widths.slice(0, last);
    const room = () => options.width - total(before) - gap.length;
    const need = Math.min(widths[last]!, minLast);
    if (room() < need) shrink(before, columns.slice(0, last), need - room(), -1);
    if (room() >= need) return tableLines(columns, rows, [...before, Math.min(widths[last]!, room())], gap, true);
    // No room for the free text beside the cells: stack it under each row.
    const cells = columns.slice(0, last);
    const lead = '    ';
    const out: string[] = [];
    const head = tableLines(cells, rows.map((r) => r.slice(0, last)), fitted(cells, rows, options.width, gap), gap, false);
    out.push(head[0]!);
    rows.forEach((row, i) => {
      out.push(head[i + 1]!);
      out.push(...wrapWords(row[last] ?? '', options.width, lead, lead));
    });
    return out;
  }
  return tableLines(columns, rows, fitted(columns, rows, options.width, gap), gap, false);
}

function fitted(columns: TableColumn[], rows: string[][], width: number, gap: string): number[] {
  const widths = naturalWidths(columns, rows);
  const excess = widths.reduce((a, b) => a + b, 0) + gap.length * (widths.length - 1) - width;
  if (excess > 0) {
    const left = shrink(widths, columns, excess, -1);
    // Nothing more may shrink: the widest column gives the rest, so a line never exceeds the width.
    if (left > 0) {
      const widest = widths.indexOf(Math.max(...widths));
      widths[widest] = Math.max(1, widths[widest]! - left);
    }
  }
  return widths;
}

function tableLines(columns: TableColumn[], rows: string[][], widths: number[], gap: string, wrapLast: boolean): string[] {
  const last = columns.length - 1;
  const indent = ' '.repeat(widths.slice(0, last).reduce((a, b) => a + b, 0) + gap.length * last);
  const line = (cells: string[]) => {
    if (!wrapLast) return [cells.map((c, i) => padColumns(c, widths[i]!, columns[i]!.align)).join(gap).trimEnd()];
    const lead = cells.slice(0, last).map((c, i) => padColumns(c, widths[i]!, columns[i]!.align)).join(gap);
    const [first, ...more] = wrapWords(cells[last] ?? '', widths[last]!);
    return [`${lead}${gap}${first ?? ''}`.trimEnd(), ...more.map((m) => indent + m)];
  };
  return [...line(columns.map((c) => c.header)), ...rows.flatMap(line)];
}
