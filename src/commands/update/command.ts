import type { Context } from '../../context.js';
import { parseUpdateFlags, type UpdateFlags } from './options.js';
import { renderUpdate, updateJson } from './render.js';
import { runUpdate } from './run.js';

/** Identifier and flags in; the draft (posted or not) out. */
export async function updateCommand(ctx: Context, identifier: string, flags: UpdateFlags): Promise<void> {
  const options = parseUpdateFlags(identifier, flags);
  const result = await runUpdate(ctx, options);
  if (options.json) ctx.io.json(updateJson(result));
  else renderUpdate(ctx.io, result);
}
