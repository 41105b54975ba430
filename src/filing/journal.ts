import type { FilingRecord } from './record.js';

/** Where filings are recorded as they progress. The file journal lives in the state directory. */
export interface Journal {
  save(record: FilingRecord): Promise<void>;
}

/** For `--dry-run`-free tests that do not care about persistence. */
export class MemoryJournal implements Journal {
  readonly saved: FilingRecord[] = [];
  async save(record: FilingRecord): Promise<void> {
    this.saved.push(structuredClone(record));
  }
}
