import type { Context } from '../../context.js';
import type { Choice } from '../../cli/prompter.js';
import { truncate } from '../../cli/text-wrap.js';
import { ageText } from '../../core/inbox.js';
import { AuthError, InterruptedError } from '../../errors.js';

/** The choice of a request that is not in Pylon (ticket numbers never look like this). */
const NEW_REQUEST = '(new)';

/** How many of the newest queued tickets the question offers; `triage inbox` lists the rest. */
const SHOWN = 8;

/**
 * The wizard's first question when it starts from nothing: one of the engineer's open Pylon tickets that no
 * Linear issue tracks yet (newest first, with customer and age), or a new request typed in. Returns the
 * ticket number to start from, or undefined for a new request. A queue that cannot be read is no reason not
 * to file: the wizard says why in a line and goes on as for a new request.
 */
export async function askStartingPoint(ctx: Context): Promise<string | undefined> {
  const { io } = ctx;
  let inbox;
  try {
    io.progress('Loading your Pylon queue');
    const { loadInbox } = await import('../inbox/load.js');
    inbox = await loadInbox(ctx, { kind: 'me' }, { limit: SHOWN });
  } catch (error) {
    if (error instanceof InterruptedError || ctx.interrupts.signal.aborted) throw error;
    // No Pylon token: this engineer does not work from Pylon, and needs no reminder every time.
    if (error instanceof AuthError && /is not set/.test(error.message)) return undefined;
    io.info(io.color.dim(`Your Pylon queue is not shown: ${error instanceof Error ? error.message : String(error)}`));
    return undefined;
  }
  if (inbox.rows.length === 0) {
    io.info(io.color.dim('Your Pylon queue is empty (every open ticket assigned to you is linked to Linear).'));
    return undefined;
  }
  const width = Math.max(30, Math.min(io.columns, 100) - 4);
  const choices: Array<Choice<string>> = [
    { value: NEW_REQUEST, name: 'A new request (not in Pylon: type it in)' },
    ...inbox.rows.map((r) => ({
      value: String(r.number),
      name: truncate(`#${r.number}  ${ageText(r.ageMs).padStart(3)}  ${r.customer ?? '—'} · ${r.title}`, width),
      description: truncate(`${r.state.replace(/_/g, ' ')}${r.linkedTo.length ? ` · ${r.linkedTo.join(', ')} linked` : ''} · ${r.link}`, width),
    })),
  ];
  // The newest ticket is where the cursor starts: the queue is what the engineer most often works from.
  const choice = await ctx.prompter.select('Start from which request?', choices, { default: choices[1]!.value });
  return choice === NEW_REQUEST ? undefined : choice;
}
