import { randomBytes } from 'node:crypto';
import { stableUuid } from './ids.js';

/**
 * The Linear workspace an emulator serves, as plain JSON: `JSON.parse(JSON.stringify(state))` is an equal state,
 * so a sandbox can persist it and tests can snapshot it. Timestamps are ISO strings; absent optional links are null.
 */
export interface LinearState {
  organization: LinearOrganization;
  users: LinearUser[];
  apiKeys: LinearApiKey[];
  teams: LinearTeam[];
  workflowStates: LinearWorkflowState[];
  issueLabels: LinearIssueLabel[];
  projects: LinearProject[];
  issues: LinearIssue[];
  attachments: LinearAttachment[];
  comments: LinearComment[];
  customers: LinearCustomer[];
  customerNeeds: LinearCustomerNeed[];
  /** Bumped by every mutation and returned in its payload, as Linear's sync id is. */
  lastSyncId: number;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type WorkflowStateType = 'triage' | 'backlog' | 'unstarted' | 'started' | 'completed' | 'canceled';

export const workflowStateTypes: readonly WorkflowStateType[] = ['triage', 'backlog', 'unstarted', 'started', 'completed', 'canceled'];

interface Timestamps {
  createdAt: string;
  updatedAt: string;
}

export interface LinearOrganization {
  id: string;
  name: string;
  urlKey: string;
  createdAt: string;
}

export interface LinearUser extends Timestamps {
  id: string;
  name: string;
  displayName: string;
  email: string;
  active: boolean;
  admin: boolean;
}

/** A personal API key (sent raw in `Authorization`) or an OAuth access token (sent as `Bearer <key>`). */
export interface LinearApiKey {
  key: string;
  userId: string;
}

export interface LinearTeam extends Timestamps {
  id: string;
  key: string;
  name: string;
  description: string | null;
  /** Users on the team, in order. */
  memberIds: string[];
  /** The state new issues get when the create names none; null means the first backlog (else unstarted) state. */
  defaultIssueStateId: string | null;
}

export interface LinearWorkflowState extends Timestamps {
  id: string;
  teamId: string;
  name: string;
  type: WorkflowStateType;
  position: number;
  color: string;
  description: string | null;
}

export interface LinearIssueLabel extends Timestamps {
  id: string;
  name: string;
  /** Null for a workspace label, usable on every team's issues. */
  teamId: string | null;
  color: string;
  description: string | null;
}

export interface LinearProject extends Timestamps {
  id: string;
  name: string;
}

export interface LinearIssue extends Timestamps {
  id: string;
  teamId: string;
  number: number;
  title: string;
  description: string | null;
  /** 0 = no priority, 1 = urgent, 2 = high, 3 = medium, 4 = low. */
  priority: number;
  stateId: string;
  assigneeId: string | null;
  labelIds: string[];
  projectId: string | null;
  creatorId: string | null;
  archivedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  canceledAt: string | null;
  sortOrder: number;
  /** The display name an OAuth app created the issue as (`createAsUser`). */
  createdAsUser: string | null;
}

export interface LinearAttachment extends Timestamps {
  id: string;
  issueId: string;
  url: string;
  title: string;
  subtitle: string | null;
  metadata: JsonObject;
  iconUrl: string | null;
  sourceType: string | null;
  groupBySource: boolean;
  creatorId: string | null;
}

export interface LinearComment extends Timestamps {
  id: string;
  issueId: string;
  body: string;
  userId: string | null;
}

export interface LinearCustomer extends Timestamps {
  id: string;
  name: string;
  domains: string[];
  externalIds: string[];
  logoUrl: string | null;
  revenue: number | null;
  size: number | null;
}

export interface LinearCustomerNeed extends Timestamps {
  id: string;
  customerId: string;
  issueId: string | null;
  body: string | null;
  /** 0 = not important, 1 = important. */
  priority: number;
  attachmentId: string | null;
  creatorId: string | null;
}

type Seed<T, Required extends keyof T> = Partial<T> & Pick<T, Required>;

/**
 * What `createLinearState` accepts: every collection optional, every entity partial. Cross references may use
 * the natural key instead of the id where one exists: a team key for `teamId`, a state name (within the issue's
 * team) for `stateId`, a label name for `labelIds`, an email for user references, a customer name for `customerId`.
 */
export interface LinearStateInput {
  organization?: Partial<LinearOrganization>;
  users?: Seed<LinearUser, 'email'>[];
  apiKeys?: Seed<LinearApiKey, 'key'>[];
  teams?: Seed<LinearTeam, 'key'>[];
  workflowStates?: Seed<LinearWorkflowState, 'teamId' | 'name' | 'type'>[];
  issueLabels?: Seed<LinearIssueLabel, 'name'>[];
  projects?: Seed<LinearProject, 'name'>[];
  issues?: Seed<LinearIssue, 'teamId' | 'title'>[];
  attachments?: Seed<LinearAttachment, 'issueId' | 'url'>[];
  comments?: Seed<LinearComment, 'issueId' | 'body'>[];
  customers?: Seed<LinearCustomer, 'name'>[];
  customerNeeds?: Seed<LinearCustomerNeed, 'customerId'>[];
  lastSyncId?: number;
}

const DEFAULT_STATES: readonly { name: string; type: WorkflowStateType; color: string }[] = [
  { name: 'Backlog', type: 'backlog', color: '#bec2c8' },
  { name: 'Todo', type: 'unstarted', color: '#e2e2e2' },
  { name: 'In Progress', type: 'started', color: '#f2c94c' },
  { name: 'Done', type: 'completed', color: '#5e6ad2' },
  { name: 'Canceled', type: 'canceled', color: '#95a2b3' },
  { name: 'Duplicate', type: 'canceled', color: '#95a2b3' },
];

/** Colours Linear gives states of each type when none is chosen. */
export const stateTypeColors: Readonly<Record<WorkflowStateType, string>> = {
  triage: '#fc7840',
  backlog: '#bec2c8',
  unstarted: '#e2e2e2',
  started: '#f2c94c',
  completed: '#5e6ad2',
  canceled: '#95a2b3',
};

const DEFAULT_LABEL_COLOR = '#bec2c8';

/**
 * Builds a complete workspace from a small description. Anything left out gets a default: an "Acme" organisation,
 * one admin user, one personal API key (random, read it from `state.apiKeys[0].key`), an "ENG" team, Linear's
 * default workflow states for every team given none, and per-team issue numbers in the order issues are listed.
 * Ids left out are derived from natural keys, so the same input always gives the same ids.
 */
export function createLinearState(input: LinearStateInput = {}): LinearState {
  // Spread the fixture's timestamps a millisecond apart so default (createdAt) ordering follows listing order.
  const base = Date.parse(input.organization?.createdAt ?? '2024-01-01T00:00:00.000Z');
  let tick = 0;
  /** A given timestamp in canonical ISO form (so `DateTime` can serialise it), else the next fixture tick. */
  const stamp = (given?: string | null): string => (given ? new Date(given).toISOString() : new Date(base + tick++).toISOString());
  const maybe = (given: string | null | undefined): string | null => (given ? new Date(given).toISOString() : null);

  const organization: LinearOrganization = {
    id: input.organization?.id ?? stableUuid('organization'),
    name: input.organization?.name ?? 'Acme',
    urlKey: input.organization?.urlKey ?? 'acme',
    createdAt: new Date(base).toISOString(),
  };

  const users: LinearUser[] = (input.users ?? [{ email: 'ada@acme.test', name: 'Ada Lovelace', displayName: 'ada', admin: true }]).map((u) => {
    const name = u.name ?? u.email.split('@')[0] ?? u.email;
    const createdAt = stamp(u.createdAt);
    return {
      id: u.id ?? stableUuid(`user:${u.email}`),
      name,
      displayName: u.displayName ?? (name.split(/\s+/)[0] ?? name).toLowerCase(),
      email: u.email,
      active: u.active ?? true,
      admin: u.admin ?? false,
      createdAt,
      updatedAt: u.updatedAt ? stamp(u.updatedAt) : createdAt,
    };
  });
  const userRef = (ref: string | null | undefined): string | null => {
    if (ref === null || ref === undefined) return null;
    return users.find((u) => u.id === ref || u.email === ref)?.id ?? ref;
  };

  const apiKeys: LinearApiKey[] = (input.apiKeys ?? [{ key: `lin_api_${randomBytes(20).toString('hex')}` }]).map((k) => ({
    key: k.key,
    userId: userRef(k.userId) ?? users[0]?.id ?? '',
  }));

  const teams: LinearTeam[] = (input.teams ?? [{ key: 'ENG', name: 'Engineering' }]).map((t) => {
    const createdAt = stamp(t.createdAt);
    return {
      id: t.id ?? stableUuid(`team:${t.key}`),
      key: t.key,
      name: t.name ?? t.key,
      description: t.description ?? null,
      memberIds: (t.memberIds ?? users.map((u) => u.id)).map((m) => userRef(m) ?? m),
      defaultIssueStateId: t.defaultIssueStateId ?? null,
      createdAt,
      updatedAt: t.updatedAt ? stamp(t.updatedAt) : createdAt,
    };
  });
  const teamRef = (ref: string): string => teams.find((t) => t.id === ref || t.key === ref)?.id ?? ref;
  const teamKeyOf = (teamId: string): string => teams.find((t) => t.id === teamId)?.key ?? teamId;

  const stateSeeds: Seed<LinearWorkflowState, 'teamId' | 'name' | 'type'>[] = [...(input.workflowStates ?? [])];
  for (const team of teams) {
    if (stateSeeds.some((s) => teamRef(s.teamId) === team.id)) continue;
    DEFAULT_STATES.forEach((s, position) => stateSeeds.push({ ...s, teamId: team.id, position }));
  }
  const positions = new Map<string, number>();
  const workflowStates: LinearWorkflowState[] = stateSeeds.map((s) => {
    const teamId = teamRef(s.teamId);
    const position = s.position ?? positions.get(teamId) ?? 0;
    positions.set(teamId, position + 1);
    const createdAt = stamp(s.createdAt);
    return {
      id: s.id ?? stableUuid(`state:${teamKeyOf(teamId)}:${s.name}`),
      teamId,
      name: s.name,
      type: s.type,
      position,
      color: s.color ?? stateTypeColors[s.type],
      description: s.description ?? null,
      createdAt,
      updatedAt: s.updatedAt ? stamp(s.updatedAt) : createdAt,
    };
  });
  for (const team of teams) {
    if (team.defaultIssueStateId) {
      const ref = team.defaultIssueStateId;
      team.defaultIssueStateId = workflowStates.find((s) => s.teamId === team.id && (s.id === ref || s.name === ref))?.id ?? ref;
    }
  }

  const issueLabels: LinearIssueLabel[] = (input.issueLabels ?? []).map((l) => {
    const teamId = l.teamId ? teamRef(l.teamId) : null;
    const createdAt = stamp(l.createdAt);
    return {
      id: l.id ?? stableUuid(`label:${teamId ? teamKeyOf(teamId) : '*'}:${l.name}`),
      name: l.name,
      teamId,
      color: l.color ?? DEFAULT_LABEL_COLOR,
      description: l.description ?? null,
      createdAt,
      updatedAt: l.updatedAt ? stamp(l.updatedAt) : createdAt,
    };
  });

  const projects: LinearProject[] = (input.projects ?? []).map((p) => {
    const createdAt = stamp(p.createdAt);
    return { id: p.id ?? stableUuid(`project:${p.name}`), name: p.name, createdAt, updatedAt: p.updatedAt ? stamp(p.updatedAt) : createdAt };
  });

  const numbers = new Map<string, number>();
  const issues: LinearIssue[] = (input.issues ?? []).map((i) => {
    const teamId = teamRef(i.teamId);
    const team = teams.find((t) => t.id === teamId);
    const number = i.number ?? (numbers.get(teamId) ?? 0) + 1;
    numbers.set(teamId, Math.max(number, numbers.get(teamId) ?? 0));
    const teamStates = workflowStates.filter((s) => s.teamId === teamId);
    const state =
      teamStates.find((s) => s.id === i.stateId || s.name === i.stateId) ??
      (i.stateId === undefined ? defaultIssueState(team, teamStates) : undefined);
    const stateType = state?.type;
    const createdAt = stamp(i.createdAt);
    const updatedAt = i.updatedAt ? stamp(i.updatedAt) : createdAt;
    return {
      id: i.id ?? stableUuid(`issue:${teamKeyOf(teamId)}-${number}`),
      teamId,
      number,
      title: i.title,
      description: i.description ?? null,
      priority: i.priority ?? 0,
      stateId: state?.id ?? i.stateId ?? '',
      assigneeId: userRef(i.assigneeId),
      labelIds: (i.labelIds ?? []).map((ref) => issueLabels.find((l) => (l.id === ref || l.name === ref) && (l.teamId === null || l.teamId === teamId))?.id ?? ref),
      projectId: i.projectId ? (projects.find((p) => p.id === i.projectId || p.name === i.projectId)?.id ?? i.projectId) : null,
      creatorId: i.creatorId === undefined ? (users[0]?.id ?? null) : userRef(i.creatorId),
      archivedAt: maybe(i.archivedAt),
      startedAt: maybe(i.startedAt) ?? (stateType === 'started' || stateType === 'completed' ? updatedAt : null),
      completedAt: maybe(i.completedAt) ?? (stateType === 'completed' ? updatedAt : null),
      canceledAt: maybe(i.canceledAt) ?? (stateType === 'canceled' ? updatedAt : null),
      sortOrder: i.sortOrder ?? -number,
      createdAsUser: i.createdAsUser ?? null,
      createdAt,
      updatedAt,
    };
  });
  const issueRef = (ref: string): string => {
    const match = /^([A-Za-z0-9]+)-(\d+)$/.exec(ref);
    if (match) {
      const team = teams.find((t) => t.key.toUpperCase() === match[1]?.toUpperCase());
      const found = issues.find((i) => i.teamId === team?.id && i.number === Number(match[2]));
      if (found) return found.id;
    }
    return ref;
  };

  const attachments: LinearAttachment[] = (input.attachments ?? []).map((a, index) => {
    const issueId = issueRef(a.issueId);
    const createdAt = stamp(a.createdAt);
    return {
      id: a.id ?? stableUuid(`attachment:${index}:${a.url}`),
      issueId,
      url: a.url,
      title: a.title ?? a.url,
      subtitle: a.subtitle ?? null,
      metadata: a.metadata ?? {},
      iconUrl: a.iconUrl ?? null,
      sourceType: a.sourceType ?? null,
      groupBySource: a.groupBySource ?? false,
      creatorId: a.creatorId === undefined ? (users[0]?.id ?? null) : userRef(a.creatorId),
      createdAt,
      updatedAt: a.updatedAt ? stamp(a.updatedAt) : createdAt,
    };
  });

  const comments: LinearComment[] = (input.comments ?? []).map((c, index) => {
    const createdAt = stamp(c.createdAt);
    return {
      id: c.id ?? stableUuid(`comment:${index}`),
      issueId: issueRef(c.issueId),
      body: c.body,
      userId: c.userId === undefined ? (users[0]?.id ?? null) : userRef(c.userId),
      createdAt,
      updatedAt: c.updatedAt ? stamp(c.updatedAt) : createdAt,
    };
  });

  const customers: LinearCustomer[] = (input.customers ?? []).map((c) => {
    const createdAt = stamp(c.createdAt);
    return {
      id: c.id ?? stableUuid(`customer:${c.name}`),
      name: c.name,
      domains: c.domains ?? [],
      externalIds: c.externalIds ?? [],
      logoUrl: c.logoUrl ?? null,
      revenue: c.revenue ?? null,
      size: c.size ?? null,
      createdAt,
      updatedAt: c.updatedAt ? stamp(c.updatedAt) : createdAt,
    };
  });

  const customerNeeds: LinearCustomerNeed[] = (input.customerNeeds ?? []).map((n, index) => {
    const createdAt = stamp(n.createdAt);
    return {
      id: n.id ?? stableUuid(`customer-need:${index}`),
      customerId: customers.find((c) => c.id === n.customerId || c.name === n.customerId)?.id ?? n.customerId,
      issueId: n.issueId ? issueRef(n.issueId) : null,
      body: n.body ?? null,
      priority: n.priority ?? 0,
      attachmentId: n.attachmentId ?? null,
      creatorId: n.creatorId === undefined ? (users[0]?.id ?? null) : userRef(n.creatorId),
      createdAt,
      updatedAt: n.updatedAt ? stamp(n.updatedAt) : createdAt,
    };
  });

  return {
    organization,
    users,
    apiKeys,
    teams,
    workflowStates,
    issueLabels,
    projects,
    issues,
    attachments,
    comments,
    customers,
    customerNeeds,
    lastSyncId: input.lastSyncId ?? 1000,
  };
}

/** The state an issue gets when its create names none: the team's default, else its first backlog, else unstarted state. */
export function defaultIssueState(team: LinearTeam | undefined, teamStates: readonly LinearWorkflowState[]): LinearWorkflowState | undefined {
  const byPosition = [...teamStates].sort((a, b) => a.position - b.position);
  return (
    byPosition.find((s) => s.id === team?.defaultIssueStateId) ??
    byPosition.find((s) => s.type === 'backlog') ??
    byPosition.find((s) => s.type === 'unstarted')
  );
}
