import type { Context } from '../../context.js';
import type { AppendTarget } from '../../core/append-plan.js';
import { linkedRefs } from '../../core/linked-refs.js';
import { priorityFromLinear, type Priority } from '../../core/priority.js';
import { UsageError } from '../../errors.js';

/** The existing ticket a feature request joins: it must exist and be open. Its GitHub issue comes from its link. */
export async function readAppendTarget(ctx: Context, identifier: string): Promise<{ target: AppendTarget; priority: Priority | null }> {
  const linear = await ctx.linear();
  const issue = await linear.issueDetails(identifier);
  if (!issue) {
    throw new UsageError(`--append-to ${identifier}: Linear has no such issue (or this API key cannot see it)`, {
      hint: 'Check the identifier, or file a new ticket with --new.',
    });
  }
  if (issue.state.type === 'completed' || issue.state.type === 'canceled') {
    throw new UsageError(`${issue.identifier} is ${issue.state.name}: a request is appended to open tickets only`, {
      hint: 'File a new ticket with --new (and mention the old one), or reopen it in Linear first.',
    });
  }
  const github = linkedRefs(issue.attachments).github;
  const target: AppendTarget = {
    id: issue.id,
    identifier: issue.identifier,
    url: issue.url,
    title: issue.title,
    priority: issue.priority,
    state: issue.state.name,
    team: issue.team.key,
    assignee: issue.assignee?.email ?? null,
    branchName: issue.branchName,
    ...(github ? { github } : {}),
  };
  return { target, priority: issue.priority === 0 ? null : (priorityFromLinear(issue.priority) ?? null) };
}
