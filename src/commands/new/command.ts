import type { Context } from '../../context.js';
import { parseNewFlags, type NewFlags } from './options.js';
import { renderDecision, renderDryRun, renderFiled, newResultJson } from './render.js';
import { runNew } from './run.js';

/** Flags in, result out: parse, run, render. */
export async function newCommand(ctx: Context, flags: NewFlags): Promise<void> {
  const options = await parseNewFlags(flags, { cwd: ctx.cwd, stdin: ctx.io.streams.stdin });
  const result = await runNew(ctx, options, { onPlanned: (plan) => renderDecision(ctx.io, plan) });
  if (options.json) {
    ctx.io.json(newResultJson(result));
    return;
  }
  if (result.kind === 'dry-run') renderDryRun(ctx.io, result.plan);
  else renderFiled(ctx.io, result);
}
