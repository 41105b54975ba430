import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { REQUEST_TYPES } from '../core/request-type.js';
import { PRIORITIES } from '../core/priority.js';

/**
 * What the engineer had typed when a wizard run was cancelled, so `triage new --recover <file>` can pick
 * it up. The text is stored as the Linear policy redacts it (never the original secrets or personal
 * data), which is the most that would ever have been filed anywhere.
 */
export const draftSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  title: z.string().optional(),
  body: z.string().optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  impact: z.string().optional(),
  priority: z.enum(PRIORITIES).optional(),
  reason: z.string().optional(),
  customer: z.string().optional(),
  area: z.string().optional(),
  labels: z.array(z.string()).optional(),
});

export type SavedDraft = z.infer<typeof draftSchema>;

export async function saveDraft(stateDir: string, draft: SavedDraft): Promise<string> {
  const dir = join(stateDir, 'drafts');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `draft-${draft.savedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(draft, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export async function loadDraft(cwd: string, path: string): Promise<SavedDraft> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch {
    throw new UsageError(`--recover ${path}: no such draft file`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`--recover ${path}: not a triage draft (invalid JSON)`);
  }
  const parsed = draftSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--recover ${path}: not a triage draft`);
  return parsed.data;
}
