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
  /**
   * The redaction context: what must not leave the machine. Kept as given (the file is the user's only, 0600),
   * because without it a recovered draft would send a contact's name or a customer domain to GitHub.
   */
  customerDomains: z.array(z.string()).optional(),
  contacts: z.array(z.object({ name: z.string().optional(), email: z.string().optional() })).optional(),
  terms: z.array(z.string()).optional(),
  steps: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  eta: z.string().optional(),
  github: z.boolean().optional(),
  /** The filing's answer to "append or new" and to "post the update", so a re-planned resume asks neither again. */
  newTicket: z.boolean().optional(),
  appendTo: z.string().optional(),
  post: z.enum(['reply', 'note']).optional(),
  /** The Pylon ticket the filing started from, as read then. */
  pylonTicket: z
    .object({
      id: z.string(),
      number: z.number(),
      link: z.string(),
      title: z.string(),
      priority: z.enum(PRIORITIES).nullable(),
      fieldSlug: z.string(),
      toPylon: z.record(z.string(), z.string()),
      accountId: z.string().optional(),
    })
    .optional(),
});

export type SavedDraft = z.infer<typeof draftSchema>;

export async function saveDraft(stateDir: string, draft: SavedDraft): Promise<string> {
  const dir = join(stateDir, 'drafts');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Short enough that `triage new --recover <file>` fits a terminal line: draft-20261204-131915-411.json
  const stamp = draft.savedAt.replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.?(\d{3})?.*$/, '$1$2$3-$4$5$6-$7').replace(/-$/, '');
  const file = join(dir, `draft-${/^\d{8}-\d{6}/.test(stamp) ? stamp : draft.savedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(draft, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export async function loadDraft(cwd: string, path: string): Promise<SavedDraft> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--recover ${path}: ${code === 'EISDIR' ? 'is a directory, not a draft file' : 'no such draft file'}`, {
      hint: 'Pass the file named when the wizard was cancelled (drafts are kept in the state directory, under drafts/).',
    });
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
