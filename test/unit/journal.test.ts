import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileJournal } from '../../src/filing/file-journal.js';
import { withFilingLock } from '../../src/filing/lock.js';
import { newRecord, type FilingRecord } from '../../src/filing/record.js';
import type { FilingPlan } from '../../src/core/filing-plan.js';

const ID = '3f0c2a64-5b1e-4c1d-9a7e-0d2f4b6c8e10';
const now = () => new Date('2026-11-26T12:00:00Z');

function record(id = ID): FilingRecord {
  const plan = { id, createdAt: '2026-11-26T12:00:00.000Z', linear: { title: 'T' } } as unknown as FilingPlan;
  return newRecord(plan, '2026-11-26T12:00:00.000Z');
}

async function journal(): Promise<FileJournal> {
  return new FileJournal(join(await mkdtemp(join(tmpdir(), 'triage-journal-')), 'filings'));
}

describe('the filing journal', () => {
  it('saves atomically: only whole files, readable by the user only', async () => {
    const j = await journal();
    await Promise.all(Array.from({ length: 20 }, (_, i) => j.save({ ...record(), updatedAt: `t${i}` })));
    expect(await readdir(j.dir)).toEqual([`${ID}.json`]);
    expect(JSON.parse(await readFile(j.pathFor(ID), 'utf8')).id).toBe(ID);
    const { stat } = await import('node:fs/promises');
    expect((await stat(j.pathFor(ID))).mode & 0o777).toBe(0o600);
  });

  it('finds a filing by an unambiguous prefix, and lists all', async () => {
    const j = await journal();
    const other = '3f0d0000-0000-4000-8000-000000000000';
    await j.save(record());
    await j.save(record(other));
    expect((await j.find('3f0c')).map((r) => r.id)).toEqual([ID]);
    expect(await j.find('3f0')).toHaveLength(2);
    expect((await j.list()).map((r) => r.id).sort()).toEqual([ID, other].sort());
  });

  it('skips a damaged file when listing', async () => {
    const j = await journal();
    await j.save(record());
    await writeFile(join(j.dir, 'deadbeef-0000-4000-8000-000000000000.json'), '{ half');
    expect((await j.list()).map((r) => r.id)).toEqual([ID]);
  });

  it('refuses ids that are not filing ids (no path tricks)', async () => {
    const j = await journal();
    expect(() => j.pathFor('../../etc/passwd')).toThrow(/not a filing id/);
  });
});

describe('the filing lock', () => {
  const alive = { pid: 1, isAlive: () => true };

  it('keeps a second process out while the first works', async () => {
    const j = await journal();
    await j.save(record());
    const path = j.lockPathFor(ID);
    await withFilingLock(path, alive, now, async () => {
      await expect(withFilingLock(path, { pid: 2, isAlive: () => true }, now, async () => 'second')).rejects.toThrow(/Another triage process/);
    });
    expect(await withFilingLock(path, alive, now, async () => 'after')).toBe('after');
  });

  it('takes over a lock whose process is gone', async () => {
    const j = await journal();
    await j.save(record());
    const path = j.lockPathFor(ID);
    const { hostname } = await import('node:os');
    await writeFile(path, JSON.stringify({ pid: 999999, host: hostname(), at: now().toISOString() }));
    expect(await withFilingLock(path, { pid: 3, isAlive: (pid) => pid !== 999999 }, now, async () => 'taken')).toBe('taken');
  });

  it('takes over a lock older than ten minutes', async () => {
    const j = await journal();
    await j.save(record());
    const path = j.lockPathFor(ID);
    await writeFile(path, JSON.stringify({ pid: 4, host: 'elsewhere', at: '2026-11-26T11:00:00Z' }));
    expect(await withFilingLock(path, alive, now, async () => 'taken')).toBe('taken');
  });
});
