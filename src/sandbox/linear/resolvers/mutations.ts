import { attachmentsOfIssue } from '../attachment-index.js';
import type { LinearRequestContext } from '../context.js';
import { duplicateId, entityNotFound, invalidInput } from '../errors.js';
import { isUuid, newUuid } from '../ids.js';
import { byId, requireById, requireIssue } from '../lookup.js';
import {
  defaultIssueState,
  type JsonObject,
  type LinearAttachment,
  type LinearComment,
  type LinearCustomer,
  type LinearCustomerNeed,
  type LinearIssue,
  type LinearTeam,
  type LinearWorkflowState,
} from '../state.js';
import { resolversFor, type TypeResolvers } from './resolver.js';
import { teamStates } from './workspace.js';

interface IssueCreateInput {
  id?: string | null;
  teamId: string;
  title?: string | null;
  description?: string | null;
  priority?: number | null;
  stateId?: string | null;
  assigneeId?: string | null;
  labelIds?: string[] | null;
  projectId?: string | null;
  createAsUser?: string | null;
}

interface IssueUpdateInput {
  title?: string | null;
  description?: string | null;
  priority?: number | null;
  stateId?: string | null;
  assigneeId?: string | null;
  labelIds?: string[] | null;
  addedLabelIds?: string[] | null;
  removedLabelIds?: string[] | null;
  projectId?: string | null;
}

interface AttachmentCreateInput {
  id?: string | null;
  issueId: string;
  url: string;
  title: string;
  subtitle?: string | null;
  metadata?: JsonObject | null;
  iconUrl?: string | null;
  groupBySource?: boolean | null;
  createAsUser?: string | null;
}

interface AttachmentUpdateInput {
  title: string;
  subtitle?: string | null;
  metadata?: JsonObject | null;
  iconUrl?: string | null;
}

interface CommentCreateInput {
  id?: string | null;
  issueId?: string | null;
  body?: string | null;
  createAsUser?: string | null;
}

interface CustomerUpsertInput {
  id?: string | null;
  externalId?: string | null;
  name?: string | null;
  domains?: string[] | null;
  logoUrl?: string | null;
  revenue?: number | null;
  size?: number | null;
}

interface CustomerNeedCreateInput {
  id?: string | null;
  customerId?: string | null;
  customerExternalId?: string | null;
  issueId?: string | null;
  attachmentId?: string | null;
  body?: string | null;
  priority?: number | null;
  createAsUser?: string | null;
}

/** Whether the client sent the field at all; graphql-js leaves absent input fields out of the object. */
function has<T extends object>(input: T, key: keyof T): boolean {
  return Object.prototype.hasOwnProperty.call(input, key);
}

/** Every mutation moves the workspace's sync id, and its payload reports the new one. */
function commit(ctx: LinearRequestContext): number {
  ctx.state.lastSyncId += 1;
  return ctx.state.lastSyncId;
}

function clientId(id: string | null | undefined, entity: string, existing: readonly { id: string }[]): string {
  if (id === null || id === undefined) return newUuid();
  if (!isUuid(id)) throw invalidInput(`Argument Validation Error: id must be a UUID`, `The ${entity} id must be a UUID.`);
  if (byId(existing, id)) throw duplicateId(entity, id);
  return id;
}

function checkPriority(priority: number): number {
  if (!Number.isInteger(priority) || priority < 0 || priority > 4) {
    throw invalidInput('Argument Validation Error: priority must be an integer between 0 and 4', 'Priority must be between 0 (no priority) and 4 (low).');
  }
  return priority;
}

function checkTitle(title: string | null | undefined): string {
  if (typeof title !== 'string' || title.trim() === '') throw invalidInput('Argument Validation Error: title must not be empty', 'Title is required.');
  return title;
}

/** `createAsUser` is for OAuth applications acting as an app; Linear refuses it from a personal API key. */
function checkActor(ctx: LinearRequestContext, createAsUser: string | null | undefined): void {
  if (createAsUser && ctx.auth !== 'oauth') {
    throw invalidInput('createAsUser is only available to OAuth applications in actor=app mode', 'createAsUser can only be used by OAuth applications.');
  }
}

function stateOfTeam(ctx: LinearRequestContext, team: LinearTeam, stateId: string): LinearWorkflowState {
  const state = requireById(ctx.state.workflowStates, stateId, 'WorkflowState');
  if (state.teamId !== team.id) throw invalidInput(`Workflow state ${stateId} does not belong to team ${team.key}`, "The issue's status must belong to its team.");
  return state;
}

function labelsFor(ctx: LinearRequestContext, team: LinearTeam, labelIds: readonly string[]): string[] {
  const ids = [...new Set(labelIds)];
  for (const id of ids) {
    const label = requireById(ctx.state.issueLabels, id, 'IssueLabel');
    if (label.teamId !== null && label.teamId !== team.id) {
      throw invalidInput(`Label ${label.name} belongs to another team`, `The label "${label.name}" cannot be used on issues of team ${team.key}.`);
    }
  }
  return ids;
}

function checkUser(ctx: LinearRequestContext, userId: string | null | undefined): string | null {
  if (userId === null || userId === undefined) return null;
  return requireById(ctx.state.users, userId, 'User').id;
}

function checkProject(ctx: LinearRequestContext, projectId: string | null | undefined): string | null {
  if (projectId === null || projectId === undefined) return null;
  return requireById(ctx.state.projects, projectId, 'Project').id;
}

/** The lifecycle timestamps Linear keeps as an issue moves between state types. */
function enterState(issue: Pick<LinearIssue, 'startedAt' | 'completedAt' | 'canceledAt'>, state: LinearWorkflowState, now: string): void {
  if ((state.type === 'started' || state.type === 'completed') && !issue.startedAt) issue.startedAt = now;
  issue.completedAt = state.type === 'completed' ? (issue.completedAt ?? now) : null;
  issue.canceledAt = state.type === 'canceled' ? (issue.canceledAt ?? now) : null;
}

function checkUrl(url: string): string {
  try {
    new URL(url);
  } catch {
    throw invalidInput('Argument Validation Error: url must be a URL address', 'The attachment URL is not valid.');
  }
  return url;
}

function issueCreate(ctx: LinearRequestContext, input: IssueCreateInput) {
  const { state } = ctx;
  const id = clientId(input.id, 'Issue', state.issues);
  if (!isUuid(input.teamId)) throw invalidInput('Argument Validation Error: teamId must be a UUID', 'The team id must be a UUID.');
  const team = requireById(state.teams, input.teamId, 'Team');
  const title = checkTitle(input.title);
  const priority = checkPriority(input.priority ?? 0);
  const workflowState = input.stateId ? stateOfTeam(ctx, team, input.stateId) : defaultIssueState(team, teamStates(ctx, team.id));
  if (!workflowState) throw invalidInput(`Team ${team.key} has no backlog or unstarted state`, 'The team has no state for new issues.');
  const labelIds = labelsFor(ctx, team, input.labelIds ?? []);
  const assigneeId = checkUser(ctx, input.assigneeId);
  const projectId = checkProject(ctx, input.projectId);
  checkActor(ctx, input.createAsUser);

  const now = ctx.now();
  const number = state.issues.filter((i) => i.teamId === team.id).reduce((max, i) => Math.max(max, i.number), 0) + 1;
  const issue: LinearIssue = {
    id,
    teamId: team.id,
    number,
    title,
    description: input.description ?? null,
    priority,
    stateId: workflowState.id,
    assigneeId,
    labelIds,
    projectId,
    creatorId: ctx.viewer.id,
    archivedAt: null,
    startedAt: null,
    completedAt: null,
    canceledAt: null,
    sortOrder: -number,
    createdAsUser: input.createAsUser ?? null,
    createdAt: now,
    updatedAt: now,
  };
  enterState(issue, workflowState, now);
  state.issues.push(issue);
  return { lastSyncId: commit(ctx), success: true, issue };
}

function issueUpdate(ctx: LinearRequestContext, id: string, input: IssueUpdateInput) {
  const issue = requireIssue(ctx.state, id);
  const team = requireById(ctx.state.teams, issue.teamId, 'Team');
  const next: Partial<LinearIssue> = {};
  const now = ctx.now();
  if (has(input, 'title')) next.title = checkTitle(input.title);
  if (has(input, 'description')) next.description = input.description ?? null;
  if (has(input, 'priority')) next.priority = checkPriority(input.priority ?? 0);
  let enteredState: LinearWorkflowState | undefined;
  if (has(input, 'stateId')) {
    if (!input.stateId) throw invalidInput('Argument Validation Error: stateId must not be null', 'An issue must have a status.');
    enteredState = stateOfTeam(ctx, team, input.stateId);
    next.stateId = enteredState.id;
  }
  if (has(input, 'assigneeId')) next.assigneeId = checkUser(ctx, input.assigneeId);
  if (has(input, 'projectId')) next.projectId = checkProject(ctx, input.projectId);
  let labelIds = has(input, 'labelIds') ? labelsFor(ctx, team, input.labelIds ?? []) : issue.labelIds;
  if (input.addedLabelIds) labelIds = labelsFor(ctx, team, [...labelIds, ...input.addedLabelIds]);
  if (input.removedLabelIds) {
    const removed = new Set(input.removedLabelIds);
    labelIds = labelIds.filter((l) => !removed.has(l));
  }
  Object.assign(issue, next, { labelIds, updatedAt: now });
  if (enteredState) enterState(issue, enteredState, now);
  return { lastSyncId: commit(ctx), success: true, issue };
}

function attachmentCreate(ctx: LinearRequestContext, input: AttachmentCreateInput) {
  const issue = requireIssue(ctx.state, input.issueId);
  const url = checkUrl(input.url);
  checkActor(ctx, input.createAsUser);
  const now = ctx.now();
  // Linear keeps one attachment per URL per issue: creating it again updates the one that is there.
  const existing = attachmentsOfIssue(ctx.state, issue.id).find((a) => a.url === url);
  if (existing) {
    existing.title = input.title;
    if (has(input, 'subtitle')) existing.subtitle = input.subtitle ?? null;
    if (input.metadata) existing.metadata = input.metadata;
    if (has(input, 'iconUrl')) existing.iconUrl = input.iconUrl ?? null;
    existing.updatedAt = now;
    return { lastSyncId: commit(ctx), success: true, attachment: existing };
  }
  const attachment: LinearAttachment = {
    id: clientId(input.id, 'Attachment', ctx.state.attachments),
    issueId: issue.id,
    url,
    title: input.title,
    subtitle: input.subtitle ?? null,
    metadata: input.metadata ?? {},
    iconUrl: input.iconUrl ?? null,
    sourceType: null,
    groupBySource: input.groupBySource ?? false,
    creatorId: ctx.viewer.id,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.attachments.push(attachment);
  return { lastSyncId: commit(ctx), success: true, attachment };
}

function attachmentUpdate(ctx: LinearRequestContext, id: string, input: AttachmentUpdateInput) {
  const attachment = requireById(ctx.state.attachments, id, 'Attachment');
  attachment.title = input.title;
  if (has(input, 'subtitle')) attachment.subtitle = input.subtitle ?? null;
  if (input.metadata) attachment.metadata = input.metadata;
  if (has(input, 'iconUrl')) attachment.iconUrl = input.iconUrl ?? null;
  attachment.updatedAt = ctx.now();
  return { lastSyncId: commit(ctx), success: true, attachment };
}

function commentCreate(ctx: LinearRequestContext, input: CommentCreateInput) {
  if (!input.issueId) throw invalidInput('Argument Validation Error: issueId is required', 'A comment needs an issue.');
  const issue = requireIssue(ctx.state, input.issueId);
  if (!input.body || input.body.trim() === '') throw invalidInput('Argument Validation Error: body must not be empty', 'Comment body is required.');
  checkActor(ctx, input.createAsUser);
  const now = ctx.now();
  const comment: LinearComment = {
    id: clientId(input.id, 'Comment', ctx.state.comments),
    issueId: issue.id,
    body: input.body,
    userId: ctx.viewer.id,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.comments.push(comment);
  return { lastSyncId: commit(ctx), success: true, comment };
}

function normaliseDomains(domains: readonly string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
}

function customerUpsert(ctx: LinearRequestContext, input: CustomerUpsertInput) {
  const { customers } = ctx.state;
  let customer: LinearCustomer | undefined = byId(customers, input.id);
  if (!customer && input.externalId) customer = customers.find((c) => c.externalIds.includes(input.externalId as string));
  const domains = input.domains ? normaliseDomains(input.domains) : undefined;
  for (const domain of domains ?? []) {
    const owner = customers.find((c) => c !== customer && c.domains.includes(domain));
    if (owner) throw invalidInput(`Domain ${domain} is already used by customer ${owner.name}`, `The domain ${domain} already belongs to another customer.`);
  }
  const now = ctx.now();
  if (!customer) {
    if (!input.name?.trim()) throw invalidInput('Argument Validation Error: name is required to create a customer', 'A new customer needs a name.');
    const created: LinearCustomer = {
      id: input.id ? clientId(input.id, 'Customer', customers) : newUuid(),
      name: input.name,
      domains: domains ?? [],
      externalIds: input.externalId ? [input.externalId] : [],
      logoUrl: input.logoUrl ?? null,
      revenue: input.revenue ?? null,
      size: input.size ?? null,
      createdAt: now,
      updatedAt: now,
    };
    customers.push(created);
    return { lastSyncId: commit(ctx), success: true, customer: created };
  }
  if (input.name) customer.name = input.name;
  if (domains) customer.domains = domains;
  if (input.externalId && !customer.externalIds.includes(input.externalId)) customer.externalIds.push(input.externalId);
  if (has(input, 'logoUrl')) customer.logoUrl = input.logoUrl ?? null;
  if (has(input, 'revenue')) customer.revenue = input.revenue ?? null;
  if (has(input, 'size')) customer.size = input.size ?? null;
  customer.updatedAt = now;
  return { lastSyncId: commit(ctx), success: true, customer };
}

function customerNeedCreate(ctx: LinearRequestContext, input: CustomerNeedCreateInput) {
  const { state } = ctx;
  let customer: LinearCustomer | undefined;
  if (input.customerId) customer = requireById(state.customers, input.customerId, 'Customer');
  else if (input.customerExternalId) {
    customer = state.customers.find((c) => c.externalIds.includes(input.customerExternalId as string));
    if (!customer) throw entityNotFound('Customer');
  } else {
    throw invalidInput('Argument Validation Error: customerId or customerExternalId is required', 'A customer request needs a customer.');
  }
  if (!input.issueId) throw invalidInput('Argument Validation Error: issueId is required', 'A customer request needs an issue.');
  const issue = requireIssue(state, input.issueId);
  const attachmentId = input.attachmentId ? requireById(state.attachments, input.attachmentId, 'Attachment').id : null;
  const priority = input.priority ?? 0;
  if (priority !== 0 && priority !== 1) throw invalidInput('Argument Validation Error: priority must be 0 or 1', 'Priority is 0 (normal) or 1 (important).');
  checkActor(ctx, input.createAsUser);
  const now = ctx.now();
  const need: LinearCustomerNeed = {
    id: clientId(input.id, 'CustomerNeed', state.customerNeeds),
    customerId: customer.id,
    issueId: issue.id,
    body: input.body ?? null,
    priority,
    attachmentId,
    creatorId: ctx.viewer.id,
    createdAt: now,
    updatedAt: now,
  };
  state.customerNeeds.push(need);
  return { lastSyncId: commit(ctx), success: true, need };
}

const mutation = resolversFor<unknown>({
  issueCreate: (_s, args: { input: IssueCreateInput }, ctx) => issueCreate(ctx, args.input),
  issueUpdate: (_s, args: { id: string; input: IssueUpdateInput }, ctx) => issueUpdate(ctx, args.id, args.input),
  attachmentCreate: (_s, args: { input: AttachmentCreateInput }, ctx) => attachmentCreate(ctx, args.input),
  attachmentUpdate: (_s, args: { id: string; input: AttachmentUpdateInput }, ctx) => attachmentUpdate(ctx, args.id, args.input),
  commentCreate: (_s, args: { input: CommentCreateInput }, ctx) => commentCreate(ctx, args.input),
  customerUpsert: (_s, args: { input: CustomerUpsertInput }, ctx) => customerUpsert(ctx, args.input),
  customerNeedCreate: (_s, args: { input: CustomerNeedCreateInput }, ctx) => customerNeedCreate(ctx, args.input),
});

export const mutationResolvers: Readonly<Record<string, TypeResolvers>> = { Mutation: mutation };
