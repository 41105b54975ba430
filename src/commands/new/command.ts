import type { Context } from '../../context.js';
import { FailureError, InterruptedError } from '../../errors.js';
import { RedactionFailedError } from '../../core/redaction/errors.js';
import { parseNewFlags, type NewFlags } from './options.js';
import { newResultJson, renderCandidates, renderDecision, renderDryRun, renderFiled, renderPosted } from './render.js';
import { runNew } from './run.js';

/** Flags in, result out: parse, run, render. */
export async function newCommand(ctx: Context, flags: NewFlags): Promise<void> {
  const options = await parseNewFlags(flags, { cwd: ctx.cwd, stdin: ctx.io.streams.stdin });
  let result;
  try {
    result = await runNew(ctx, options, {
      onPlanned: (planned, candidates) => {
        renderDecision(ctx.io, planned.prepared.plan);
        if (!options.json) renderCandidates(ctx.io, candidates);
      },
      onFiled: (record) => {
        if (!options.json) renderFiled(ctx.io, record, { askingToPost: ctx.io.interactive && !options.noInput && !options.yes && !record.update?.post });
      },
      onPosted: (record) => {
        if (!options.json) renderPosted(ctx.io, record);
      },
    });
  } catch (error) {
    // Redaction fails closed: nothing was planned, so nothing was filed, and the message holds no input.
    if (error instanceof RedactionFailedError) throw new FailureError('Redaction failed, so nothing was filed', { hint: 'Run again with --debug, or check redaction.extraPatterns in the config.' });
    // Stopped by a signal before anything was journaled: nothing exists.
    if (error instanceof InterruptedError && !error.message.includes('nothing was filed')) throw new InterruptedError(error.signal, `Interrupted (${error.signal}): nothing was filed`);
    throw error;
  }
  if (result.kind === 'update-instead') {
    const { updateCommand } = await import('../update/command.js');
    await updateCommand(ctx, result.identifier, { ...(options.json ? { json: true } : {}), ...(options.configPath ? { config: options.configPath } : {}) });
    return;
  }
  if (options.json) {
    ctx.io.json(newResultJson(result));
    return;
  }
  if (result.kind === 'dry-run') renderDryRun(ctx.io, result.planned, result.candidates);
}
