import { join } from 'node:path';
import type { Context } from '../context.js';
import { FileJournal } from './file-journal.js';

export function journalDir(ctx: Pick<Context, 'paths'>): string {
  return join(ctx.paths.stateDir, 'filings');
}

export async function openJournal(ctx: Pick<Context, 'paths'>): Promise<FileJournal> {
  return new FileJournal(journalDir(ctx));
}
