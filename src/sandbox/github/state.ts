/**
 * The GitHub emulator's world, as plain JSON (it survives `JSON.stringify`), so fixtures can be written inline,
 * saved, and inspected after a run. Repositories are keyed by their full name as written in `repos`
 * (`owner/name`); lookups by clients are case-insensitive, as on GitHub.
 */

export type GitHubUserType = 'User' | 'Organization' | 'Bot';

export interface GitHubUser {
  login: string;
  id: number;
  name: string | null;
  email: string | null;
  type: GitHubUserType;
}

export interface GitHubToken {
  token: string;
  login: string;
  /** Classic tokens report their scopes in `x-oauth-scopes`; fine-grained tokens have none. */
  scopes?: string[];
}

export interface GitHubRepo {
  owner: string;
  name: string;
  id: number;
  private: boolean;
  /** Logins with push access. The owner (when a user) is implicitly an admin. */
  collaborators: string[];
  hasIssues: boolean;
  description: string | null;
  default_branch: string;
  created_at: string;
}

export interface GitHubLabel {
  id: number;
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string | null;
  default: boolean;
}

export type GitHubStateReason = 'completed' | 'reopened' | 'not_planned' | 'duplicate';

export interface GitHubIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: GitHubStateReason | null;
  /** Label names; each exists in the repository's `labels`. */
  labels: string[];
  /** Logins. */
  assignees: string[];
  /** Login of the author. */
  user: string;
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface GitHubComment {
  id: number;
  /** `owner/name`, as the repository is keyed. */
  repo: string;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface GitHubState {
  users: GitHubUser[];
  tokens: GitHubToken[];
  repos: GitHubRepo[];
  labels: Record<string, GitHubLabel[]>;
  issues: Record<string, GitHubIssue[]>;
  comments: GitHubComment[];
  /** Next database id handed out to a created issue, comment or label. */
  nextId: number;
}

export interface GitHubStateInput {
  users?: Array<Partial<GitHubUser> & { login: string }>;
  tokens?: GitHubToken[];
  repos?: Array<Partial<GitHubRepo> & { owner: string; name: string }>;
  labels?: Record<string, Array<Partial<GitHubLabel> & { name: string }>>;
  issues?: Record<string, Array<Partial<GitHubIssue> & { title: string }>>;
  comments?: Array<Partial<GitHubComment> & { repo: string; issue_number: number; body: string }>;
}

/** Seeded objects get timestamps from here on, a minute apart, so fixtures are deterministic. */
const SEED_EPOCH = Date.parse('2025-01-06T09:00:00Z');

export function seedTime(index: number): string {
  return isoSeconds(new Date(SEED_EPOCH + index * 60_000));
}

/** GitHub renders timestamps without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function repoKey(repo: Pick<GitHubRepo, 'owner' | 'name'>): string {
  return `${repo.owner}/${repo.name}`;
}

/** Builds a complete state from a tiny fixture: ids, numbers, timestamps and referenced users/labels are filled in. */
export function createGitHubState(input: GitHubStateInput = {}): GitHubState {
  let nextUserId = 1;
  let nextId = 1000;
  const users: GitHubUser[] = [];
  const ensureUser = (login: string, type: GitHubUserType = 'User'): void => {
    if (!users.some((u) => u.login.toLowerCase() === login.toLowerCase())) {
      users.push({ login, id: nextUserId++, name: null, email: null, type });
    }
  };
  for (const u of input.users ?? []) {
    const id = u.id ?? nextUserId;
    nextUserId = Math.max(nextUserId, id + 1);
    users.push({ login: u.login, id, name: u.name ?? null, email: u.email ?? null, type: u.type ?? 'User' });
  }

  const repos: GitHubRepo[] = (input.repos ?? []).map((r, i) => {
    ensureUser(r.owner);
    for (const login of r.collaborators ?? []) ensureUser(login);
    return {
      owner: r.owner,
      name: r.name,
      id: r.id ?? 500 + i,
      private: r.private ?? false,
      collaborators: [...(r.collaborators ?? [])],
      hasIssues: r.hasIssues ?? true,
      description: r.description ?? null,
      default_branch: r.default_branch ?? 'main',
      created_at: r.created_at ?? seedTime(0),
    };
  });
  const canonical = (key: string): string => {
    const repo = repos.find((r) => repoKey(r).toLowerCase() === key.toLowerCase());
    if (!repo) throw new Error(`GitHub fixture refers to unknown repository ${key}`);
    return repoKey(repo);
  };

  const tokens: GitHubToken[] = (input.tokens ?? []).map((t) => {
    ensureUser(t.login);
    return { token: t.token, login: t.login, ...(t.scopes ? { scopes: [...t.scopes] } : {}) };
  });

  const labels: Record<string, GitHubLabel[]> = {};
  for (const repo of repos) labels[repoKey(repo)] = [];
  const ensureLabel = (key: string, name: string): void => {
    const list = labels[key]!;
    if (!list.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
      list.push({ id: nextId++, name, color: 'ededed', description: null, default: false });
    }
  };
  for (const [key, list] of Object.entries(input.labels ?? {})) {
    const k = canonical(key);
    for (const l of list) {
      labels[k]!.push({ id: l.id ?? nextId++, name: l.name, color: l.color ?? 'ededed', description: l.description ?? null, default: l.default ?? false });
    }
  }

  const issues: Record<string, GitHubIssue[]> = {};
  for (const repo of repos) issues[repoKey(repo)] = [];
  let seedIndex = 0;
  for (const [key, list] of Object.entries(input.issues ?? {})) {
    const k = canonical(key);
    const repo = repos.find((r) => repoKey(r) === k)!;
    for (const i of list) {
      const existing = issues[k]!;
      const number = i.number ?? existing.reduce((max, x) => Math.max(max, x.number), 0) + 1;
      const created = i.created_at ?? seedTime(++seedIndex);
      const state = i.state ?? 'open';
      const user = i.user ?? repo.owner;
      ensureUser(user);
      for (const a of i.assignees ?? []) ensureUser(a);
      for (const name of i.labels ?? []) ensureLabel(k, name);
      existing.push({
        id: i.id ?? nextId++,
        number,
        title: i.title,
        body: i.body ?? null,
        state,
        state_reason: i.state_reason ?? (state === 'closed' ? 'completed' : null),
        labels: [...(i.labels ?? [])],
        assignees: [...(i.assignees ?? [])],
        user,
        locked: i.locked ?? false,
        created_at: created,
        updated_at: i.updated_at ?? created,
        closed_at: i.closed_at ?? (state === 'closed' ? created : null),
        closed_by: i.closed_by ?? (state === 'closed' ? user : null),
      });
    }
  }

  const comments: GitHubComment[] = (input.comments ?? []).map((c) => {
    const k = canonical(c.repo);
    if (!issues[k]!.some((i) => i.number === c.issue_number)) {
      throw new Error(`GitHub fixture comment refers to unknown issue ${k}#${c.issue_number}`);
    }
    const user = c.user ?? repos.find((r) => repoKey(r) === k)!.owner;
    ensureUser(user);
    const created = c.created_at ?? seedTime(++seedIndex);
    return { id: c.id ?? nextId++, repo: k, issue_number: c.issue_number, body: c.body, user, created_at: created, updated_at: c.updated_at ?? created };
  });

  const maxId = Math.max(
    nextId,
    ...Object.values(labels).flatMap((l) => l.map((x) => x.id + 1)),
    ...Object.values(issues).flatMap((l) => l.map((x) => x.id + 1)),
    ...comments.map((c) => c.id + 1),
  );
  return { users, tokens, repos, labels, issues, comments, nextId: maxId };
}
