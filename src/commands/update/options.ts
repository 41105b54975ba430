import { UsageError } from '../../errors.js';
import { LINEAR_IDENTIFIER } from '../new/options.js';

/** Flags as commander hands them over. */
export interface UpdateFlags {
  reply?: boolean;
  note?: boolean;
  json?: boolean;
  config?: string;
}

export interface UpdateOptions {
  identifier: string;
  post?: 'reply' | 'note';
  json: boolean;
  configPath?: string;
}

export function parseUpdateFlags(identifier: string, flags: UpdateFlags): UpdateOptions {
  const id = identifier.trim();
  if (!LINEAR_IDENTIFIER.test(id)) throw new UsageError(`"${identifier}" is not a Linear issue identifier (like SUP-12)`);
  if (flags.reply && flags.note) throw new UsageError('--reply posts the update to the customer and --note keeps it internal: pass one of them');
  const options: UpdateOptions = { identifier: id.toUpperCase(), json: Boolean(flags.json) };
  if (flags.reply) options.post = 'reply';
  if (flags.note) options.post = 'note';
  if (flags.config) options.configPath = flags.config;
  return options;
}
