import { randomBytes, randomUUID } from 'node:crypto';
import {
  AuthenticationLinearError,
  GraphqlLinearError,
  InvalidInputLinearError,
  LinearClient,
  LinearErrorType,
  RatelimitedLinearError,
  type Issue,
} from '@linear/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLinearEmulator, createLinearState, linearRateLimitedFault, rootFieldsOf, type LinearEmulator } from '../../src/sandbox/linear/emulator.js';
import type { LinearState } from '../../src/sandbox/linear/state.js';

const newKey = (): string => `lin_api_${randomBytes(20).toString('hex')}`;

function fixture(key: string): LinearState {
  return createLinearState({
    organization: { name: 'Acme', urlKey: 'acme' },
    users: [
      { email: 'sam@acme.test', name: 'Sam Rivera', admin: true },
      { email: 'erin@acme.test', name: 'Erin Park' },
      { email: 'gone@acme.test', name: 'Old Timer', active: false },
    ],
    apiKeys: [{ key, userId: 'sam@acme.test' }],
    teams: [
      { key: 'SUP', name: 'Support Engineering' },
      { key: 'ENG', name: 'Engineering' },
    ],
    issueLabels: [{ name: 'Customer' }, { name: 'Bug', teamId: 'SUP' }, { name: 'Exports', teamId: 'SUP' }, { name: 'Infra', teamId: 'ENG' }],
    projects: [{ name: 'Q3 Reliability' }],
  });
}

let key: string;
let emu: LinearEmulator;
let base: string;
let client: LinearClient;

beforeEach(async () => {
  key = newKey();
  emu = createLinearEmulator({ state: fixture(key) });
  base = await emu.start();
  client = new LinearClient({ apiKey: key, apiUrl: `${base}/graphql` });
});

afterEach(async () => {
  await emu.stop();
});

const team = (k: string) => emu.state.teams.find((t) => t.key === k)!;
const stateNamed = (teamKey: string, name: string) => emu.state.workflowStates.find((s) => s.teamId === team(teamKey).id && s.name === name)!;
const label = (name: string) => emu.state.issueLabels.find((l) => l.name === name)!;
const user = (email: string) => emu.state.users.find((u) => u.email === email)!;

async function raw(query: string, variables?: Record<string, unknown>, authorization: string | null = key) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('Linear emulator: workspace reads through the SDK', () => {
  it('answers viewer, organization, teams with states, labels and members', async () => {
    const viewer = await client.viewer;
    expect(viewer).toMatchObject({ name: 'Sam Rivera', email: 'sam@acme.test', displayName: 'sam', isMe: true });
    const org = await client.organization;
    expect(org).toMatchObject({ name: 'Acme', urlKey: 'acme' });

    const teams = await client.teams({ filter: { key: { eq: 'SUP' } } });
    expect(teams.nodes.map((t) => t.key)).toEqual(['SUP']);
    const sup = teams.nodes[0]!;
    const states = await sup.states();
    expect(states.nodes.map((s) => s.name).sort()).toEqual(['Backlog', 'Canceled', 'Done', 'Duplicate', 'In Progress', 'Todo']);
    expect((await sup.labels()).nodes.map((l) => l.name).sort()).toEqual(['Bug', 'Exports']);
    expect((await sup.members()).nodes.map((u) => u.email).sort()).toEqual(['erin@acme.test', 'sam@acme.test']);

    const byKey = await client.team('eng');
    expect(byKey.id).toBe(team('ENG').id);
    const defaultState = await byKey.defaultIssueState;
    expect(defaultState?.name).toBe('Backlog');
  });

  it('filters workflow states, labels and users the way Linear does', async () => {
    const started = await client.workflowStates({ filter: { team: { key: { eq: 'SUP' } }, type: { in: ['started', 'completed'] } } });
    expect(started.nodes.map((s) => s.name).sort()).toEqual(['Done', 'In Progress']);
    const todo = await client.workflowStates({ filter: { name: { eq: 'Todo' }, team: { key: { eq: 'ENG' } } } });
    expect(todo.nodes.map((s) => s.id)).toEqual([stateNamed('ENG', 'Todo').id]);

    const labels = await client.issueLabels({ filter: { name: { eqIgnoreCase: 'bug' } } });
    expect(labels.nodes.map((l) => l.id)).toEqual([label('Bug').id]);
    const workspace = await raw('query($n: [String!]) { issueLabels(filter: { name: { in: $n }, team: { null: true } }) { nodes { name } } }', { n: ['Customer', 'Bug'] });
    expect(workspace.body.data).toEqual({ issueLabels: { nodes: [{ name: 'Customer' }] } });

    const users = await client.users({ filter: { email: { in: ['erin@acme.test', 'gone@acme.test'] } } });
    expect(users.nodes.map((u) => u.email)).toEqual(['erin@acme.test']);
    const withDisabled = await client.users({ includeDisabled: true, filter: { active: { eq: false } } });
    expect(withDisabled.nodes.map((u) => u.email)).toEqual(['gone@acme.test']);
  });
});

describe('Linear emulator: issues', () => {
  it('creates an issue with a client id and reads it back with identifier, url, branch name and priority label', async () => {
    const id = randomUUID();
    const syncBefore = emu.state.lastSyncId;
    const payload = await client.createIssue({
      id,
      teamId: team('SUP').id,
      title: 'Export to CSV times out for large workspaces!',
      description: 'Globex cannot export 200k rows.',
      priority: 2,
      stateId: stateNamed('SUP', 'Todo').id,
      labelIds: [label('Exports').id, label('Customer').id],
      assigneeId: user('erin@acme.test').id,
    });
    expect(payload.success).toBe(true);
    expect(payload.lastSyncId).toBe(syncBefore + 1);
    expect(emu.server.requests.at(-1)?.operation).toBe('issueCreate');

    const issue = await client.issue(id);
    expect(issue).toMatchObject({
      id,
      identifier: 'SUP-1',
      number: 1,
      priority: 2,
      priorityLabel: 'High',
      url: 'https://linear.app/acme/issue/SUP-1/export-to-csv-times-out-for-large-workspaces',
      branchName: 'erin/sup-1-export-to-csv-times-out-for-large-workspaces',
    });
    expect((await issue.state)?.name).toBe('Todo');
    expect((await issue.team)?.key).toBe('SUP');
    expect((await issue.assignee)?.email).toBe('erin@acme.test');
    expect((await issue.creator)?.email).toBe('sam@acme.test');
    expect((await issue.labels()).nodes.map((l) => l.name).sort()).toEqual(['Customer', 'Exports']);

    const byIdentifier = await client.issue('sup-1');
    expect(byIdentifier.id).toBe(id);

    const second = await client.createIssue({ teamId: team('SUP').id, title: 'Unassigned, no state given' });
    const created = await second.issue;
    expect(created?.identifier).toBe('SUP-2');
    expect(created?.branchName).toBe('sam/sup-2-unassigned-no-state-given');
    expect((await created?.state)?.name).toBe('Backlog');
    expect(created?.priorityLabel).toBe('No priority');
  });

  it('rejects a second create with the same id, as a retried create would see it', async () => {
    const id = randomUUID();
    await client.createIssue({ id, teamId: team('SUP').id, title: 'First' });
    const error = await rejection(client.createIssue({ id, teamId: team('SUP').id, title: 'First, retried' }));
    expect(error).toBeInstanceOf(InvalidInputLinearError);
    const linearError = error as InvalidInputLinearError;
    expect(linearError.type).toBe(LinearErrorType.InvalidInput);
    expect(linearError.errors?.[0]?.userError).toBe(true);
    expect(linearError.errors?.[0]?.message).toMatch(/already exists/);
    expect(emu.state.issues.filter((i) => i.id === id)).toHaveLength(1);

    const response = await raw('mutation($input: IssueCreateInput!) { issueCreate(input: $input) { success } }', {
      input: { id, teamId: team('SUP').id, title: 'Again' },
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ type: 'invalid input', userError: true });
    expect(response.body.errors?.[0]?.extensions.userPresentableMessage).toEqual(expect.any(String));
  });

  it('rejects states of another team and unknown labels, and changes nothing', async () => {
    const before = JSON.stringify(emu.state);
    const wrongState = await rejection(client.createIssue({ teamId: team('SUP').id, title: 'x', stateId: stateNamed('ENG', 'Todo').id }));
    expect(wrongState).toBeInstanceOf(InvalidInputLinearError);
    const wrongLabel = await rejection(client.createIssue({ teamId: team('SUP').id, title: 'x', labelIds: [label('Infra').id] }));
    expect(wrongLabel).toBeInstanceOf(InvalidInputLinearError);
    const unknownLabel = await rejection(client.createIssue({ teamId: team('SUP').id, title: 'x', labelIds: [randomUUID()] }));
    expect((unknownLabel as InvalidInputLinearError).message).toContain('Could not find referenced IssueLabel.');
    expect(JSON.stringify(emu.state)).toBe(before);
  });

  it('updates priority, state, title, assignee and labels, moving updatedAt and lastSyncId', async () => {
    const created = await client.createIssue({ teamId: team('SUP').id, title: 'Flaky login', labelIds: [label('Bug').id] });
    const id = (await created.issue)!.id;
    const before = emu.state.issues.find((i) => i.id === id)!;
    const { updatedAt } = before;
    const payload = await client.updateIssue(id, {
      priority: 1,
      stateId: stateNamed('SUP', 'In Progress').id,
      title: 'Login fails for SSO users',
      assigneeId: user('erin@acme.test').id,
      labelIds: [label('Customer').id],
    });
    expect(payload.lastSyncId).toBe(created.lastSyncId + 1);
    const issue = emu.state.issues.find((i) => i.id === id)!;
    expect(issue).toMatchObject({ priority: 1, title: 'Login fails for SSO users', assigneeId: user('erin@acme.test').id, labelIds: [label('Customer').id] });
    expect(issue.startedAt).not.toBeNull();
    expect(Date.parse(issue.updatedAt)).toBeGreaterThan(Date.parse(updatedAt));

    await client.updateIssue(id, { assigneeId: null });
    expect(emu.state.issues.find((i) => i.id === id)?.assigneeId).toBeNull();
  });

  it('pages through 120 issues filtered by id with cursors', async () => {
    for (let n = 0; n < 130; n += 1) await client.createIssue({ teamId: team(n % 2 ? 'SUP' : 'ENG').id, title: `Issue ${n}` });
    const ids = emu.state.issues.slice(0, 120).map((i) => i.id);

    const seen: string[] = [];
    let page = await client.issues({ filter: { id: { in: ids } }, first: 50 });
    const pageSizes = [page.nodes.length];
    seen.push(...page.nodes.map((i) => i.id));
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    while (page.pageInfo.hasNextPage) {
      page = await client.issues({ filter: { id: { in: ids } }, first: 50, after: page.pageInfo.endCursor });
      pageSizes.push(page.nodes.length);
      seen.push(...page.nodes.map((i) => i.id));
    }
    expect(pageSizes).toEqual([50, 50, 20]);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen).toHaveLength(120);
    expect(page.pageInfo.hasPreviousPage).toBe(true);

    // The SDK's own connection helpers walk the same cursors.
    const connection = await client.issues({ filter: { id: { in: ids } } });
    expect(connection.nodes).toHaveLength(50);
    await connection.fetchNext();
    expect(connection.nodes).toHaveLength(100);

    const backwards = await client.issues({ filter: { id: { in: ids } }, last: 10, before: seen[20] });
    expect(backwards.nodes.map((i) => i.id)).toEqual(seen.slice(10, 20));
  });

  it('rejects pages larger than 250 as Linear does', async () => {
    const error = await rejection(client.issues({ first: 251 }));
    expect(error).toBeInstanceOf(InvalidInputLinearError);
    const response = await raw('{ issues(first: 300) { nodes { id } } }');
    expect(response.status).toBe(400);

    // 50 teams x 100 issues x 50 labels (unbounded connections count as 50) is far over 10,000 points.
    const tooComplex = await raw('{ teams { nodes { issues(first: 100) { nodes { id labels { nodes { id name } } } } } } }');
    expect(tooComplex.status).toBe(400);
    expect(tooComplex.body.errors?.[0]).toMatchObject({ message: 'Query too complex', extensions: { type: 'invalid input', code: 'INPUT_ERROR' } });
    expect(tooComplex.body.errors?.[0]?.extensions.userPresentableMessage).toMatch(/^The query is too complex\. Complexity: \d+(\.\d+)?\. Maximum allowed complexity: 10000\.$/);
  });

  it('filters issues by priority, state type, team key, labels, assignee, attachments, text and dates', async () => {
    const make = async (teamKey: string, title: string, extra: Record<string, unknown> = {}) => {
      const payload = await client.createIssue({ teamId: team(teamKey).id, title, ...extra });
      return (await payload.issue)!.id;
    };
    const urgent = await make('SUP', 'Checkout crashes on submit', { priority: 1, stateId: stateNamed('SUP', 'In Progress').id, labelIds: [label('Bug').id] });
    const high = await make('SUP', 'Slow dashboard', { priority: 2, assigneeId: user('erin@acme.test').id, description: 'Dashboard p95 is 9s' });
    const low = await make('ENG', 'Refactor billing module', { priority: 4, stateId: stateNamed('ENG', 'Done').id, labelIds: [label('Infra').id] });
    const none = await make('ENG', 'Investigate alerts');
    await client.createAttachment({ issueId: high, url: 'https://github.com/acme/app/issues/7', title: 'acme/app#7' });

    const ids = async (filter: Record<string, unknown>) => (await client.issues({ filter })).nodes.map((i) => i.id).sort();
    expect(await ids({ priority: { lte: 2, gte: 1 } })).toEqual([urgent, high].sort());
    expect(await ids({ priority: { in: [0, 4] } })).toEqual([low, none].sort());
    expect(await ids({ priority: { neq: 0 }, team: { key: { eq: 'ENG' } } })).toEqual([low]);
    expect(await ids({ state: { type: { in: ['started', 'completed'] } } })).toEqual([urgent, low].sort());
    expect(await ids({ state: { type: { nin: ['completed', 'canceled'] } }, team: { id: { eq: team('ENG').id } } })).toEqual([none]);
    expect(await ids({ state: { name: { eq: 'Backlog' } } })).toEqual([high, none].sort());
    expect(await ids({ labels: { name: { eq: 'Bug' } } })).toEqual([urgent]);
    expect(await ids({ labels: { some: { name: { in: ['Infra', 'Exports'] } } } })).toEqual([low]);
    expect(await ids({ assignee: { email: { eq: 'erin@acme.test' } } })).toEqual([high]);
    expect(await ids({ assignee: { null: true }, team: { key: { eq: 'SUP' } } })).toEqual([urgent]);
    expect(await ids({ attachments: { url: { startsWith: 'https://github.com/acme/' } } })).toEqual([high]);
    expect(await ids({ attachments: { url: { eq: 'https://github.com/acme/app/issues/7' } } })).toEqual([high]);
    expect(await ids({ title: { containsIgnoreCase: 'BILLING' } })).toEqual([low]);
    expect(await ids({ searchableContent: { contains: 'p95' } })).toEqual([high]);
    expect(await ids({ or: [{ priority: { eq: 1 } }, { number: { eq: 2 }, team: { key: { eq: 'ENG' } } }] })).toEqual([urgent, none].sort());
    expect(await ids({ and: [{ createdAt: { gt: '-P1D' } }, { updatedAt: { lt: 'P1D' } }], team: { key: { eq: 'ENG' } } })).toEqual([low, none].sort());
    expect(await ids({ createdAt: { lt: '-P1D' } })).toEqual([]);
  });

  it('hides archived issues unless includeArchived is set', async () => {
    const payload = await client.createIssue({ teamId: team('SUP').id, title: 'Old news' });
    const id = (await payload.issue)!.id;
    emu.state.issues.find((i) => i.id === id)!.archivedAt = new Date().toISOString();
    expect((await client.issues()).nodes.map((i) => i.id)).not.toContain(id);
    expect((await client.issues({ includeArchived: true })).nodes.map((i) => i.id)).toContain(id);
    expect((await client.issue(id)).archivedAt).toBeInstanceOf(Date);
  });

  it('ranks searchIssues results by word overlap and puts an exact identifier first', async () => {
    await client.createIssue({ teamId: team('SUP').id, title: 'Dark mode toggle', description: 'Users want a dark theme' });
    await client.createIssue({ teamId: team('SUP').id, title: 'CSV export times out', description: 'Export of large CSV files times out after 30s' });
    await client.createIssue({ teamId: team('ENG').id, title: 'Export button misaligned', description: 'Cosmetic' });

    const results = await client.searchIssues('csv export timeout times out');
    expect(results.nodes.map((r) => r.title)).toEqual(['CSV export times out', 'Export button misaligned']);
    expect(results.totalCount).toBe(2);
    expect(results.nodes[0]?.identifier).toBe('SUP-2');

    const scoped = await client.searchIssues('export', { teamId: team('ENG').id });
    expect(scoped.nodes.map((r) => r.identifier)).toEqual(['ENG-1']);
    const exact = await client.searchIssues('SUP-1');
    expect(exact.nodes[0]?.title).toBe('Dark mode toggle');
    expect((await client.searchIssues('nothing matches this')).nodes).toEqual([]);

    const legacy = await raw('{ issueSearch(query: "dark theme") { nodes { identifier } } }');
    expect(legacy.body.data).toEqual({ issueSearch: { nodes: [{ identifier: 'SUP-1' }] } });
  });
});

describe('Linear emulator: attachments, comments and customers', () => {
  let issue: Issue;
  beforeEach(async () => {
    const payload = await client.createIssue({ teamId: team('SUP').id, title: 'Export fails' });
    issue = (await payload.issue)!;
  });

  it('creates an attachment by identifier, updates it instead of duplicating a url, and updates metadata', async () => {
    const url = 'https://github.com/acme/app/issues/42';
    const first = await client.createAttachment({ issueId: 'SUP-1', url, title: 'acme/app#42', subtitle: 'Open', metadata: { state: 'open' } });
    const attachmentId = (await first.attachment)!.id;
    const again = await client.createAttachment({ issueId: issue.id, url, title: 'acme/app#42 (updated)', metadata: { state: 'open', comments: 2 } });
    expect((await again.attachment)!.id).toBe(attachmentId);
    expect(emu.state.attachments.filter((a) => a.url === url)).toHaveLength(1);

    await client.updateAttachment(attachmentId, { title: 'acme/app#42', metadata: { state: 'closed' } });
    const nodes = (await issue.attachments()).nodes;
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ id: attachmentId, url, title: 'acme/app#42', subtitle: 'Open', metadata: { state: 'closed' } });

    const forUrl = await client.attachmentsForURL(url);
    expect(forUrl.nodes.map((a) => a.id)).toEqual([attachmentId]);
    expect((await forUrl.nodes[0]!.issue)?.identifier).toBe('SUP-1');
    expect((await client.attachmentsForURL('https://example.com/none')).nodes).toEqual([]);
    const filtered = await client.attachments({ filter: { url: { contains: '/issues/42' } } });
    expect(filtered.nodes.map((a) => a.id)).toEqual([attachmentId]);
  });

  it('creates comments, honouring a client id', async () => {
    const id = randomUUID();
    const payload = await client.createComment({ id, issueId: issue.id, body: 'ETA: Friday' });
    expect((await payload.comment)?.id).toBe(id);
    const comments = await issue.comments();
    expect(comments.nodes.map((c) => c.body)).toEqual(['ETA: Friday']);
    expect((await comments.nodes[0]!.user)?.email).toBe('sam@acme.test');
    const duplicate = await rejection(client.createComment({ id, issueId: issue.id, body: 'ETA: Friday' }));
    expect(duplicate).toBeInstanceOf(InvalidInputLinearError);
  });

  it('upserts customers by external id and attaches customer needs to issues', async () => {
    const created = await client.customerUpsert({ name: 'Globex', externalId: 'pylon-acct-1', domains: ['Globex.com'] });
    const customerId = (await created.customer)!.id;
    const updated = await client.customerUpsert({ externalId: 'pylon-acct-1', name: 'Globex Corporation' });
    expect((await updated.customer)!.id).toBe(customerId);
    expect(emu.state.customers).toHaveLength(1);
    expect(emu.state.customers[0]).toMatchObject({ name: 'Globex Corporation', domains: ['globex.com'], externalIds: ['pylon-acct-1'] });

    const byDomain = await client.customers({ filter: { domains: { some: { eq: 'globex.com' } } } });
    expect(byDomain.nodes.map((c) => c.name)).toEqual(['Globex Corporation']);
    const byExternalId = await client.customers({ filter: { externalIds: { some: { in: ['pylon-acct-1'] } } } });
    expect(byExternalId.nodes).toHaveLength(1);

    const taken = await rejection(client.customerUpsert({ name: 'Initech', domains: ['globex.com'] }));
    expect(taken).toBeInstanceOf(InvalidInputLinearError);

    const need = await client.createCustomerNeed({ customerExternalId: 'pylon-acct-1', issueId: 'SUP-1', body: 'Month-end close is blocked', priority: 1 });
    const needId = (await need.need)!.id;
    const needs = await issue.needs();
    expect(needs.nodes.map((n) => n.id)).toEqual([needId]);
    expect((await needs.nodes[0]!.customer)?.name).toBe('Globex Corporation');

    const rawNeeds = await raw('{ issue(id: "SUP-1") { customerTicketCount needs { nodes { body priority customer { name } } } } }');
    expect(rawNeeds.body.data).toEqual({
      issue: { customerTicketCount: 1, needs: { nodes: [{ body: 'Month-end close is blocked', priority: 1, customer: { name: 'Globex Corporation' } }] } },
    });
    const customerNeeds = await client.customerNeeds({ filter: { customer: { id: { eq: customerId } } } });
    expect(customerNeeds.nodes.map((n) => n.id)).toEqual([needId]);
  });
});

describe('Linear emulator: faithfulness of failures', () => {
  it('answers unknown keys with an authentication error the SDK recognises', async () => {
    const stranger = new LinearClient({ apiKey: newKey(), apiUrl: `${base}/graphql` });
    const error = await rejection(stranger.viewer);
    expect(error).toBeInstanceOf(AuthenticationLinearError);
    expect((error as AuthenticationLinearError).type).toBe(LinearErrorType.AuthenticationError);
    expect((error as AuthenticationLinearError).status).toBe(400);

    const missing = await raw('{ viewer { id } }', undefined, null);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      errors: [
        {
          message: 'Authentication required, not authenticated',
          extensions: {
            type: 'authentication error',
            code: 'AUTHENTICATION_ERROR',
            userPresentableMessage: 'You need to authenticate to access this operation.',
          },
        },
      ],
    });
  });

  it('accepts a key as an OAuth bearer token', async () => {
    const oauth = new LinearClient({ accessToken: key, apiUrl: `${base}/graphql` });
    expect((await oauth.viewer).email).toBe('sam@acme.test');
    expect(emu.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${key}`);
  });

  it('turns an injected RATELIMITED fault into the SDK rate-limit error, then recovers', async () => {
    emu.server.injectFault(linearRateLimitedFault({ match: (r) => r.operation === 'issueCreate' }));
    const error = await rejection(client.createIssue({ teamId: team('SUP').id, title: 'Throttled' }));
    expect(error).toBeInstanceOf(RatelimitedLinearError);
    expect((error as RatelimitedLinearError).requestsRemaining).toBe(0);
    expect((error as RatelimitedLinearError).requestsResetAt).toBeGreaterThan(Date.now());
    expect(emu.state.issues).toHaveLength(0);

    await client.createIssue({ teamId: team('SUP').id, title: 'Throttled' });
    expect(emu.state.issues).toHaveLength(1);
    expect(emu.server.count((r) => r.operation === 'issueCreate')).toBe(2);
  });

  it('rejects invalid documents and variables with HTTP 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const unknownField = await raw('{ viewer { id favouriteColour } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknownField.body.errors?.[0]?.message).toContain('favouriteColour');

    const badVariable = await raw('query($n: Int) { issues(first: $n) { nodes { id } } }', { n: 'ten' });
    expect(badVariable.status).toBe(400);
    expect(badVariable.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const viaSdk = await rejection(client.client.rawRequest('{ viewer { favouriteColour } }'));
    expect(viaSdk).toBeInstanceOf(GraphqlLinearError);

    const unknownIssue = await rejection(client.issue('SUP-999'));
    expect(unknownIssue).toBeInstanceOf(InvalidInputLinearError);
    expect((unknownIssue as InvalidInputLinearError).message).toContain('Entity not found: Issue');
  });

  it('sends rate-limit headers and names every root field of a request', async () => {
    const response = await raw('query both { viewer { id } teams { nodes { key } } }');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-requests-limit')).toBe('5000');
    expect(Number(response.headers.get('x-ratelimit-requests-remaining'))).toBeLessThan(5000);
    expect(Number(response.headers.get('x-complexity'))).toBeGreaterThan(0);
    const recorded = emu.server.requests.at(-1)!;
    expect(recorded.operation).toBe('viewer');
    expect(rootFieldsOf(recorded)).toEqual(['viewer', 'teams']);
  });

  it('keeps its state plain JSON through mutations', async () => {
    const payload = await client.createIssue({ teamId: team('SUP').id, title: 'Round trip' });
    await client.createAttachment({ issueId: (await payload.issue)!.id, url: 'https://example.com/x', title: 'x', metadata: { nested: { ok: true } } });
    expect(JSON.parse(JSON.stringify(emu.state))).toEqual(emu.state);
  });
});
