import { randomBytes } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubEmulator, primaryRateLimitFault, secondaryRateLimitFault, type GitHubEmulator } from '../../src/sandbox/github/emulator.js';
import { createGitHubState } from '../../src/sandbox/github/state.js';

const newToken = (): string => 'ghp_' + randomBytes(18).toString('hex');
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The shape of @octokit/request-error's RequestError (a transitive dependency, so not imported). */
interface RequestError extends Error {
  status: number;
  response?: { headers: Record<string, string | undefined>; data: unknown };
}

async function failure(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).name).toBe('HttpError');
    return error as RequestError;
  }
  throw new Error('expected the request to fail');
}

describe('GitHub emulator driven by @octokit/rest', () => {
  let emu: GitHubEmulator;
  let baseUrl: string;
  const tokens = { maintainer: newToken(), outsider: newToken() };
  const client = (auth?: string): Octokit => new Octokit({ ...(auth ? { auth } : {}), baseUrl, log: quiet });

  beforeEach(async () => {
    emu = createGitHubEmulator({
      state: createGitHubState({
        users: [
          { login: 'acme', type: 'Organization' },
          { login: 'maintainer', name: 'Mae Maintainer' },
          { login: 'outsider' },
        ],
        tokens: [
          { token: tokens.maintainer, login: 'maintainer', scopes: ['repo'] },
          { token: tokens.outsider, login: 'outsider' },
        ],
        repos: [
          { owner: 'acme', name: 'app', collaborators: ['maintainer'] },
          { owner: 'acme', name: 'vault', private: true, collaborators: ['maintainer'] },
          { owner: 'acme', name: 'frozen', hasIssues: false, collaborators: ['maintainer'] },
        ],
        labels: { 'acme/app': [{ name: 'bug', color: 'd73a4a', description: "Something isn't working" }] },
      }),
    });
    baseUrl = await emu.start();
  });

  afterEach(async () => {
    await emu.stop();
  });

  it('creates an issue with labels and assignees and answers 201 with GitHub-shaped JSON', async () => {
    const res = await client(tokens.maintainer).rest.issues.create({
      owner: 'acme',
      repo: 'app',
      title: 'Export times out',
      body: 'Steps…',
      labels: ['bug', 'customer-reported'],
      assignees: ['maintainer'],
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${baseUrl}/repos/acme/app/issues/1`);
    expect(res.data).toMatchObject({
      number: 1,
      title: 'Export times out',
      state: 'open',
      html_url: 'https://github.com/acme/app/issues/1',
      url: `${baseUrl}/repos/acme/app/issues/1`,
      user: { login: 'maintainer' },
      assignees: [{ login: 'maintainer' }],
      comments: 0,
      author_association: 'COLLABORATOR',
    });
    expect(res.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['bug', 'customer-reported']);
    expect(typeof res.data.id).toBe('number');
    expect(typeof res.data.node_id).toBe('string');
    // Unknown labels are created on the fly for users with push access.
    expect(emu.state.labels['acme/app']!.map((l) => l.name)).toEqual(['bug', 'customer-reported']);
    expect(emu.state.issues['acme/app']![0]).toMatchObject({ labels: ['bug', 'customer-reported'], assignees: ['maintainer'] });
    expect(emu.server.count((r) => r.operation === 'issues.create')).toBe(1);
    expect(res.headers['x-ratelimit-resource']).toBe('core');
    expect(res.headers['x-oauth-scopes']).toBe('repo');
    expect(res.headers['x-github-request-id']).toMatch(/^[0-9A-F:]+$/);
  });

  it('answers 422 for a missing title and for an assignee who cannot be assigned', async () => {
    const octokit = client(tokens.maintainer);
    const missing = await failure(octokit.request('POST /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'app', body: 'no title' } as never));
    expect(missing.status).toBe(422);
    expect(missing.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
    });

    const badAssignee = await failure(octokit.rest.issues.create({ owner: 'acme', repo: 'app', title: 't', assignees: ['outsider'] }));
    expect(badAssignee.status).toBe(422);
    expect(badAssignee.response?.data).toMatchObject({ errors: [{ value: 'outsider', field: 'assignees', code: 'invalid' }] });
    expect(emu.state.issues['acme/app']).toHaveLength(0);
  });

  it('drops labels and assignees from users without push access, hides private repos, and refuses disabled issues', async () => {
    const outsider = client(tokens.outsider);
    const res = await outsider.rest.issues.create({ owner: 'acme', repo: 'app', title: 'Please help', labels: ['bug'], assignees: ['maintainer'] });
    expect(res.status).toBe(201);
    expect(res.data.labels).toEqual([]);
    expect(res.data.assignees).toEqual([]);
    expect(res.data.author_association).toBe('NONE');

    expect((await failure(outsider.rest.issues.create({ owner: 'acme', repo: 'vault', title: 'x' }))).status).toBe(404);
    const gone = await failure(client(tokens.maintainer).rest.issues.create({ owner: 'acme', repo: 'frozen', title: 'x' }));
    expect(gone.status).toBe(410);
    expect((await failure(client().rest.issues.create({ owner: 'acme', repo: 'app', title: 'x' }))).status).toBe(401);
  });

  it('rejects an unknown token with 401 Bad credentials', async () => {
    const error = await failure(client(newToken()).rest.users.getAuthenticated());
    expect(error.status).toBe(401);
    expect(error.response?.data).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
  });

  it('reports repository permissions for the caller', async () => {
    const mine = await client(tokens.maintainer).rest.repos.get({ owner: 'acme', repo: 'vault' });
    expect(mine.data).toMatchObject({ private: true, has_issues: true, html_url: 'https://github.com/acme/vault', full_name: 'acme/vault' });
    expect(mine.data.permissions).toEqual({ admin: false, maintain: false, push: true, triage: true, pull: true });

    const theirs = await client(tokens.outsider).rest.repos.get({ owner: 'ACME', repo: 'App' });
    expect(theirs.data.permissions).toMatchObject({ push: false, pull: true });
    const anonymous = await client().rest.repos.get({ owner: 'acme', repo: 'app' });
    expect(anonymous.data.permissions).toBeUndefined();
    expect(anonymous.headers['x-ratelimit-limit']).toBe('60');
    expect((await failure(client(tokens.outsider).rest.repos.get({ owner: 'acme', repo: 'vault' }))).status).toBe(404);

    const me = await client(tokens.maintainer).rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: 'maintainer', name: 'Mae Maintainer', type: 'User' });
    expect((await client().rest.issues.checkUserCanBeAssigned({ owner: 'acme', repo: 'app', assignee: 'maintainer' })).status).toBe(204);
    expect((await failure(client().rest.issues.checkUserCanBeAssigned({ owner: 'acme', repo: 'app', assignee: 'outsider' }))).status).toBe(404);
  });

  it('creates and lists comments, paginated through octokit.paginate', async () => {
    const octokit = client(tokens.maintainer);
    const issue = await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title: 'Thread' });
    for (let i = 1; i <= 5; i++) {
      const res = await octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: issue.data.number, body: `comment ${i}` });
      expect(res.status).toBe(201);
      expect(res.data.html_url).toBe(`https://github.com/acme/app/issues/${issue.data.number}#issuecomment-${res.data.id}`);
    }
    const first = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'app', issue_number: issue.data.number, per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');

    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: 'acme', repo: 'app', issue_number: issue.data.number, per_page: 2 });
    expect(all.map((c) => c.body)).toEqual(['comment 1', 'comment 2', 'comment 3', 'comment 4', 'comment 5']);
    expect(emu.server.count((r) => r.operation === 'issues.listComments')).toBe(4);
    expect((await octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: issue.data.number })).data.comments).toBe(5);

    const empty = await failure(octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: issue.data.number, body: '' }));
    expect(empty.status).toBe(422);
  });

  it('paginates the repository issue list with Link headers', async () => {
    const octokit = client(tokens.maintainer);
    for (let i = 1; i <= 5; i++) await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title: `issue ${i}`, labels: i % 2 ? ['bug'] : [] });
    const page1 = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app', per_page: 2, direction: 'asc' });
    expect(page1.data.map((i) => i.number)).toEqual([1, 2]);
    const link = page1.headers.link ?? '';
    expect(link).toContain(`<${baseUrl}/repos/acme/app/issues?per_page=2&direction=asc&page=2>; rel="next"`);
    expect(link).toContain('page=3>; rel="last"');

    const page3 = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app', per_page: 2, direction: 'asc', page: 3 });
    expect(page3.headers.link).toContain('rel="prev"');
    expect(page3.headers.link).not.toContain('rel="next"');

    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'acme', repo: 'app', per_page: 2 });
    expect(all.map((i) => i.number)).toEqual([5, 4, 3, 2, 1]);
    const bugs = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app', labels: 'bug' });
    expect(bugs.data.map((i) => i.number)).toEqual([5, 3, 1]);

    await octokit.rest.issues.update({ owner: 'acme', repo: 'app', issue_number: 2, state: 'closed', state_reason: 'not_planned' });
    const closed = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app', state: 'closed' });
    expect(closed.data).toMatchObject([{ number: 2, state: 'closed', state_reason: 'not_planned' }]);
  });

  it('finds an issue by a hidden marker in its body through search', async () => {
    const octokit = client(tokens.maintainer);
    const marker = `triage-filing:${randomBytes(8).toString('hex')}`;
    await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title: 'Unrelated', body: 'triage filing notes' });
    const filed = await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title: 'Filed', body: `Report\n\n<!-- ${marker} -->` });
    await octokit.rest.issues.create({ owner: 'acme', repo: 'vault', title: 'Secret', body: `<!-- ${marker} -->` });

    const res = await octokit.rest.search.issuesAndPullRequests({ q: `"${marker}" in:body repo:acme/app is:issue` });
    expect(res.data.total_count).toBe(1);
    expect(res.data.incomplete_results).toBe(false);
    expect(res.data.items[0]).toMatchObject({ number: filed.data.number, html_url: filed.data.html_url });
    expect(typeof res.data.items[0]!.score).toBe('number');
    expect(res.headers['x-ratelimit-resource']).toBe('search');

    // The private repo's copy is visible to its collaborator only.
    expect((await octokit.rest.search.issuesAndPullRequests({ q: `"${marker}"` })).data.total_count).toBe(2);
    expect((await client(tokens.outsider).rest.search.issuesAndPullRequests({ q: `"${marker}"` })).data.total_count).toBe(1);
    // A title-only search does not look at bodies; a prefix of a word is not a word.
    expect((await octokit.rest.search.issuesAndPullRequests({ q: `"${marker}" in:title` })).data.total_count).toBe(0);
    expect((await octokit.rest.search.issuesAndPullRequests({ q: 'triage-fil repo:acme/app' })).data.total_count).toBe(0);
    expect((await octokit.rest.search.issuesAndPullRequests({ q: 'is:closed repo:acme/app' })).data.total_count).toBe(0);

    const hidden = await failure(client(tokens.outsider).rest.search.issuesAndPullRequests({ q: 'x repo:acme/vault' }));
    expect(hidden.status).toBe(422);
  });

  it('lists, gets and creates labels', async () => {
    const octokit = client(tokens.maintainer);
    const created = await octokit.rest.issues.createLabel({ owner: 'acme', repo: 'app', name: 'priority: high', color: 'B60205', description: 'Urgent' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'priority: high', color: 'b60205', description: 'Urgent', default: false });

    const labels = await octokit.rest.issues.listLabelsForRepo({ owner: 'acme', repo: 'app' });
    expect(labels.data.map((l) => l.name)).toEqual(['bug', 'priority: high']);
    const one = await octokit.rest.issues.getLabel({ owner: 'acme', repo: 'app', name: 'priority: high' });
    expect(one.data.url).toBe(`${baseUrl}/repos/acme/app/labels/priority%3A%20high`);

    const duplicate = await failure(octokit.rest.issues.createLabel({ owner: 'acme', repo: 'app', name: 'BUG', color: 'ffffff' }));
    expect(duplicate.status).toBe(422);
    expect(duplicate.response?.data).toMatchObject({ errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
    expect((await failure(client(tokens.outsider).rest.issues.createLabel({ owner: 'acme', repo: 'app', name: 'x', color: 'ffffff' }))).status).toBe(403);
    expect((await failure(octokit.rest.issues.getLabel({ owner: 'acme', repo: 'app', name: 'nope' }))).status).toBe(404);
  });

  it('delivers an injected secondary rate limit to the client as a 403 with retry-after', async () => {
    emu.server.injectFault(secondaryRateLimitFault({ match: (r) => r.operation === 'issues.create', retryAfter: 42 }));
    const octokit = client(tokens.maintainer);
    const error = await failure(octokit.rest.issues.create({ owner: 'acme', repo: 'app', title: 'x' }));
    expect(error.status).toBe(403);
    expect(error.response?.headers['retry-after']).toBe('42');
    expect(error.message).toMatch(/secondary rate limit/);
    expect(emu.state.issues['acme/app']).toHaveLength(0);

    emu.server.injectFault(primaryRateLimitFault({ match: (r) => r.operation === 'issues.get', status: 429 }));
    const primary = await failure(octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 1 }));
    expect(primary.status).toBe(429);
    expect(primary.response?.headers['x-ratelimit-remaining']).toBe('0');

    // The faults were used up; the next create goes through.
    expect((await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title: 'x' })).status).toBe(201);
  });

  it('answers unknown routes and repositories with GitHub 404 bodies', async () => {
    const error = await failure(client(tokens.maintainer).request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'nope', issue_number: 1 }));
    expect(error.status).toBe(404);
    expect(error.response?.data).toMatchObject({ message: 'Not Found', status: '404' });
    const route = await failure(client(tokens.maintainer).request('GET /nowhere'));
    expect(route.status).toBe(404);
    expect(JSON.parse(JSON.stringify(emu.state))).toEqual(emu.state);
  });
});
