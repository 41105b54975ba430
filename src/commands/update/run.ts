import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { draftCustomerUpdate, statusSituation } from '../../core/customer-update.js';
import { etaFromComments } from '../../core/eta-comment.js';
import { linkedRefs, pylonTicketRef, type GitHubIssueRef } from '../../core/linked-refs.js';
import { recordTold } from '../followups/told.js';
import { updateMarker } from '../../core/message-html.js';
import { priorityFromLinear } from '../../core/priority.js';
import { createRedactor } from '../../core/redaction/index.js';
import { AuthError, ServiceError, UsageError } from '../../errors.js';
import { openJournal } from '../../filing/open-journal.js';
import { nothingCreated, updateRecord, type CustomerUpdateRecord, type UpdateRecord } from '../../filing/record.js';
import { hasToken } from '../../services/credentials.js';
import { parseRepo } from '../../services/github/types.js';
import { allSettledOrThrow } from '../../services/http/settle.js';
import type { LinearIssueDetails } from '../../services/linear/types.js';
import type { PylonIssue } from '../../services/pylon/types.js';
import { runFilingSteps } from '../new/run.js';
import type { UpdateOptions } from './options.js';

export interface UpdateResult {
  issue: LinearIssueDetails;
  github: GitHubIssueRef | undefined;
  eta: string | undefined;
  /** The linked Pylon tickets (their ids are read only when posting). */
  tickets: Array<{ number: number; url: string }>;
  update: CustomerUpdateRecord;
  /** Set when the update was posted (journaled like a filing). */
  record?: UpdateRecord;
}

/** What the GitHub issue says: its (public) title and the latest ETA triage posted on it. */
async function readGitHub(ctx: Context, ref: GitHubIssueRef): Promise<{ title?: string; eta?: string }> {
  if (!hasToken(ctx.env, 'github')) {
    ctx.io.warn('GITHUB_TOKEN is not set: the ETA on the GitHub issue was not read.');
    return {};
  }
  try {
    const github = await ctx.github();
    const repo = parseRepo(ref.repo);
    const [issue, comments] = await allSettledOrThrow([github.issue(repo, ref.number), github.comments(repo, ref.number)]);
    const eta = etaFromComments(comments);
    return { title: issue.title, ...(eta ? { eta } : {}) };
  } catch (error) {
    if (error instanceof AuthError || !(error instanceof ServiceError)) throw error;
    ctx.io.warn(`GitHub issue ${ref.repo}#${ref.number} could not be read (${error.message}); the update has no ETA.`);
    return {};
  }
}

/**
 * `triage update <ID>`: a fresh customer update from the issue's current state (state, priority, GitHub link, the
 * ETA on the GitHub issue, done or cancelled wording), and with --reply/--note posted on every Pylon ticket
 * linked to the issue, journaled like a filing so a fault never posts it twice.
 */
export async function runUpdate(ctx: Context, options: UpdateOptions): Promise<UpdateResult> {
  ctx.useConfigPath(options.configPath);
  const config = await ctx.config();
  const linear = await ctx.linear();
  const issue = await linear.issueDetails(options.identifier);
  if (!issue) throw new UsageError(`Linear has no issue ${options.identifier} (or this API key cannot see it)`);
  const refs = linkedRefs(issue.attachments);
  const github = refs.github ? await readGitHub(ctx, refs.github) : {};

  const tickets: UpdateResult['tickets'] = refs.pylon.map((ref) => ({ number: ref.number, url: ref.url }));
  const targets: Array<{ ticketId: string; number: number }> = [];
  let read: PylonIssue[] = [];
  const accounts: Array<{ name: string; domains: string[] }> = [];
  if (options.post) {
    if (refs.pylon.length === 0) {
      throw new UsageError(`${issue.identifier} is not linked to a Pylon ticket, so there is nothing to post to`, {
        hint: 'Link the ticket in Pylon (or file from it with `triage new --pylon`), or send the draft yourself.',
      });
    }
    const pylon = await ctx.pylon();
    read = await allSettledOrThrow(refs.pylon.map((ref) => pylon.issue(ref.number)));
    targets.push(...read.map((t) => ({ ticketId: t.id, number: t.number })));
    const accountIds = [...new Set(read.map((t) => t.account?.id).filter((id): id is string => Boolean(id)))];
    for (const account of await allSettledOrThrow(accountIds.map((id) => pylon.account(id)))) {
      accounts.push({ name: account.name, domains: [account.primary_domain, account.domain, ...(account.domains ?? [])].filter((d): d is string => Boolean(d)) });
    }
  }

  // Everyone known to be asking is redacted from the draft: it may reach any of them, and be forwarded.
  const customers = [...issue.needs.flatMap((n) => (n.customer ? [n.customer] : [])), ...accounts];
  const redactor = createRedactor({
    target: 'github',
    identity: { customers: [...new Set(customers.map((c) => c.name))], domains: [...new Set(customers.flatMap((c) => c.domains))] },
    allow: config.redaction.allow,
    extraPatterns: config.redaction.extraPatterns,
  });
  const priority = priorityFromLinear(issue.priority);
  const open = issue.state.type !== 'completed' && issue.state.type !== 'canceled';
  const id = randomUUID();
  const draft = await draftCustomerUpdate({
    situation: statusSituation(issue.state.type),
    facts: {
      title: github.title ?? issue.title,
      priority,
      githubUrl: refs.github?.url,
      etaDate: open ? github.eta : undefined,
      onCall: priority === 'urgent' && Boolean(config.routing.onCall?.linear) && issue.assignee?.email === config.routing.onCall?.linear,
      stateName: issue.state.name,
      stateType: issue.state.type,
    },
    templates: config.templates.customerUpdate,
    redactor,
    marker: updateMarker(id),
  });
  const result: UpdateResult = { issue, github: refs.github, eta: open ? github.eta : undefined, tickets, update: { ...draft } };
  if (!options.post) return result;

  result.update.post = { mode: options.post, targets };
  const journal = await openJournal(ctx);
  const record = updateRecord({ id, createdAt: ctx.now().toISOString(), issue: { id: issue.id, identifier: issue.identifier, url: issue.url, title: issue.title } }, result.update, ctx.now().toISOString());
  await journal.save(record);
  result.record = record;
  try {
    await runFilingSteps(ctx, journal, record);
  } catch (error) {
    // Nothing was sent that may have landed: nothing to resume.
    if (nothingCreated(record)) await journal.remove(record.id);
    throw error;
  }
  // What the customer was told now counts as their last update for `triage followups`, wherever it runs.
  const told = new Map(read.map((t) => [t.number, t.id]));
  for (const attachment of issue.attachments) {
    const ref = pylonTicketRef(attachment);
    const ticketId = ref ? told.get(ref.number) : undefined;
    if (!ticketId || !record.results.posted?.[ticketId]) continue;
    await recordTold(linear, { attachment, issue }, ctx.now()).catch((error: unknown) => {
      if (error instanceof AuthError) throw error;
      ctx.io.warn(`Posted, but the time of this update was not recorded on ${issue.identifier}'s link to Pylon #${ref!.number}; \`triage followups\` may list it again.`);
    });
  }
  return result;
}
