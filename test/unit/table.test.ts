import { describe, expect, it } from 'vitest';
import { renderTable, type TableColumn } from '../../src/cli/table.js';
import { columnsOf } from '../../src/cli/text-wrap.js';

const columns: TableColumn[] = [{ header: 'Ticket' }, { header: 'Customer', shrinkTo: 10 }, { header: 'Pylon', shrinkTo: 6 }, { header: 'Linear', shrinkTo: 10 }, { header: 'Action' }];
const rows = [
  ['#1044', 'Globex Corporation International', 'Urgent', 'SUP-4 Low', 'conflict: changed on both sides since they agreed on Medium: set the one you want on both'],
  ['#1042', 'Initech', 'Urgent', 'SUP-2 High', 'Linear → Urgent: changed in Pylon (was High)'],
];
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('renderTable', () => {
  it('keeps natural widths when everything fits', () => {
    const out = renderTable(columns, [['#1', 'Initech', 'Low', 'SUP-1 Low', 'in sync']], { width: 80, wrapLast: true });
    expect(out).toEqual(['Ticket  Customer  Pylon  Linear     Action', '#1      Initech   Low    SUP-1 Low  in sync']);
  });

  it.each([200, 120, 80])('wraps the free-text column under itself at %i columns, every word kept', (width) => {
    const out = renderTable(columns, rows, { width, wrapLast: true, minLastWidth: 24 });
    for (const line of out) expect(columnsOf(line)).toBeLessThanOrEqual(width);
    const action = out.join('\n');
    for (const w of words(rows[0]![4]!)) expect(action).toContain(w);
    // Continuation lines start where the Action column does.
    const start = out[0]!.indexOf('Action');
    for (const line of out.slice(1)) if (!line.startsWith('#')) expect(line.slice(0, start).trim()).toBe('');
  });

  it.each([60, 40])('stacks the free text under its row when the cells leave it no room (%i columns)', (width) => {
    const out = renderTable(columns, rows, { width, wrapLast: true, minLastWidth: 24 });
    for (const line of out) expect(columnsOf(line)).toBeLessThanOrEqual(width);
    expect(out[0]).not.toContain('Action');
    expect(out[1]).toMatch(/^#1044/);
    expect(out[2]).toMatch(/^ {4}conflict:/);
  });

  it('cuts the shrinkable columns with an ellipsis, the widest first, never below their minimum', () => {
    const out = renderTable(columns.slice(0, 4), rows.map((r) => r.slice(0, 4)), { width: 40 });
    for (const line of out) expect(columnsOf(line)).toBeLessThanOrEqual(40);
    expect(out[1]).toContain('…');
    expect(out[1]).toContain('SUP-4 Low');
  });

  it('never exceeds the width, even when nothing may shrink', () => {
    const out = renderTable([{ header: 'A' }, { header: 'B' }], [['x'.repeat(50), 'y'.repeat(50)]], { width: 60 });
    for (const line of out) expect(columnsOf(line)).toBeLessThanOrEqual(60);
  });
});
