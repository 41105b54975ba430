import { fillGitHubUrl } from '../core/customer-update.js';
import { updateHtml } from '../core/message-html.js';
import { replyTarget } from '../core/reply-target.js';
import { FailureError, ServiceError } from '../errors.js';
import type { PylonMessage } from '../services/pylon/types.js';
import { postStep } from './record.js';
import type { StepRunner } from './step-runner.js';

/** Pylon's clock and ours may disagree a little; a message this much older than our attempt still counts as ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Posts the customer update to each chosen Pylon ticket, once. Replies and notes are not idempotent and Pylon
 * takes no client id, so: the attempt is journaled (with its time) before the request; a fault that may have
 * posted it is followed by one look at the ticket's messages and never by a second post in the same run; a
 * resumed run looks first (our hidden marker, or exactly our text since the attempt) and posts only when the
 * message is not there.
 */
export async function postCustomerUpdate(run: StepRunner, githubUrl: string | undefined): Promise<void> {
  const { record } = run;
  const update = record.update;
  if (!update?.post) return;
  const { mode, targets } = update.post;
  const text = fillGitHubUrl(update.text, githubUrl);
  const posted = (record.results.posted ??= {});

  for (const target of targets) {
    if (posted[target.ticketId]) continue;
    run.at(postStep(target.ticketId));
    const pylon = await run.services.pylon();
    // Loaded here, not at the top: reading Pylon's HTML back needs html-to-text, which a filing that posts
    // nothing (every dry run) should not load.
    const { findPostedMessage } = await import('../core/posted-message.js');
    const lookFor = (messages: PylonMessage[]) => {
      const since = record.postAttempts?.[target.ticketId];
      if (!since) return undefined;
      return findPostedMessage(messages, { marker: update.marker, text, since: new Date(Date.parse(since) - CLOCK_SKEW_MS).toISOString() });
    };
    const messages = await pylon.messages(target.ticketId);
    const earlier = lookFor(messages);
    if (earlier) {
      posted[target.ticketId] = { mode, messageId: earlier.id };
      await run.save();
      continue;
    }

    const parent = mode === 'reply' ? replyTarget(messages) : undefined;
    if (mode === 'reply' && !parent) {
      throw new FailureError(`Pylon ticket #${target.number} has no customer message to reply to`, {
        hint: 'Post it as an internal note instead (--note), or reply in Pylon.',
      });
    }
    (record.postAttempts ??= {})[target.ticketId] = run.now().toISOString();
    await run.save();
    run.progress(`Posting the customer update as a ${mode} on Pylon ticket #${target.number}`);
    const body_html = updateHtml(text, update.marker);
    let messageId: string;
    try {
      const ref = mode === 'reply' ? await pylon.reply(target.ticketId, { body_html, message_id: parent!.id }) : await pylon.note(target.ticketId, { body_html });
      messageId = ref.id;
    } catch (error) {
      if (!(error instanceof ServiceError) || !error.transient) throw error;
      const found = lookFor(await pylon.messages(target.ticketId));
      if (!found) throw error;
      messageId = found.id;
    }
    posted[target.ticketId] = { mode, messageId };
    await run.save();
  }
}
