import type { Context } from '../../context.js';
import { parseSyncFlags, type SyncFlags } from './options.js';
import { renderFailures, renderPlan, renderResults, renderStop, syncJson } from './render.js';
import { applyRun, chooseMode, finish, planRun } from './run.js';

/** Flags in; plan, show, confirm, apply, report. */
export async function syncCommand(ctx: Context, flags: SyncFlags): Promise<void> {
  const options = parseSyncFlags(flags);
  const planned = await planRun(ctx, options);
  if (!options.json) renderPlan(ctx.io, planned);
  const mode = await chooseMode(ctx, options, planned);
  if (mode === 'apply') await applyRun(ctx, planned);
  if (options.json) {
    ctx.io.json(syncJson(planned, mode));
    renderFailures(ctx.io, planned);
    renderStop(ctx.io, planned);
  } else {
    renderResults(ctx.io, planned, mode);
  }
  finish(planned, options, mode);
}
