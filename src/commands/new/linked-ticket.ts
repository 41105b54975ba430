import type { Context } from '../../context.js';
import { AuthError, CancelledError, UsageError } from '../../errors.js';
import type { NewOptions, PylonTicketInfo } from './options.js';

/**
 * A Pylon ticket that is already linked to a Linear or GitHub issue was filed before (by triage, by hand, or
 * by Pylon's own integrations). Filing it again makes a second pair and a second set of links, so it stops
 * here: a script gets exit 2 naming the links and the ways on; the wizard asks. `--new` files anyway.
 */

export type LinkedDecision = { kind: 'file' } | { kind: 'update'; identifier: string };

interface ShownLink {
  service: 'Linear' | 'GitHub';
  name: string;
  url?: string;
  /** Linear only: what `triage update` and `--append-to` take. */
  identifier?: string;
}

async function describeLinks(ctx: Context, ticket: PylonTicketInfo): Promise<ShownLink[]> {
  const shown: ShownLink[] = [];
  for (const link of ticket.linked ?? []) {
    if (link.source === 'github') {
      const [owner, repo, number] = link.id.split('/');
      shown.push({ service: 'GitHub', name: owner && repo && number ? `${owner}/${repo}#${number}` : link.id, ...(link.link ? { url: link.link } : {}) });
      continue;
    }
    try {
      const issue = await (await ctx.linear()).issueById(link.id);
      if (issue) {
        shown.push({ service: 'Linear', name: issue.identifier, identifier: issue.identifier, url: issue.url });
        continue;
      }
    } catch (error) {
      // The links are shown whatever Linear says; only a rejected key is worth stopping for.
      if (error instanceof AuthError) throw error;
    }
    shown.push({ service: 'Linear', name: link.id, ...(link.link ? { url: link.link } : {}) });
  }
  return shown;
}

export async function checkAlreadyLinked(ctx: Context, options: NewOptions, canPrompt: boolean): Promise<LinkedDecision> {
  const ticket = options.pylonTicket;
  if (!ticket?.linked?.length || options.newTicket) return { kind: 'file' };
  const links = await describeLinks(ctx, ticket);
  const lines = links.map((l) => `  ${l.service.padEnd(7)} ${l.name}${l.url ? `  ${l.url}` : ''}`);
  const linear = links.find((l) => l.identifier)?.identifier;

  if (!canPrompt) {
    const ways = [
      ...(linear ? [`update the customer with \`triage update ${linear}\``] : []),
      ...(linear && options.type === 'feature' ? [`add this request to it with \`--append-to ${linear}\``] : []),
      'file a second pair anyway with `--new`',
    ];
    throw new UsageError(`Pylon ticket #${ticket.number} is already linked; nothing was filed:\n${lines.join('\n')}`, { hint: `To go on: ${ways.join(', or ')}.`, code: 'already-linked' });
  }

  ctx.io.warn(`Pylon ticket #${ticket.number} is already linked:\n${lines.join('\n')}`);
  const choices = [
    ...(linear ? [{ value: 'update' as const, name: `Update the customer on ${linear}`, description: 'Draft (and post) an update from its current state, like `triage update`' }] : []),
    ...(linear && options.type === 'feature' ? [{ value: 'append' as const, name: `Add this request to ${linear}`, description: 'Like `--append-to`: a comment and a customer request on it' }] : []),
    { value: 'new' as const, name: 'File a new Linear and GitHub pair anyway', description: 'Like `--new`: the ticket ends up linked to both pairs' },
    { value: 'cancel' as const, name: 'Cancel', description: 'Nothing is filed' },
  ];
  const choice = await ctx.prompter.select('What would you like to do?', choices, { default: choices[0]!.value });
  if (choice === 'cancel') throw new CancelledError('Cancelled: nothing was filed');
  if (choice === 'update') return { kind: 'update', identifier: linear! };
  if (choice === 'append') options.appendTo = linear!;
  else options.newTicket = true;
  return { kind: 'file' };
}
