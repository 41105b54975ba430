import type { LinearRequestContext } from '../context.js';
import { issueLabelSpec, issueSpec, userSpec, workflowStateSpec } from '../filter-specs.js';
import { stableUuid } from '../ids.js';
import { byId, requireById } from '../lookup.js';
import type { RateLimitSnapshot } from '../rate-limit.js';
import { userOrder, type SortInput } from '../sorting.js';
import { defaultIssueState, type LinearIssueLabel, type LinearOrganization, type LinearTeam, type LinearUser, type LinearWorkflowState } from '../state.js';
import { listConnection, type ListArgs } from './connections.js';
import { resolversFor, type TypeResolvers } from './resolver.js';

interface TeamMembershipSource {
  id: string;
  teamId: string;
  userId: string;
  owner: boolean;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

type UserListArgs = ListArgs & { includeDisabled?: boolean | null; sort?: readonly SortInput[] | null };

/** Users as `users`/`team.members` list them: suspended users only with `includeDisabled: true`. */
export function userConnection(users: readonly LinearUser[], args: UserListArgs, ctx: LinearRequestContext) {
  const visible = args.includeDisabled ? users : users.filter((u) => u.active);
  return listConnection(visible, userSpec, args, ctx, { order: userOrder(args.sort, args.orderBy) });
}

export function teamStates(ctx: LinearRequestContext, teamId: string): LinearWorkflowState[] {
  return ctx.state.workflowStates.filter((s) => s.teamId === teamId);
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[parts.length - 1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters.toUpperCase();
}

const organization = resolversFor<LinearOrganization>({
  updatedAt: (o) => o.createdAt,
  userCount: (_o, _a, ctx) => ctx.state.users.filter((u) => u.active).length,
  createdIssueCount: (_o, _a, ctx) => ctx.state.issues.length,
  customerCount: (_o, _a, ctx) => ctx.state.customers.length,
  customersEnabled: () => true,
  releaseChannel: () => 'public',
  projectUpdatesReminderFrequency: () => 'week',
  projectUpdateRemindersDay: () => 'Friday',
  initiativeUpdateRemindersDay: () => 'Friday',
  projectUpdateRemindersHour: () => 14,
  initiativeUpdateRemindersHour: () => 14,
  slaDayCount: () => 'all',
  suggestedBranchNameEnabled: () => true,
  gitLinkbackMessagesEnabled: () => true,
  roadmapEnabled: () => true,
  pullRequestIssueMode: () => 'link',
  slackProjectChannelPrefix: () => 'proj',
  allowedAuthServices: () => ['google', 'email'],
});

const user = resolversFor<LinearUser>({
  url: (u, _a, ctx) => `${ctx.webUrl}/${ctx.state.organization.urlKey}/profiles/${u.displayName}`,
  initials: (u) => initials(u.name),
  avatarBackgroundColor: () => '#5e6ad2',
  isMe: (u, _a, ctx) => u.id === ctx.viewer.id,
  isAssignable: (u) => u.active,
  isMentionable: (u) => u.active,
  owner: (u, _a, ctx) => ctx.state.users.find((candidate) => candidate.admin)?.id === u.id,
  canAccessAnyPublicTeam: () => true,
  createdIssueCount: (u, _a, ctx) => ctx.state.issues.filter((i) => i.creatorId === u.id).length,
  timezone: () => 'Etc/UTC',
});

const team = resolversFor<LinearTeam>({
  displayName: (t) => t.name,
  timezone: () => 'Etc/UTC',
  visibility: () => 'public',
  issueEstimationType: () => 'notUsed',
  setIssueSortOrderOnStateChange: () => 'default',
  cycleDuration: () => 1,
  cycleStartDay: () => 1,
  upcomingCycleCount: () => 2,
  autoArchivePeriod: () => 6,
  defaultIssueEstimate: () => 1,
  issueCount: (t, args: { includeArchived?: boolean | null }, ctx) => ctx.state.issues.filter((i) => i.teamId === t.id && (args.includeArchived === true || !i.archivedAt)).length,
  triageEnabled: (t, _a, ctx) => teamStates(ctx, t.id).some((s) => s.type === 'triage'),
  triageIssueState: (t, _a, ctx) => teamStates(ctx, t.id).find((s) => s.type === 'triage') ?? null,
  defaultIssueState: (t, _a, ctx) => defaultIssueState(t, teamStates(ctx, t.id)) ?? null,
  viewerMembership: (t, _a, ctx): TeamMembershipSource | null => {
    const index = t.memberIds.indexOf(ctx.viewer.id);
    if (index < 0) return null;
    return { id: stableUuid(`membership:${t.id}:${ctx.viewer.id}`), teamId: t.id, userId: ctx.viewer.id, owner: false, sortOrder: index, createdAt: t.createdAt, updatedAt: t.updatedAt };
  },
  viewerCanJoin: (t, _a, ctx) => !t.memberIds.includes(ctx.viewer.id),
  viewerCanLeave: (t, _a, ctx) => t.memberIds.includes(ctx.viewer.id),
  states: (t, args, ctx) => listConnection(teamStates(ctx, t.id), workflowStateSpec, args, ctx),
  labels: (t, args, ctx) => listConnection(ctx.state.issueLabels.filter((l) => l.teamId === t.id), issueLabelSpec, args, ctx),
  members: (t, args, ctx) =>
    userConnection(
      t.memberIds.map((id) => byId(ctx.state.users, id)).filter((u): u is LinearUser => u !== undefined),
      args,
      ctx,
    ),
  issues: (t, args, ctx) =>
    listConnection(
      ctx.state.issues.filter((i) => i.teamId === t.id),
      issueSpec,
      args,
      ctx,
      { archived: (i) => i.archivedAt !== null },
    ),
});

const teamMembership = resolversFor<TeamMembershipSource>({
  team: (m, _a, ctx) => requireById(ctx.state.teams, m.teamId, 'Team'),
  user: (m, _a, ctx) => requireById(ctx.state.users, m.userId, 'User'),
});

const workflowState = resolversFor<LinearWorkflowState>({
  team: (s, _a, ctx) => requireById(ctx.state.teams, s.teamId, 'Team'),
});

const issueLabel = resolversFor<LinearIssueLabel>({
  team: (l, _a, ctx) => byId(ctx.state.teams, l.teamId) ?? null,
});

const rateLimit = resolversFor<RateLimitSnapshot>({
  identifier: (_s, _a, ctx) => ctx.viewer.id,
  kind: (_s, _a, ctx) => (ctx.auth === 'oauth' ? 'oauth token' : 'api key'),
  limits: (s) => [
    { type: 'requestLimit', requestedAmount: 1, allowedAmount: s.requestsLimit, period: 3_600_000, remainingAmount: s.requestsRemaining, reset: s.resetAt },
    { type: 'complexityLimit', requestedAmount: 0, allowedAmount: s.complexityLimit, period: 3_600_000, remainingAmount: s.complexityRemaining, reset: s.resetAt },
  ],
});

export const workspaceResolvers: Readonly<Record<string, TypeResolvers>> = {
  Organization: organization,
  User: user,
  Team: team,
  TeamMembership: teamMembership,
  WorkflowState: workflowState,
  IssueLabel: issueLabel,
  RateLimitPayload: rateLimit,
};
