import { UsageError } from '../../errors.js';

export interface FollowupsFlags {
  team?: string[];
  all?: boolean;
  ticket?: string[];
  post?: boolean;
  reply?: boolean;
  note?: boolean;
  check?: boolean;
  markdown?: boolean;
  json?: boolean;
  config?: string;
}

export type FollowupsScope = { kind: 'mine' } | { kind: 'teams'; teams: string[] } | { kind: 'all' };

export interface FollowupsOptions {
  scope: FollowupsScope;
  tickets: number[];
  post: boolean;
  mode?: 'reply' | 'note';
  check: boolean;
  format: 'text' | 'markdown' | 'json';
  configPath?: string;
}

export function parseFollowupsFlags(flags: FollowupsFlags): FollowupsOptions {
  const teams = (flags.team ?? []).map((t) => t.trim().toUpperCase()).filter(Boolean);
  for (const team of teams) if (!/^[A-Z0-9]{1,10}$/.test(team)) throw new UsageError(`--team ${team}: expected a Linear team key like SUP`);
  if (teams.length && flags.all) throw new UsageError('--team narrows to teams and --all takes everything: pass one of them');
  const tickets = (flags.ticket ?? []).map((t) => {
    const n = t.trim().replace(/^#/, '');
    if (!/^\d{1,9}$/.test(n)) throw new UsageError(`--ticket ${t}: expected a Pylon ticket number like 1041`);
    return Number(n);
  });
  if (flags.reply && flags.note) throw new UsageError('--reply posts to the customer and --note keeps it internal: pass one of them');
  if ((flags.reply || flags.note) && !flags.post) throw new UsageError(`--${flags.reply ? 'reply' : 'note'} says how --post posts: pass --post too`);
  if (flags.json && flags.markdown) throw new UsageError('--json and --markdown are two formats: pass one of them');
  const options: FollowupsOptions = {
    scope: teams.length ? { kind: 'teams', teams } : flags.all ? { kind: 'all' } : { kind: 'mine' },
    tickets,
    post: Boolean(flags.post),
    check: Boolean(flags.check),
    format: flags.json ? 'json' : flags.markdown ? 'markdown' : 'text',
  };
  if (flags.reply) options.mode = 'reply';
  if (flags.note) options.mode = 'note';
  if (flags.config) options.configPath = flags.config;
  return options;
}
