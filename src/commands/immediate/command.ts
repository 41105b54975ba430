import type { Context } from '../../context.js';
import { parseImmediateFlags, type ImmediateFlags } from './options.js';
import { immediateJson, immediateMarkdown, renderImmediate } from './render.js';
import { runImmediate } from './run.js';

/** Flags in, the list out in the format asked for. */
export async function immediateCommand(ctx: Context, flags: ImmediateFlags): Promise<void> {
  const options = parseImmediateFlags(flags);
  const result = await runImmediate(ctx, options);
  if (options.format === 'json') ctx.io.json(immediateJson(result));
  else if (options.format === 'markdown') ctx.io.out(immediateMarkdown(result));
  else renderImmediate(ctx.io, result);
}
