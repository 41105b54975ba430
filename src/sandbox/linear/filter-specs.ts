import { attachmentsOfIssue } from './attachment-index.js';
import type { LinearRequestContext } from './context.js';
import { collection, content, relation, scalar, stringArray, type EntitySpec } from './filters.js';
import { byId } from './lookup.js';
import type {
  LinearAttachment,
  LinearComment,
  LinearCustomer,
  LinearCustomerNeed,
  LinearIssue,
  LinearIssueLabel,
  LinearProject,
  LinearTeam,
  LinearUser,
  LinearWorkflowState,
} from './state.js';

function defined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

const timestamps = <E extends { createdAt: string; updatedAt: string }>() => ({
  createdAt: scalar<E>('date', (e) => e.createdAt),
  updatedAt: scalar<E>('date', (e) => e.updatedAt),
});

export const teamSpec: EntitySpec<LinearTeam> = {
  name: 'Team',
  fields: {
    id: scalar('id', (t) => t.id),
    key: scalar('string', (t) => t.key),
    name: scalar('string', (t) => t.name),
    description: scalar('string', (t) => t.description),
    ...timestamps<LinearTeam>(),
  },
};

export const userSpec: EntitySpec<LinearUser> = {
  name: 'User',
  fields: {
    id: scalar('id', (u) => u.id),
    name: scalar('string', (u) => u.name),
    displayName: scalar('string', (u) => u.displayName),
    email: scalar('string', (u) => u.email),
    active: scalar('boolean', (u) => u.active),
    admin: scalar('boolean', (u) => u.admin),
    isMe: scalar('boolean', (u, ctx) => u.id === ctx.viewer.id),
    ...timestamps<LinearUser>(),
  },
};

export const projectSpec: EntitySpec<LinearProject> = {
  name: 'Project',
  fields: {
    id: scalar('id', (p) => p.id),
    name: scalar('string', (p) => p.name),
    ...timestamps<LinearProject>(),
  },
};

export const workflowStateSpec: EntitySpec<LinearWorkflowState> = {
  name: 'WorkflowState',
  fields: {
    id: scalar('id', (s) => s.id),
    name: scalar('string', (s) => s.name),
    type: scalar('string', (s) => s.type),
    description: scalar('string', (s) => s.description),
    position: scalar('number', (s) => s.position),
    team: relation(() => teamSpec, (s, ctx) => byId(ctx.state.teams, s.teamId)),
    ...timestamps<LinearWorkflowState>(),
  },
};

export const issueLabelSpec: EntitySpec<LinearIssueLabel> = {
  name: 'IssueLabel',
  fields: {
    id: scalar('id', (l) => l.id),
    name: scalar('string', (l) => l.name),
    isGroup: scalar('boolean', () => false),
    team: relation(() => teamSpec, (l, ctx) => byId(ctx.state.teams, l.teamId)),
    ...timestamps<LinearIssueLabel>(),
  },
};

export const attachmentSpec: EntitySpec<LinearAttachment> = {
  name: 'Attachment',
  fields: {
    id: scalar('id', (a) => a.id),
    url: scalar('string', (a) => a.url),
    title: scalar('string', (a) => a.title),
    subtitle: scalar('string', (a) => a.subtitle),
    sourceType: scalar('string', (a) => a.sourceType),
    creator: relation(() => userSpec, (a, ctx) => byId(ctx.state.users, a.creatorId)),
    ...timestamps<LinearAttachment>(),
  },
};

export const commentSpec: EntitySpec<LinearComment> = {
  name: 'Comment',
  fields: {
    id: scalar('id', (c) => c.id),
    body: scalar('string', (c) => c.body),
    user: relation(() => userSpec, (c, ctx) => byId(ctx.state.users, c.userId)),
    issue: relation(() => issueSpec, (c, ctx) => byId(ctx.state.issues, c.issueId)),
    ...timestamps<LinearComment>(),
  },
};

export const customerSpec: EntitySpec<LinearCustomer> = {
  name: 'Customer',
  fields: {
    id: scalar('id', (c) => c.id),
    name: scalar('string', (c) => c.name),
    domains: stringArray((c) => c.domains),
    externalIds: stringArray((c) => c.externalIds),
    revenue: scalar('number', (c) => c.revenue),
    size: scalar('number', (c) => c.size),
    ...timestamps<LinearCustomer>(),
  },
};

export const customerNeedSpec: EntitySpec<LinearCustomerNeed> = {
  name: 'CustomerNeed',
  fields: {
    id: scalar('id', (n) => n.id),
    priority: scalar('number', (n) => n.priority),
    customer: relation(() => customerSpec, (n, ctx) => byId(ctx.state.customers, n.customerId)),
    issue: relation(() => issueSpec, (n, ctx) => byId(ctx.state.issues, n.issueId)),
    ...timestamps<LinearCustomerNeed>(),
  },
};

function issueText(issue: LinearIssue, ctx: LinearRequestContext): string {
  const comments = ctx.state.comments.filter((c) => c.issueId === issue.id).map((c) => c.body);
  return [issue.title, issue.description ?? '', ...comments].join('\n');
}

export const issueSpec: EntitySpec<LinearIssue> = {
  name: 'Issue',
  fields: {
    id: scalar('id', (i) => i.id),
    number: scalar('number', (i) => i.number),
    title: scalar('string', (i) => i.title),
    description: scalar('string', (i) => i.description),
    priority: scalar('number', (i) => i.priority),
    searchableContent: content(issueText),
    ...timestamps<LinearIssue>(),
    archivedAt: scalar('date', (i) => i.archivedAt),
    startedAt: scalar('date', (i) => i.startedAt),
    completedAt: scalar('date', (i) => i.completedAt),
    canceledAt: scalar('date', (i) => i.canceledAt),
    team: relation(() => teamSpec, (i, ctx) => byId(ctx.state.teams, i.teamId)),
    state: relation(() => workflowStateSpec, (i, ctx) => byId(ctx.state.workflowStates, i.stateId)),
    assignee: relation(() => userSpec, (i, ctx) => byId(ctx.state.users, i.assigneeId)),
    creator: relation(() => userSpec, (i, ctx) => byId(ctx.state.users, i.creatorId)),
    project: relation(() => projectSpec, (i, ctx) => byId(ctx.state.projects, i.projectId)),
    labels: collection(() => issueLabelSpec, (i, ctx) => i.labelIds.map((id) => byId(ctx.state.issueLabels, id)).filter(defined)),
    attachments: collection(() => attachmentSpec, (i, ctx) => attachmentsOfIssue(ctx.state, i.id)),
    comments: collection(() => commentSpec, (i, ctx) => ctx.state.comments.filter((c) => c.issueId === i.id)),
    needs: collection(() => customerNeedSpec, (i, ctx) => ctx.state.customerNeeds.filter((n) => n.issueId === i.id)),
  },
};

/** Which spec evaluates each filter input type of the schema; a test keeps the two in step. */
export const filterSpecsByInputType: Readonly<Record<string, EntitySpec<never>>> = {
  IssueFilter: issueSpec,
  NullableIssueFilter: issueSpec,
  TeamFilter: teamSpec,
  NullableTeamFilter: teamSpec,
  WorkflowStateFilter: workflowStateSpec,
  IssueLabelFilter: issueLabelSpec,
  IssueLabelCollectionFilter: issueLabelSpec,
  UserFilter: userSpec,
  NullableUserFilter: userSpec,
  ProjectFilter: projectSpec,
  NullableProjectFilter: projectSpec,
  AttachmentFilter: attachmentSpec,
  AttachmentCollectionFilter: attachmentSpec,
  CommentFilter: commentSpec,
  CommentCollectionFilter: commentSpec,
  CustomerFilter: customerSpec,
  NullableCustomerFilter: customerSpec,
  CustomerNeedFilter: customerNeedSpec,
  CustomerNeedCollectionFilter: customerNeedSpec,
};
