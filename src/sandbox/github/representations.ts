/** JSON representations with GitHub's real field names (components/schemas in GitHub's OpenAPI description). */
import type { GitHubComment, GitHubIssue, GitHubLabel, GitHubRepo, GitHubState, GitHubUser } from './state.js';
import { repoKey } from './state.js';

export interface Urls {
  /** API base, e.g. `http://127.0.0.1:1234` (stands in for `https://api.github.com`). */
  api: string;
  /** Web base, e.g. `https://github.com`. */
  web: string;
}

export interface Permissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

function nodeId(kind: string, code: string, id: number): string {
  return Buffer.from(`${code}:${kind}${id}`).toString('base64');
}

function userOrGhost(state: GitHubState, login: string): GitHubUser {
  return (
    state.users.find((u) => u.login.toLowerCase() === login.toLowerCase()) ?? { login, id: 0, name: null, email: null, type: 'User' }
  );
}

export function simpleUser(user: GitHubUser, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Organization' ? 'Organization' : 'User', '04', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function simpleUserByLogin(state: GitHubState, login: string, urls: Urls): Record<string, unknown> {
  return simpleUser(userOrGhost(state, login), urls);
}

/** `GET /users/{username}` and, with `private`, `GET /user`. */
export function fullUser(state: GitHubState, user: GitHubUser, urls: Urls, isSelf: boolean): Record<string, unknown> {
  const publicRepos = state.repos.filter((r) => r.owner.toLowerCase() === user.login.toLowerCase() && !r.private).length;
  const base = {
    ...simpleUser(user, urls),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
  };
  if (!isSelf) return base;
  const ownedPrivate = state.repos.filter((r) => r.owner.toLowerCase() === user.login.toLowerCase() && r.private).length;
  return {
    ...base,
    private_gists: 0,
    total_private_repos: ownedPrivate,
    owned_private_repos: ownedPrivate,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, private_repos: 10000, collaborators: 0 },
  };
}

export function labelJson(label: GitHubLabel, repo: GitHubRepo, urls: Urls): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('Label', '010', label.id),
    url: `${urls.api}/repos/${repoKey(repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

function reactions(url: string): Record<string, unknown> {
  return { url, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}

export function authorAssociation(repo: GitHubRepo, login: string): string {
  const l = login.toLowerCase();
  if (repo.owner.toLowerCase() === l) return 'OWNER';
  if (repo.collaborators.some((c) => c.toLowerCase() === l)) return 'COLLABORATOR';
  return 'NONE';
}

export function issueJson(state: GitHubState, repo: GitHubRepo, issue: GitHubIssue, urls: Urls): Record<string, unknown> {
  const key = repoKey(repo);
  const url = `${urls.api}/repos/${key}/issues/${issue.number}`;
  const labels = state.labels[key] ?? [];
  const assignees = issue.assignees.map((login) => simpleUserByLogin(state, login, urls));
  const commentCount = state.comments.filter((c) => c.repo === key && c.issue_number === issue.number).length;
  return {
    url,
    repository_url: `${urls.api}/repos/${key}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${urls.web}/${key}/issues/${issue.number}`,
    id: issue.id,
    node_id: nodeId('Issue', '05', issue.id),
    number: issue.number,
    title: issue.title,
    user: simpleUserByLogin(state, issue.user, urls),
    labels: issue.labels.flatMap((name) => {
      const label = labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
      return label ? [labelJson(label, repo, urls)] : [];
    }),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: commentCount,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: authorAssociation(repo, issue.user),
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    issue_dependencies_summary: { blocked_by: 0, total_blocked_by: 0, blocking: 0, total_blocking: 0 },
    body: issue.body,
    closed_by: issue.closed_by ? simpleUserByLogin(state, issue.closed_by, urls) : null,
    reactions: reactions(`${url}/reactions`),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.state_reason,
  };
}

export function commentJson(state: GitHubState, repo: GitHubRepo, comment: GitHubComment, urls: Urls): Record<string, unknown> {
  const key = repoKey(repo);
  const url = `${urls.api}/repos/${key}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${urls.web}/${key}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `${urls.api}/repos/${key}/issues/${comment.issue_number}`,
    id: comment.id,
    node_id: nodeId('IssueComment', '012', comment.id),
    user: simpleUserByLogin(state, comment.user, urls),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(repo, comment.user),
    body: comment.body,
    reactions: reactions(`${url}/reactions`),
    performed_via_github_app: null,
  };
}

const REPO_URL_TEMPLATES: ReadonlyArray<readonly [string, string]> = [
  ['forks_url', '/forks'],
  ['keys_url', '/keys{/key_id}'],
  ['collaborators_url', '/collaborators{/collaborator}'],
  ['teams_url', '/teams'],
  ['hooks_url', '/hooks'],
  ['issue_events_url', '/issues/events{/number}'],
  ['events_url', '/events'],
  ['assignees_url', '/assignees{/user}'],
  ['branches_url', '/branches{/branch}'],
  ['tags_url', '/tags'],
  ['blobs_url', '/git/blobs{/sha}'],
  ['git_tags_url', '/git/tags{/sha}'],
  ['git_refs_url', '/git/refs{/sha}'],
  ['trees_url', '/git/trees{/sha}'],
  ['statuses_url', '/statuses/{sha}'],
  ['languages_url', '/languages'],
  ['stargazers_url', '/stargazers'],
  ['contributors_url', '/contributors'],
  ['subscribers_url', '/subscribers'],
  ['subscription_url', '/subscription'],
  ['commits_url', '/commits{/sha}'],
  ['git_commits_url', '/git/commits{/sha}'],
  ['comments_url', '/comments{/number}'],
  ['issue_comment_url', '/issues/comments{/number}'],
  ['contents_url', '/contents/{+path}'],
  ['compare_url', '/compare/{base}...{head}'],
  ['merges_url', '/merges'],
  ['archive_url', '/{archive_format}{/ref}'],
  ['downloads_url', '/downloads'],
  ['issues_url', '/issues{/number}'],
  ['pulls_url', '/pulls{/number}'],
  ['milestones_url', '/milestones{/number}'],
  ['notifications_url', '/notifications{?since,all,participating}'],
  ['labels_url', '/labels{/name}'],
  ['releases_url', '/releases{/id}'],
  ['deployments_url', '/deployments'],
];

export function repoJson(
  state: GitHubState,
  repo: GitHubRepo,
  urls: Urls,
  permissions: Permissions | undefined,
): Record<string, unknown> {
  const key = repoKey(repo);
  const api = `${urls.api}/repos/${key}`;
  const web = `${urls.web}/${key}`;
  const openIssues = (state.issues[key] ?? []).filter((i) => i.state === 'open').length;
  const owner = state.users.find((u) => u.login.toLowerCase() === repo.owner.toLowerCase());
  const templated = Object.fromEntries(REPO_URL_TEMPLATES.map(([name, suffix]) => [name, `${api}${suffix}`]));
  const host = new URL(urls.web).host;
  return {
    id: repo.id,
    node_id: nodeId('Repository', '010', repo.id),
    name: repo.name,
    full_name: key,
    private: repo.private,
    owner: simpleUser(owner ?? { login: repo.owner, id: 0, name: null, email: null, type: 'User' }, urls),
    html_url: web,
    description: repo.description,
    fork: false,
    url: api,
    ...templated,
    created_at: repo.created_at,
    updated_at: repo.created_at,
    pushed_at: repo.created_at,
    git_url: `git://${host}/${key}.git`,
    ssh_url: `git@${host}:${key}.git`,
    clone_url: `${web}.git`,
    svn_url: web,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: repo.hasIssues,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.default_branch,
    ...(permissions ? { permissions } : {}),
    network_count: 0,
    subscribers_count: 0,
  };
}
