import { attachmentsOfIssue } from '../attachment-index.js';
import type { LinearRequestContext } from '../context.js';
import { attachmentSpec, commentSpec, customerNeedSpec, issueLabelSpec } from '../filter-specs.js';
import { branchName, issueIdentifier, issueUrl, priorityLabel } from '../issue-naming.js';
import { byId, requireById, teamOf } from '../lookup.js';
import type { LinearAttachment, LinearComment, LinearIssue, LinearIssueLabel } from '../state.js';
import { listConnection } from './connections.js';
import { resolversFor, type TypeResolvers } from './resolver.js';

/** An issue as a search hit: the issue plus the relevance `IssueSearchResult.metadata` reports. */
export type SearchHit = LinearIssue & { searchScore?: number };

export function identifierOf(ctx: LinearRequestContext, issue: LinearIssue): string {
  return issueIdentifier(teamOf(ctx, issue), issue);
}

export function urlOf(ctx: LinearRequestContext, issue: LinearIssue): string {
  return issueUrl(ctx.webUrl, ctx.state.organization.urlKey, identifierOf(ctx, issue), issue.title);
}

const issue = resolversFor<SearchHit>({
  identifier: (i, _a, ctx) => identifierOf(ctx, i),
  priorityLabel: (i) => priorityLabel(i.priority),
  url: (i, _a, ctx) => urlOf(ctx, i),
  branchName: (i, _a, ctx) => branchName(byId(ctx.state.users, i.assigneeId) ?? ctx.viewer, identifierOf(ctx, i), i.title),
  team: (i, _a, ctx) => teamOf(ctx, i),
  state: (i, _a, ctx) => requireById(ctx.state.workflowStates, i.stateId, 'WorkflowState'),
  assignee: (i, _a, ctx) => byId(ctx.state.users, i.assigneeId) ?? null,
  creator: (i, _a, ctx) => byId(ctx.state.users, i.creatorId) ?? null,
  project: (i, _a, ctx) => byId(ctx.state.projects, i.projectId) ?? null,
  botActor: (i) => (i.createdAsUser ? { id: null, type: 'oauthClient', subType: null, name: i.createdAsUser, userDisplayName: i.createdAsUser, avatarUrl: null } : null),
  addedToTeamAt: (i) => i.createdAt,
  prioritySortOrder: (i) => i.sortOrder,
  boardOrder: (i) => i.sortOrder,
  customerTicketCount: (i, _a, ctx) => ctx.state.customerNeeds.filter((n) => n.issueId === i.id).length,
  sharedAccess: () => ({}),
  metadata: (i) => ({ score: i.searchScore ?? 0 }),
  labels: (i, args, ctx) =>
    listConnection(
      i.labelIds.map((id) => byId(ctx.state.issueLabels, id)).filter((l): l is LinearIssueLabel => l !== undefined),
      issueLabelSpec,
      args,
      ctx,
    ),
  attachments: (i, args, ctx) => listConnection(attachmentsOfIssue(ctx.state, i.id), attachmentSpec, args, ctx),
  comments: (i, args, ctx) => listConnection(ctx.state.comments.filter((c) => c.issueId === i.id), commentSpec, args, ctx),
  needs: (i, args, ctx) => listConnection(ctx.state.customerNeeds.filter((n) => n.issueId === i.id), customerNeedSpec, args, ctx),
});

const attachment = resolversFor<LinearAttachment>({
  issue: (a, _a, ctx) => requireById(ctx.state.issues, a.issueId, 'Issue'),
  creator: (a, _a, ctx) => byId(ctx.state.users, a.creatorId) ?? null,
});

const comment = resolversFor<LinearComment>({
  issue: (c, _a, ctx) => byId(ctx.state.issues, c.issueId) ?? null,
  user: (c, _a, ctx) => byId(ctx.state.users, c.userId) ?? null,
  url: (c, _a, ctx) => {
    const parent = byId(ctx.state.issues, c.issueId);
    return `${parent ? urlOf(ctx, parent) : `${ctx.webUrl}/${ctx.state.organization.urlKey}`}#comment-${c.id.slice(0, 8)}`;
  },
});

export const issueResolvers: Readonly<Record<string, TypeResolvers>> = {
  Issue: issue,
  IssueSearchResult: issue,
  Attachment: attachment,
  Comment: comment,
};
