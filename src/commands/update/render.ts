import type { IO } from '../../cli/io.js';
import { wrapBlock } from '../../cli/text-wrap.js';
import { describePriority, priorityFromLinear } from '../../core/priority.js';
import type { UpdateRecord } from '../../filing/record.js';
import type { UpdateResult } from './run.js';

/** The documented `--json` shape of `triage update` (README, "Feature requests and customer updates"). */
export function updateJson(result: UpdateResult) {
  const { issue } = result;
  const posts = postsOf(result.record);
  return {
    ok: true,
    filingId: result.record?.id ?? null,
    issue: { id: issue.id, identifier: issue.identifier, url: issue.url, title: issue.title, state: issue.state.name, stateType: issue.state.type, priority: priorityFromLinear(issue.priority) ?? null },
    github: result.github ? { repo: result.github.repo, number: result.github.number, url: result.github.url } : null,
    eta: result.eta ?? null,
    pylonTickets: result.tickets.map((t) => ({ number: t.number, url: t.url })),
    customerUpdate: {
      text: result.update.text,
      situation: result.update.situation,
      posted: result.update.post && posts.length ? result.update.post.mode : null,
      messageId: posts[0]?.messageId ?? null,
      posts,
    },
  };
}

function postsOf(record: UpdateRecord | undefined): Array<{ ticket: number; mode: 'reply' | 'note'; messageId: string }> {
  if (!record) return [];
  return (record.update?.post?.targets ?? []).flatMap((t) => {
    const posted = record.results.posted?.[t.ticketId];
    return posted ? [{ ticket: t.number, mode: posted.mode, messageId: posted.messageId }] : [];
  });
}

/** The draft is the data (stdout); where it stands and where it went is for the engineer (stderr). */
export function renderUpdate(io: IO, result: UpdateResult): void {
  const { issue } = result;
  const priority = priorityFromLinear(issue.priority);
  io.info(io.color.dim(`${issue.identifier} · ${issue.state.name} · ${priority ? describePriority(priority) : 'no priority'}${result.eta ? ` · ETA ${result.eta}` : ''}${result.github ? ` · ${result.github.url}` : ''}`));
  // Wrapped for reading; --json carries the text exactly as it is posted.
  io.out(wrapBlock(result.update.text, io.outProse));
  for (const post of postsOf(result.record)) io.success(`Posted as ${post.mode === 'reply' ? 'a reply' : 'an internal note'} on Pylon ticket #${post.ticket}`);
  if (!result.record && result.tickets.length) {
    io.info(io.color.dim(`Not posted. Post it on Pylon ticket${result.tickets.length === 1 ? '' : 's'} ${result.tickets.map((t) => `#${t.number}`).join(', ')} with --reply (or --note).`));
  }
}

/** `triage resume` of an update that stopped part-way. */
export function renderResumedUpdate(io: IO, record: UpdateRecord): void {
  for (const post of postsOf(record)) io.success(`Posted as ${post.mode === 'reply' ? 'a reply' : 'an internal note'} on Pylon ticket #${post.ticket}`);
  io.out(`Linear: ${record.plan.issue.url}`);
}

export function resumedUpdateJson(record: UpdateRecord) {
  const posts = postsOf(record);
  return { ok: true, filingId: record.id, issue: record.plan.issue, customerUpdate: { text: record.update?.text ?? '', situation: record.update?.situation ?? null, posted: posts.length ? record.update?.post?.mode ?? null : null, messageId: posts[0]?.messageId ?? null, posts } };
}
