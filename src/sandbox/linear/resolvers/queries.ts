import type { LinearRequestContext } from '../context.js';
import { invalidInput } from '../errors.js';
import {
  attachmentSpec,
  commentSpec,
  customerNeedSpec,
  customerSpec,
  issueLabelSpec,
  issueSpec,
  projectSpec,
  teamSpec,
  workflowStateSpec,
} from '../filter-specs.js';
import { matches } from '../filters.js';
import { findTeam, requireById, requireIssue, requireTeam } from '../lookup.js';
import { byTimestamp, paginate, sortNewestFirst, type Order } from '../pagination.js';
import { relevance } from '../search.js';
import { customerOrder, issueOrder, type SortInput } from '../sorting.js';
import type { LinearIssue } from '../state.js';
import { listConnection, type ListArgs } from './connections.js';
import { identifierOf, type SearchHit } from './issues.js';
import { resolversFor, type TypeResolvers } from './resolver.js';
import { userConnection } from './workspace.js';

type IdArgs = { id?: string | null };
type SortedArgs = ListArgs & { sort?: readonly SortInput[] | null; sorts?: readonly SortInput[] | null };
type SearchArgs = ListArgs & { term?: string; query?: string | null; teamId?: string | null; includeComments?: boolean | null };

function requiredId(args: IdArgs): string {
  if (!args.id) throw invalidInput('id is required');
  return args.id;
}

const isArchived = (issue: LinearIssue): boolean => issue.archivedAt !== null;

/**
 * Issues ranked by how well they match the term, best first (or by `orderBy` when given, as Linear does).
 * Search text is title plus description, plus comments when `includeComments` is set.
 */
function rankedIssues(ctx: LinearRequestContext, args: SearchArgs, term: string): SearchHit[] {
  const team = args.teamId ? findTeam(ctx.state, args.teamId) : undefined;
  if (args.teamId && !team) throw invalidInput(`Entity not found: Team`, 'Could not find referenced Team.');
  const hits: SearchHit[] = [];
  for (const issue of ctx.state.issues) {
    if (!args.includeArchived && isArchived(issue)) continue;
    if (team && issue.teamId !== team.id) continue;
    if (!matches(issueSpec, issue, args.filter, ctx)) continue;
    const comments = args.includeComments ? ctx.state.comments.filter((c) => c.issueId === issue.id).map((c) => c.body) : [];
    const searchScore = relevance(term, {
      identifier: identifierOf(ctx, issue),
      title: issue.title,
      body: [issue.description ?? '', ...comments].join('\n'),
    });
    if (searchScore > 0) hits.push({ ...issue, searchScore });
  }
  const order: Order<SearchHit> = args.orderBy
    ? byTimestamp<SearchHit>(args.orderBy)
    : (a, b) => (b.searchScore ?? 0) - (a.searchScore ?? 0) || Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  return sortNewestFirst(hits, order);
}

const query = resolversFor<unknown>({
  viewer: (_s, _a, ctx) => ctx.viewer,
  organization: (_s, _a, ctx) => ctx.state.organization,
  rateLimitStatus: (_s, _a, ctx) => ctx.rateLimit(),

  teams: (_s, args: ListArgs, ctx) => listConnection(ctx.state.teams, teamSpec, args, ctx),
  team: (_s, args: IdArgs, ctx) => requireTeam(ctx.state, requiredId(args)),
  workflowStates: (_s, args: ListArgs, ctx) => listConnection(ctx.state.workflowStates, workflowStateSpec, args, ctx),
  workflowState: (_s, args: IdArgs, ctx) => requireById(ctx.state.workflowStates, args.id, 'WorkflowState'),
  issueLabels: (_s, args: ListArgs, ctx) => listConnection(ctx.state.issueLabels, issueLabelSpec, args, ctx),
  issueLabel: (_s, args: IdArgs, ctx) => requireById(ctx.state.issueLabels, args.id, 'IssueLabel'),
  users: (_s, args: SortedArgs & { includeDisabled?: boolean | null }, ctx) => userConnection(ctx.state.users, args, ctx),
  user: (_s, args: IdArgs, ctx) => requireById(ctx.state.users, args.id, 'User'),
  projects: (_s, args: ListArgs, ctx) => listConnection(ctx.state.projects, projectSpec, args, ctx),
  project: (_s, args: IdArgs, ctx) => requireById(ctx.state.projects, args.id, 'Project'),

  issue: (_s, args: IdArgs, ctx) => requireIssue(ctx.state, requiredId(args)),
  issues: (_s, args: SortedArgs, ctx) =>
    listConnection(ctx.state.issues, issueSpec, args, ctx, { archived: isArchived, order: issueOrder(args.sort, args.orderBy) }),
  searchIssues: (_s, args: SearchArgs, ctx) => {
    const hits = rankedIssues(ctx, args, args.term ?? '');
    return {
      ...paginate(hits, () => true, args),
      totalCount: hits.length,
      archivePayload: { archive: '', totalCount: 0, databaseVersion: ctx.state.lastSyncId, includesDependencies: [] },
    };
  },
  issueSearch: (_s, args: SearchArgs, ctx) => {
    const term = args.query?.trim();
    if (!term) return listConnection(ctx.state.issues, issueSpec, args, ctx, { archived: isArchived });
    return paginate(rankedIssues(ctx, args, term), () => true, args);
  },

  attachment: (_s, args: IdArgs, ctx) => requireById(ctx.state.attachments, args.id, 'Attachment'),
  attachments: (_s, args: ListArgs, ctx) => listConnection(ctx.state.attachments, attachmentSpec, args, ctx),
  attachmentsForURL: (_s, args: ListArgs & { url?: string }, ctx) =>
    listConnection(
      ctx.state.attachments.filter((a) => a.url === args.url),
      attachmentSpec,
      { ...args, filter: null },
      ctx,
    ),
  comment: (_s, args: IdArgs, ctx) => requireById(ctx.state.comments, requiredId(args), 'Comment'),
  comments: (_s, args: ListArgs, ctx) => listConnection(ctx.state.comments, commentSpec, args, ctx),

  customer: (_s, args: IdArgs, ctx) => requireById(ctx.state.customers, args.id, 'Customer'),
  customers: (_s, args: SortedArgs, ctx) => listConnection(ctx.state.customers, customerSpec, args, ctx, { order: customerOrder(args.sorts, args.orderBy) }),
  customerNeed: (_s, args: IdArgs, ctx) => requireById(ctx.state.customerNeeds, requiredId(args), 'CustomerNeed'),
  customerNeeds: (_s, args: ListArgs, ctx) => listConnection(ctx.state.customerNeeds, customerNeedSpec, args, ctx),
});

export const queryResolvers: Readonly<Record<string, TypeResolvers>> = { Query: query };
