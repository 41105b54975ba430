import type { Context } from '../../context.js';
import { parseSyncFlags, type SyncFlags } from './options.js';
import { renderFailures, renderPlan, renderResults, renderStop, syncJson } from './render.js';
import { applyRun, chooseMode, finish, planRun } from './run.js';
import { renderResolved, resolvePages } from '../../filing/resolve-pages.js';

/** Flags in; plan, show, confirm, apply, report. */
export async function syncCommand(ctx: Context, flags: SyncFlags): Promise<void> {
  const options = parseSyncFlags(flags);
  const planned = await planRun(ctx, options);
  if (!options.json) renderPlan(ctx.io, planned);
  const mode = await chooseMode(ctx, options, planned);
  if (mode === 'apply') await applyRun(ctx, planned);
  // oncall.resolveOnDone: a run that may write also closes the incidents of paged issues now Done or Canceled.
  const resolved = mode === 'plan-only' ? [] : await resolvePages(ctx, await ctx.config(), planned.gateways.linear);
  if (options.json) {
    ctx.io.json({ ...syncJson(planned, mode), resolvedPages: resolved });
    renderFailures(ctx.io, planned);
    renderStop(ctx.io, planned);
  } else {
    renderResults(ctx.io, planned, mode);
  }
  renderResolved(ctx.io, resolved);
  finish(planned, options, mode);
}
