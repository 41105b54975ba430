import { UsageError } from '../../errors.js';

export interface ImmediateFlags {
  team?: string[];
  json?: boolean;
  markdown?: boolean;
  config?: string;
}

export interface ImmediateOptions {
  /** `--team`: only these teams; empty means every team the routing config names. */
  teams: string[];
  format: 'text' | 'json' | 'markdown';
  configPath?: string;
}

export function parseImmediateFlags(flags: ImmediateFlags): ImmediateOptions {
  if (flags.json && flags.markdown) throw new UsageError('--json and --markdown are two formats of the same list: pass one of them');
  const teams = (flags.team ?? []).map((t) => t.trim().toUpperCase()).filter(Boolean);
  for (const team of teams) if (!/^[A-Z0-9]{1,10}$/.test(team)) throw new UsageError(`--team ${team}: expected a Linear team key (like SUP)`);
  const options: ImmediateOptions = { teams: [...new Set(teams)], format: flags.json ? 'json' : flags.markdown ? 'markdown' : 'text' };
  if (flags.config) options.configPath = flags.config;
  return options;
}
