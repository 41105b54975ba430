import type { Context } from '../../context.js';
import type { TriageConfig } from '../../config/config.js';
import { htmlToText } from '../../core/html-text.js';
import { neutralizeControls } from '../../core/text-safety.js';
import { allSettledOrThrow } from '../../services/http/settle.js';
import { readPylonPriority } from '../../services/pylon/priority-field.js';
import type { NewOptions, PylonTicketInfo } from './options.js';
import { ServiceError, UsageError } from '../../errors.js';

/** A ticket that does not exist is a mistake in the command line (exit 2), not a service failure. */
export function notFoundAsUsage(ref: string, flag = '--pylon') {
  return (error: unknown): never => {
    if (error instanceof ServiceError && (error.status === 404 || error.status === 400)) {
      throw new UsageError(`${flag} ${ref}: Pylon has no ticket with that number or id`, {
        hint: 'Use the number shown in Pylon (e.g. 102) or the ticket\'s UUID; the token must belong to the workspace that has it.',
        cause: error,
      });
    }
    throw error;
  };
}

/**
 * `--pylon <id-or-number>`: the ticket fills in what the engineer has not given (title, the report,
 * customer, domains, requester) and brings its priority, which the filing then reconciles with the rubric.
 * What the customer and requester are called feeds redaction like `--customer` and `--contact` do.
 */
export async function prefillFromPylon(ctx: Context, options: NewOptions, config: TriageConfig): Promise<PylonTicketInfo> {
  const pylon = await ctx.pylon();
  const [ticket, field] = await allSettledOrThrow([pylon.issue(options.pylon!).catch(notFoundAsUsage(options.pylon!)), pylon.priorityField(config.pylon.priorityField)]);
  const [account, requester] = await allSettledOrThrow([
    ticket.account?.id ? pylon.account(ticket.account.id) : Promise.resolve(undefined),
    ticket.requester?.id ? pylon.contact(ticket.requester.id) : Promise.resolve(undefined),
  ]);

  // Everything the ticket says is the customer's text: inert before the wizard or the review shows it.
  options.title ??= neutralizeControls(ticket.title.trim()) || undefined;
  if (!options.body) {
    const text = htmlToText(ticket.body_html ?? '');
    if (text) options.body = text;
  }
  if (account) {
    options.customer ??= neutralizeControls(account.name);
    const domains = [account.primary_domain, account.domain, ...(account.domains ?? [])].filter((d): d is string => Boolean(d)).map((d) => d.toLowerCase());
    options.customerDomains = [...new Set([...options.customerDomains, ...domains])];
  }
  const email = requester?.email ?? ticket.requester?.email;
  if (requester || email) {
    const contact: { name?: string; email?: string } = {};
    if (requester?.name) contact.name = neutralizeControls(requester.name);
    if (email) contact.email = email;
    options.contacts = [...options.contacts, contact];
  }

  const reading = readPylonPriority(ticket.custom_fields ?? {}, field);
  if (reading.kind === 'unknown') {
    ctx.io.warn(`Pylon ticket #${ticket.number} has priority "${reading.value}", which pylon.priorityField.values does not map; treating it as unset.`);
  }
  return {
    id: ticket.id,
    number: ticket.number,
    link: ticket.link,
    title: neutralizeControls(ticket.title),
    priority: reading.kind === 'set' ? reading.priority : null,
    fieldSlug: field.slug,
    toPylon: { ...field.toPylon },
    ...(ticket.account?.id ? { accountId: ticket.account.id } : {}),
    linked: (ticket.external_issues ?? [])
      .filter((e): e is typeof e & { source: 'linear' | 'github' } => (e.source === 'linear' || e.source === 'github') && Boolean(e.external_id))
      .map((e) => ({ source: e.source, id: e.external_id, ...(e.link ? { link: e.link } : {}) })),
  };
}
