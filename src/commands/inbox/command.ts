import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { loadInbox, type InboxScope } from './load.js';
import { inboxJson, renderInbox } from './render.js';
import type { InboxFlags } from './register.js';

export interface InboxOptions {
  scope: InboxScope;
  limit: number;
  json: boolean;
}

export function parseInboxFlags(flags: InboxFlags): InboxOptions {
  const given = [flags.assignee !== undefined && '--assignee', flags.unassigned && '--unassigned', flags.all && '--all'].filter(Boolean);
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} choose whose queue to list: pass one of them`);
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit ${flags.limit}: give a whole number from 1 to 500`);
  if (flags.assignee !== undefined && !flags.assignee.trim()) throw new UsageError('--assignee needs an email or a Pylon user id');
  const scope: InboxScope = flags.assignee ? { kind: 'user', ref: flags.assignee.trim() } : flags.unassigned ? { kind: 'unassigned' } : flags.all ? { kind: 'anyone' } : { kind: 'me' };
  return { scope, limit, json: Boolean(flags.json) };
}

export async function inboxCommand(ctx: Context, flags: InboxFlags): Promise<void> {
  const options = parseInboxFlags(flags);
  ctx.useConfigPath(flags.config);
  const inbox = await loadInbox(ctx, options.scope, { limit: options.limit });
  if (options.json) ctx.io.json(inboxJson(inbox));
  else renderInbox(ctx.io, inbox);
}
