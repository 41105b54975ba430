import { createHash } from 'node:crypto';
import type { Context } from '../../context.js';
import type { TriageConfig } from '../../config/config.js';
import { calendarDateOf } from '../../core/calendar-date.js';
import { draftCustomerUpdate, type CustomerUpdateDraft } from '../../core/customer-update.js';
import { etaFromComments } from '../../core/eta-comment.js';
import { decideFollowup, readLastUpdate, type FollowupDecision } from '../../core/followups.js';
import { githubIssueRef, type GitHubIssueRef } from '../../core/linked-refs.js';
import { updateMarker } from '../../core/message-html.js';
import { priorityFromLinear, type Priority } from '../../core/priority.js';
import { createRedactor } from '../../core/redaction/index.js';
import { readAgreed } from '../../core/sync/agreed.js';
import { parseSince } from '../../core/sync/since.js';
import { AuthError, TriageError, UsageError } from '../../errors.js';
import { openJournal } from '../../filing/open-journal.js';
import { resolvePages, type ResolvedPage } from '../../filing/resolve-pages.js';
import { updateRecord, type UpdateRecord } from '../../filing/record.js';
import { hasToken } from '../../services/credentials.js';
import { parseRepo } from '../../services/github/types.js';
import { LinearGateway } from '../../services/linear/gateway.js';
import type { LinearAttachment, LinearFollowupIssue } from '../../services/linear/types.js';
import type { PylonGateway } from '../../services/pylon/gateway.js';
import { runFilingSteps } from '../new/run.js';
import { mapBounded } from '../sync/bounded.js';
import { candidateFilter, isLinearUuid } from '../sync/collect.js';
import type { FollowupsOptions } from './options.js';
import { recordTold } from './told.js';

export interface FollowupRow {
  ticket: { id: string; number: number; link: string; accountId: string | undefined };
  customer: string | null;
  issue: LinearFollowupIssue;
  /** The Linear attachment linking the ticket: where what the customer was last told is recorded. */
  attachment: LinearAttachment;
  decision: FollowupDecision;
  github: GitHubIssueRef | undefined;
  eta: string | undefined;
  draft: CustomerUpdateDraft;
  /** Derived from the ticket, the issue and what changed: a rerun (here or elsewhere) finds the same post. */
  updateId: string;
  command: string;
  posted?: { mode: 'reply' | 'note'; messageId: string };
  skipped?: string;
  error?: string;
}


export interface FollowupsResult {
  generatedAt: string;
  scope: FollowupsOptions['scope'];
  /** Linked tickets looked at (in scope). */
  looked: number;
  rows: FollowupRow[];
  resolved: ResolvedPage[];
}

interface Pair {
  ticket: FollowupRow['ticket'];
  linearId: string;
}

/** A uuid-shaped id from what identifies one owed update (journal ids are uuids). */
function stableId(parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function progress(ctx: Context, message: string): void {
  ctx.io.progress(message);
}

/** Pylon in pages, then each page's Linear issues a hundred per request: requests grow with pages, not tickets. */
async function collect(ctx: Context, config: TriageConfig, options: FollowupsOptions, pylon: PylonGateway, linear: LinearGateway) {
  const since = parseSince(config.followups.since, ctx.now());
  if (!since.ok) throw new UsageError(since.message);
  const viewer = options.scope.kind === 'mine' ? await linear.viewer() : undefined;
  const wanted = new Set(options.tickets);
  const found: Array<{ pair: Pair; issue: LinearFollowupIssue; attachment: LinearAttachment }> = [];
  let scanned = 0;
  for await (const page of pylon.searchIssuePages(candidateFilter(since.at), { pageSize: config.pylon.sync.pageSize })) {
    scanned += page.length;
    const pairs: Pair[] = [];
    for (const t of page) {
      if (wanted.size && !wanted.has(t.number)) continue;
      for (const e of t.external_issues ?? []) {
        if (e.source === 'linear' && isLinearUuid(e.external_id)) pairs.push({ ticket: { id: t.id, number: t.number, link: t.link, accountId: t.account?.id }, linearId: e.external_id });
      }
    }
    const ids = [...new Set(pairs.map((p) => p.linearId))];
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += LinearGateway.FOLLOWUPS_BATCH_MAX) batches.push(ids.slice(i, i + LinearGateway.FOLLOWUPS_BATCH_MAX));
    const issues = new Map<string, LinearFollowupIssue>();
    await mapBounded(batches, config.pylon.sync.concurrency, async (batch) => {
      for (const issue of await linear.issuesForFollowups(batch)) issues.set(issue.id, issue);
    });
    for (const pair of pairs) {
      const issue = issues.get(pair.linearId);
      if (!issue) continue;
      if (options.scope.kind === 'mine' && issue.assignee?.email.toLowerCase() !== viewer!.email.toLowerCase()) continue;
      if (options.scope.kind === 'teams' && !options.scope.teams.includes(issue.team.key.toUpperCase())) continue;
      // Only a ticket triage linked (its attachment) can record what the customer was told.
      const attachment = issue.attachments.find((a) => a.url === pair.ticket.link);
      if (!attachment) continue;
      found.push({ pair, issue, attachment });
    }
    progress(ctx, `read ${scanned} Pylon ticket${scanned === 1 ? '' : 's'}, ${found.length} linked in scope`);
  }
  return found;
}

/** The ETA triage announced on each GitHub issue (only open issues need it), a few at a time. */
async function readEtas(ctx: Context, refs: GitHubIssueRef[], concurrency: number): Promise<Map<string, string>> {
  const etas = new Map<string, string>();
  if (refs.length === 0) return etas;
  if (!hasToken(ctx.env, 'github')) {
    ctx.io.warn('GITHUB_TOKEN is not set: ETAs on the GitHub issues were not read, so passed ETAs are not listed.');
    return etas;
  }
  const github = await ctx.github();
  await mapBounded(
    refs,
    concurrency,
    async (ref) => {
      const eta = etaFromComments(await github.comments(parseRepo(ref.repo), ref.number));
      if (eta) etas.set(ref.url, eta);
    },
    (error) => error instanceof AuthError,
  );
  return etas;
}

export async function runFollowups(ctx: Context, options: FollowupsOptions): Promise<FollowupsResult> {
  ctx.useConfigPath(options.configPath);
  const config = await ctx.config();
  const [pylon, linear] = await Promise.all([ctx.pylon(), ctx.linear()]);
  const now = ctx.now();
  const found = await collect(ctx, config, options, pylon, linear);

  const open = (i: LinearFollowupIssue) => i.state.type !== 'completed' && i.state.type !== 'canceled';
  const githubOf = (i: LinearFollowupIssue) => i.attachments.map((a) => githubIssueRef(a.url)).find(Boolean);
  const refs = new Map<string, GitHubIssueRef>();
  for (const f of found) {
    const ref = githubOf(f.issue);
    if (ref && open(f.issue)) refs.set(ref.url, ref);
  }
  const etas = await readEtas(ctx, [...refs.values()], config.pylon.sync.concurrency);
  const today = calendarDateOf(now, config.eta.timeZone);

  const owed: Array<Omit<FollowupRow, 'customer' | 'draft' | 'updateId' | 'command'>> = [];
  for (const f of found) {
    const github = githubOf(f.issue);
    const eta = github ? etas.get(github.url) : undefined;
    const priority: Priority | null = priorityFromLinear(f.issue.priority) ?? null;
    const agreed = readAgreed(f.attachment.metadata);
    const decision = decideFollowup({
      issue: { stateType: f.issue.state.type, stateName: f.issue.state.name, priority, completedAt: f.issue.completedAt, canceledAt: f.issue.canceledAt },
      lastUpdate: readLastUpdate(f.attachment.metadata),
      baseline: { at: f.attachment.createdAt ?? now.toISOString(), priority: agreed },
      eta,
      today,
      now,
      staleUrgentHours: config.followups.staleUrgentHours,
    });
    if (decision) owed.push({ ticket: f.pair.ticket, issue: f.issue, attachment: f.attachment, decision, github, eta });
  }

  const names = await accountsOf(pylon, owed.map((r) => r.ticket.accountId), config.pylon.sync.concurrency);
  const rows: FollowupRow[] = [];
  for (const r of owed.sort((a, b) => a.ticket.number - b.ticket.number)) {
    const account = r.ticket.accountId ? names.get(r.ticket.accountId) : undefined;
    const redactor = createRedactor({
      target: 'github',
      identity: { customers: account ? [account.name] : [], domains: account?.domains ?? [] },
      allow: config.redaction.allow,
      extraPatterns: config.redaction.extraPatterns,
    });
    const priority = priorityFromLinear(r.issue.priority);
    const updateId = stableId([r.ticket.id, r.issue.id, r.decision.reasons.join(','), r.issue.state.name, String(r.issue.priority), r.decision.since]);
    const missed = r.decision.reasons.includes('etaMissed');
    const draft = await draftCustomerUpdate({
      situation: r.decision.situation,
      facts: {
        title: r.issue.title,
        priority,
        githubUrl: r.github?.url,
        etaDate: open(r.issue) && !missed ? r.eta : undefined,
        missedEtaDate: missed ? r.eta : undefined,
        onCall: priority === 'urgent' && Boolean(config.routing.onCall?.linear),
        stateName: r.issue.state.name,
        stateType: r.issue.state.type,
      },
      templates: config.templates.customerUpdate,
      redactor,
      marker: updateMarker(updateId),
    });
    rows.push({ ...r, customer: account?.name ?? null, draft, updateId, command: `triage followups --post --ticket ${r.ticket.number}` });
  }

  const result: FollowupsResult = { generatedAt: now.toISOString(), scope: options.scope, looked: found.length, rows, resolved: [] };
  if (options.post && rows.length) await postRows(ctx, config, options, linear, rows);
  result.resolved = await resolvePages(ctx, config, linear);
  return result;
}

async function accountsOf(pylon: PylonGateway, ids: Array<string | undefined>, concurrency: number): Promise<Map<string, { name: string; domains: string[] }>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const names = new Map<string, { name: string; domains: string[] }>();
  await mapBounded(
    unique,
    concurrency,
    async (id) => {
      const a = await pylon.account(id);
      names.set(id, { name: a.name, domains: [a.primary_domain, a.domain, ...(a.domains ?? [])].filter((d): d is string => Boolean(d)) });
    },
    (error) => error instanceof AuthError,
  );
  return names;
}

/**
 * Posts each draft as a journaled update, exactly like `triage update --reply`: the update's id comes from what
 * is owed, and the attempt is dated from the last update, so a rerun (or another machine) first looks for the post
 * among the ticket's messages. Then what the customer was told is recorded on the attachment.
 */
async function postRows(ctx: Context, config: TriageConfig, options: FollowupsOptions, linear: LinearGateway, rows: FollowupRow[]): Promise<void> {
  const fixed = options.mode ?? config.followups.postAs;
  if (!fixed && !ctx.io.interactive) {
    throw new UsageError(`Not posting ${rows.length} update${rows.length === 1 ? '' : 's'}: say how (there is no terminal to ask in)`, {
      hint: 'Pass --reply (to the customer) or --note (internal), or set followups.postAs in the config.',
    });
  }
  const journal = await openJournal(ctx);
  for (const row of rows) {
    let mode = fixed;
    if (!mode) {
      const choice = await ctx.prompter.select(`Post the update for Pylon ticket #${row.ticket.number} (${row.issue.identifier}, ${row.decision.changes.join('; ')})?`, [
        { value: 'reply', name: 'As a reply to the customer' },
        { value: 'note', name: 'As an internal note' },
        { value: 'skip', name: "Don't post it" },
      ] as const, { default: 'skip' });
      if (choice === 'skip') {
        row.skipped = 'not posted (chosen in the terminal)';
        continue;
      }
      mode = choice;
    }
    try {
      const existing = await journal.load(row.updateId);
      let record = existing && existing.kind === 'update' ? (existing as UpdateRecord) : undefined;
      if (!record) {
        const at = ctx.now().toISOString();
        const plan = { id: row.updateId, createdAt: at, issue: { id: row.issue.id, identifier: row.issue.identifier, url: row.issue.url, title: row.issue.title } };
        record = updateRecord(plan, { ...row.draft, post: { mode, targets: [{ ticketId: row.ticket.id, number: row.ticket.number }] } }, at);
        // Look before posting: an earlier run elsewhere may have posted this very update since the last one.
        record.postAttempts = { [row.ticket.id]: row.decision.since };
        await journal.save(record);
      }
      if (record.status !== 'complete') await runFilingSteps(ctx, journal, record);
      const posted = record.results.posted?.[row.ticket.id];
      if (posted) row.posted = posted;
      await recordTold(linear, row, ctx.now());
    } catch (error) {
      if (error instanceof AuthError) throw error;
      row.error = error instanceof TriageError ? error.message : 'unexpected error';
    }
  }
}

