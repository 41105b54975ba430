import { mkdir, readdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Journal } from './journal.js';
import type { FilingRecord } from './record.js';

/**
 * One JSON file per filing under `<state dir>/filings/`. Each save writes a temporary file and renames it
 * over the old one, so a crash mid-write leaves the previous version whole, and two processes filing at
 * once never touch the same file. Readable by the user only: it holds redacted ticket text.
 */
export class FileJournal implements Journal {
  constructor(readonly dir: string) {}

  async save(record: FilingRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const target = this.pathFor(record.id);
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    try {
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
  }

  async load(id: string): Promise<FilingRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.pathFor(id), 'utf8')) as FilingRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(): Promise<FilingRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const records: FilingRecord[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        records.push(JSON.parse(await readFile(join(this.dir, name), 'utf8')) as FilingRecord);
      } catch {
        // A file another process is replacing right now, or damaged by hand: skip it rather than fail the listing.
      }
    }
    return records.sort((a, b) => a.plan.createdAt.localeCompare(b.plan.createdAt));
  }

  async remove(id: string): Promise<void> {
    await unlink(this.pathFor(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  lockPathFor(id: string): string {
    return `${this.pathFor(id)}.lock`;
  }

  /** Finds a filing by its id or an unambiguous prefix of it (as git does with hashes). */
  async find(idOrPrefix: string): Promise<FilingRecord[]> {
    const exact = /^[0-9a-f-]{36}$/i.test(idOrPrefix) ? await this.load(idOrPrefix) : undefined;
    if (exact) return [exact];
    const prefix = idOrPrefix.toLowerCase();
    return (await this.list()).filter((r) => r.id.toLowerCase().startsWith(prefix));
  }

  pathFor(id: string): string {
    if (!/^[0-9a-f-]{8,36}$/i.test(id)) throw new Error(`"${id}" is not a filing id`);
    return join(this.dir, `${id}.json`);
  }
}
