import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { FailureError } from '../errors.js';

/** A lock older than this belongs to a process that died (filing takes seconds, not minutes). */
const STALE_AFTER_MS = 10 * 60_000;

export interface LockOwner {
  pid: number;
  /** Whether a process with this id still runs on this machine. */
  isAlive(pid: number): boolean;
}

interface LockContent {
  pid: number;
  host: string;
  at: string;
}

/**
 * Keeps two triage processes from working on the same filing at once. The lock file is created
 * exclusively; a lock whose process is gone (killed, crashed) or that is older than ten minutes is taken over.
 */
export async function withFilingLock<T>(path: string, owner: LockOwner, now: () => Date, fn: () => Promise<T>): Promise<T> {
  await acquire(path, owner, now);
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}

async function acquire(path: string, owner: LockOwner, now: () => Date): Promise<void> {
  const content: LockContent = { pid: owner.pid, host: hostname(), at: now().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(content));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await isStale(path, owner, now))) {
        throw new FailureError('Another triage process is working on this filing right now', {
          hint: 'Wait for it to finish, then run `triage resume` to see what is left.',
        });
      }
      await rm(path, { force: true });
    }
  }
  throw new FailureError('Could not lock the filing journal');
}

async function isStale(path: string, owner: LockOwner, now: () => Date): Promise<boolean> {
  let held: Partial<LockContent>;
  try {
    held = JSON.parse(await readFile(path, 'utf8')) as Partial<LockContent>;
  } catch {
    return true;
  }
  const at = Date.parse(held.at ?? '');
  if (Number.isNaN(at) || now().getTime() - at > STALE_AFTER_MS) return true;
  return held.host === hostname() && typeof held.pid === 'number' && !owner.isAlive(held.pid);
}
