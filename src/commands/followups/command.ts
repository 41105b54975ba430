import type { Context } from '../../context.js';
import { CheckFailedError, FailureError } from '../../errors.js';
import { parseFollowupsFlags, type FollowupsFlags } from './options.js';
import { followupsJson, followupsMarkdown, renderFollowups, renderResolved } from './render.js';
import { runFollowups } from './run.js';

/** Flags in; the owed updates (and what was posted) out; `--check` and failed posts decide the exit code. */
export async function followupsCommand(ctx: Context, flags: FollowupsFlags): Promise<void> {
  const options = parseFollowupsFlags(flags);
  const result = await runFollowups(ctx, options);
  if (options.format === 'json') ctx.io.json(followupsJson(result));
  else if (options.format === 'markdown') {
    ctx.io.out(followupsMarkdown(result).trimEnd());
    renderResolved(ctx.io, result);
  } else renderFollowups(ctx.io, result);

  const failed = result.rows.filter((r) => r.error);
  if (failed.length) {
    throw new FailureError(`${failed.length} of ${result.rows.length} updates were not posted`, { hint: 'Run it again: what was posted is found and never posted twice.' });
  }
  const owed = result.rows.filter((r) => !r.posted);
  if (options.check && owed.length) {
    throw new CheckFailedError(`${owed.length} customer${owed.length === 1 ? ' is' : 's are'} owed an update`, { hint: 'Run `triage followups` to see the drafts, and `triage followups --post` to send them.' });
  }
}
