import { UsageError } from '../../errors.js';
import type { SyncDirection } from '../../core/sync/plan.js';

/** Flags as commander hands them over. */
export interface SyncFlags {
  since?: string;
  direction?: string;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
  check?: boolean;
  config?: string;
}

export interface SyncOptions {
  /** Raw `--since`; the config's `pylon.sync.since` when absent. Parsed against the clock in run.ts. */
  since?: string;
  direction: SyncDirection;
  dryRun: boolean;
  yes: boolean;
  json: boolean;
  check: boolean;
  configPath?: string;
}

export const DIRECTIONS: readonly SyncDirection[] = ['pylon-to-linear', 'both'];

export function parseSyncFlags(flags: SyncFlags): SyncOptions {
  const direction = (flags.direction ?? 'pylon-to-linear').trim().toLowerCase();
  if (!(DIRECTIONS as readonly string[]).includes(direction)) {
    throw new UsageError(`Unknown --direction "${flags.direction}". Valid directions: ${DIRECTIONS.join(', ')}`);
  }
  if (flags.dryRun && flags.yes) throw new UsageError('--dry-run only shows the plan and --yes applies it: pass one of them');
  const options: SyncOptions = {
    direction: direction as SyncDirection,
    dryRun: Boolean(flags.dryRun),
    yes: Boolean(flags.yes),
    json: Boolean(flags.json),
    check: Boolean(flags.check),
  };
  const since = flags.since?.trim();
  if (flags.since !== undefined && !since) throw new UsageError('--since needs a value, like 30d or 2026-01-31');
  if (since) options.since = since;
  if (flags.config) options.configPath = flags.config;
  return options;
}
