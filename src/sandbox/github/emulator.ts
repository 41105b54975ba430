/**
 * A faithful local GitHub REST API for the endpoints the CLI uses (issues, comments, labels, search), driven by
 * the real @octokit/rest in tests. Behaviour follows GitHub's OpenAPI description and documented semantics:
 * auth and permission rules, silent dropping of labels/assignees for users without push access, 410 when
 * issues are disabled, 422 validation errors, Link-header pagination and rate-limit headers.
 */
import type { EmulatorResponse, RecordedRequest } from '../http/emulator-server.js';
import { EmulatorServer } from '../http/emulator-server.js';
import { Router } from '../http/router.js';
import { matchIssues, parseQuery, type SearchHit } from './issue-search.js';
import { githubRequestId, limitFor, RateLimitLedger, type RateLimitResource } from './rate-limits.js';
import {
  commentJson,
  fullUser,
  issueJson,
  labelJson,
  repoJson,
  type Permissions,
  type Urls,
} from './representations.js';
import type { GitHubIssue, GitHubLabel, GitHubRepo, GitHubState, GitHubToken, GitHubUser } from './state.js';
import { createGitHubState, isoSeconds, repoKey } from './state.js';

export interface GitHubEmulatorOptions {
  state?: GitHubState;
  /** Base of `html_url`s. Default `https://github.com`. */
  webUrl?: string;
}

export interface GitHubEmulator {
  readonly server: EmulatorServer;
  readonly state: GitHubState;
  /** Returns the base URL to use as Octokit's `baseUrl`. */
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

interface Context {
  req: RecordedRequest;
  params: Readonly<Record<string, string>>;
  body: unknown;
  login: string | undefined;
  urls: Urls;
  docs: string;
}

type Handler = (ctx: Context) => EmulatorResponse;

interface RouteDef {
  handler: Handler;
  docs: string;
  resource: RateLimitResource | 'none';
}

type JsonObject = Record<string, unknown>;

function error(status: number, message: string, docs: string, extra: JsonObject = {}): EmulatorResponse {
  return { status, body: { message, ...extra, documentation_url: docs, status: String(status) } };
}

const notFound = (docs: string): EmulatorResponse => error(404, 'Not Found', docs);
const requiresAuth = (docs: string): EmulatorResponse => error(401, 'Requires authentication', docs);
const validationFailed = (docs: string, errors: JsonObject[]): EmulatorResponse => error(422, 'Validation Failed', docs, { errors });
const noAdminRights = (docs: string): EmulatorResponse => error(403, 'Must have admin rights to Repository.', docs);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function createGitHubEmulator(options: GitHubEmulatorOptions = {}): GitHubEmulator {
  const state = options.state ?? createGitHubState();
  const webUrl = (options.webUrl ?? 'https://github.com').replace(/\/+$/, '');
  const ledger = new RateLimitLedger();
  const router = new Router<RouteDef>();

  const findUser = (login: string): GitHubUser | undefined => state.users.find((u) => sameLogin(u.login, login));
  const findRepo = (owner: string, name: string): GitHubRepo | undefined =>
    state.repos.find((r) => sameLogin(r.owner, owner) && sameLogin(r.name, name));

  function permissionsFor(repo: GitHubRepo, login: string | undefined): Permissions | undefined {
    if (login !== undefined && sameLogin(repo.owner, login)) return { admin: true, maintain: true, push: true, triage: true, pull: true };
    if (login !== undefined && repo.collaborators.some((c) => sameLogin(c, login))) {
      return { admin: false, maintain: false, push: true, triage: true, pull: true };
    }
    if (!repo.private) return { admin: false, maintain: false, push: false, triage: false, pull: true };
    return undefined;
  }

  const canPush = (repo: GitHubRepo, login: string | undefined): boolean => permissionsFor(repo, login)?.push ?? false;

  /** Logins that can be assigned: users with push access (GitHub also allows org members; we have no orgs). */
  function assignable(repo: GitHubRepo, login: string): boolean {
    const user = findUser(login);
    return user !== undefined && user.type !== 'Organization' && canPush(repo, user.login);
  }

  /** The repository if the caller can see it; GitHub answers 404 (not 403) for private repos it hides. */
  function readableRepo(ctx: Context): GitHubRepo | undefined {
    const repo = findRepo(ctx.params.owner ?? '', ctx.params.repo ?? '');
    if (!repo || !permissionsFor(repo, ctx.login)) return undefined;
    return repo;
  }

  function findIssue(repo: GitHubRepo, raw: string | undefined): GitHubIssue | undefined {
    if (!raw || !/^\d+$/.test(raw)) return undefined;
    const number = Number(raw);
    return (state.issues[repoKey(repo)] ?? []).find((i) => i.number === number);
  }

  function ensureLabel(repo: GitHubRepo, name: string): GitHubLabel {
    const list = (state.labels[repoKey(repo)] ??= []);
    let label = list.find((l) => sameLogin(l.name, name));
    if (!label) {
      label = { id: state.nextId++, name, color: 'ededed', description: null, default: false };
      list.push(label);
    }
    return label;
  }

  function labelNames(raw: unknown): string[] | undefined {
    if (!Array.isArray(raw)) return undefined;
    const names: string[] = [];
    for (const item of raw) {
      if (typeof item === 'string') names.push(item);
      else if (isObject(item) && typeof item.name === 'string') names.push(item.name);
      else return undefined;
    }
    return names;
  }

  /** Canonical label names on the issue, creating unknown labels as GitHub does for users with push access. */
  function resolveLabels(repo: GitHubRepo, names: string[]): string[] {
    const out: string[] = [];
    for (const name of names) {
      const label = ensureLabel(repo, name.trim());
      if (!out.some((n) => sameLogin(n, label.name))) out.push(label.name);
    }
    return out;
  }

  /** Validates assignees; returns canonical logins or the 422 errors GitHub sends. */
  function resolveAssignees(repo: GitHubRepo, logins: string[]): { logins: string[] } | { errors: JsonObject[] } {
    const errors: JsonObject[] = [];
    const out: string[] = [];
    for (const login of logins) {
      if (!assignable(repo, login)) {
        errors.push({ value: login, resource: 'Issue', field: 'assignees', code: 'invalid' });
        continue;
      }
      const canonical = findUser(login)!.login;
      if (!out.includes(canonical)) out.push(canonical);
    }
    return errors.length > 0 ? { errors } : { logins: out };
  }

  function assigneeInput(body: JsonObject): string[] | undefined | 'invalid' {
    const list: string[] = [];
    let given = false;
    if (body.assignees !== undefined && body.assignees !== null) {
      if (!Array.isArray(body.assignees) || !body.assignees.every((a) => typeof a === 'string')) return 'invalid';
      list.push(...(body.assignees as string[]));
      given = true;
    }
    if (typeof body.assignee === 'string' && body.assignee !== '') {
      list.push(body.assignee);
      given = true;
    } else if (body.assignee === null || body.assignee === '') {
      given = true;
    }
    return given ? list : undefined;
  }

  function paginate<T>(items: readonly T[], ctx: Context, cap = Infinity): { page: T[]; link?: string } {
    const perPageRaw = Number.parseInt(ctx.req.query.get('per_page') ?? '', 10);
    const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30;
    const pageRaw = Number.parseInt(ctx.req.query.get('page') ?? '', 10);
    const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
    const reachable = Math.min(items.length, cap);
    const last = Math.max(1, Math.ceil(reachable / perPage));
    const start = (page - 1) * perPage;
    const slice = start >= reachable ? [] : items.slice(start, Math.min(start + perPage, reachable));
    if (last <= 1 && page <= 1) return { page: slice };
    const url = (p: number): string => {
      const q = new URLSearchParams(ctx.req.query);
      q.set('page', String(p));
      return `<${ctx.urls.api}${ctx.req.path}?${q.toString()}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${url(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last) rels.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
    if (page > 1) rels.push(`${url(1)}; rel="first"`);
    return { page: slice, ...(rels.length > 0 ? { link: rels.join(', ') } : {}) };
  }

  function list(items: unknown[], ctx: Context, cap?: number): EmulatorResponse {
    const { page, link } = paginate(items, ctx, cap);
    return { status: 200, body: page, ...(link ? { headers: { link } } : {}) };
  }

  const now = (): string => isoSeconds(new Date());

  // --- users ---------------------------------------------------------------------------------------------

  function getAuthenticated(ctx: Context): EmulatorResponse {
    if (!ctx.login) return requiresAuth(ctx.docs);
    return { status: 200, body: fullUser(state, findUser(ctx.login)!, ctx.urls, true) };
  }

  function getByUsername(ctx: Context): EmulatorResponse {
    const user = findUser(ctx.params.username ?? '');
    if (!user) return notFound(ctx.docs);
    return { status: 200, body: fullUser(state, user, ctx.urls, false) };
  }

  // --- repos ---------------------------------------------------------------------------------------------

  function getRepo(ctx: Context): EmulatorResponse {
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    // Anonymous callers get no `permissions` block, as on GitHub.
    return { status: 200, body: repoJson(state, repo, ctx.urls, ctx.login ? permissionsFor(repo, ctx.login) : undefined) };
  }

  // --- issues --------------------------------------------------------------------------------------------

  function listIssues(ctx: Context): EmulatorResponse {
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    const q = ctx.req.query;
    const stateFilter = q.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(stateFilter)) {
      return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'state', code: 'invalid' }]);
    }
    const sort = q.get('sort') ?? 'created';
    if (!['created', 'updated', 'comments'].includes(sort)) return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'sort', code: 'invalid' }]);
    const direction = q.get('direction') ?? 'desc';
    const labels = (q.get('labels') ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const assignee = q.get('assignee');
    const creator = q.get('creator');
    const since = q.get('since');
    const key = repoKey(repo);
    const commentCount = (i: GitHubIssue): number => state.comments.filter((c) => c.repo === key && c.issue_number === i.number).length;
    let issues = (state.issues[key] ?? []).filter((i) => {
      if (stateFilter !== 'all' && i.state !== stateFilter) return false;
      const names = i.labels.map((l) => l.toLowerCase());
      if (!labels.every((l) => names.includes(l))) return false;
      if (assignee === 'none' && i.assignees.length > 0) return false;
      if (assignee === '*' && i.assignees.length === 0) return false;
      if (assignee && assignee !== 'none' && assignee !== '*' && !i.assignees.some((a) => sameLogin(a, assignee))) return false;
      if (creator && !sameLogin(i.user, creator)) return false;
      if (since && Date.parse(i.updated_at) < Date.parse(since)) return false;
      return true;
    });
    const keyOf = (i: GitHubIssue): number =>
      sort === 'comments' ? commentCount(i) : Date.parse(sort === 'updated' ? i.updated_at : i.created_at);
    issues = [...issues].sort((a, b) => {
      const d = keyOf(a) - keyOf(b) || a.number - b.number;
      return direction === 'asc' ? d : -d;
    });
    return list(
      issues.map((i) => issueJson(state, repo, i, ctx.urls)),
      ctx,
    );
  }

  function createIssue(ctx: Context): EmulatorResponse {
    if (!ctx.login) return requiresAuth(ctx.docs);
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    if (!repo.hasIssues) return error(410, 'Issues are disabled for this repo', 'https://docs.github.com/v3/issues/');
    const body = isObject(ctx.body) ? ctx.body : {};
    const rawTitle = body.title;
    if (rawTitle === undefined || rawTitle === null || rawTitle === '') {
      return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'title', code: 'missing_field' }]);
    }
    if (typeof rawTitle !== 'string' && typeof rawTitle !== 'number') {
      return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'title', code: 'invalid' }]);
    }
    if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') {
      return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'body', code: 'invalid' }]);
    }
    // GitHub's own limits, answered as GitHub answers them.
    if (String(rawTitle).length > 256) {
      return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'title', code: 'custom', message: 'title is too long (maximum is 256 characters)' }]);
    }
    if (typeof body.body === 'string' && body.body.length > 65_536) {
      return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }]);
    }
    let labels: string[] = [];
    let assignees: string[] = [];
    // Only users with push access may set labels, assignees and milestones; for others GitHub drops them silently.
    if (canPush(repo, ctx.login)) {
      const requested = assigneeInput(body);
      if (requested === 'invalid') return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'assignees', code: 'invalid' }]);
      const resolved = resolveAssignees(repo, requested ?? []);
      if ('errors' in resolved) return validationFailed(ctx.docs, resolved.errors);
      assignees = resolved.logins;
      if (body.milestone !== undefined && body.milestone !== null) {
        // No milestones are modelled, so any given milestone is one that does not exist.
        return validationFailed(ctx.docs, [{ value: body.milestone, resource: 'Issue', field: 'milestone', code: 'invalid' }]);
      }
      if (body.labels !== undefined && body.labels !== null) {
        const names = labelNames(body.labels);
        if (!names) return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'labels', code: 'invalid' }]);
        labels = resolveLabels(repo, names);
      }
    }
    const key = repoKey(repo);
    const issues = (state.issues[key] ??= []);
    const at = now();
    const issue: GitHubIssue = {
      id: state.nextId++,
      number: issues.reduce((max, i) => Math.max(max, i.number), 0) + 1,
      title: String(rawTitle),
      body: typeof body.body === 'string' ? body.body : null,
      state: 'open',
      state_reason: null,
      labels,
      assignees,
      user: findUser(ctx.login)!.login,
      locked: false,
      created_at: at,
      updated_at: at,
      closed_at: null,
      closed_by: null,
    };
    issues.push(issue);
    const json = issueJson(state, repo, issue, ctx.urls);
    return { status: 201, headers: { location: String(json.url) }, body: json };
  }

  function getIssue(ctx: Context): EmulatorResponse {
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    const issue = findIssue(repo, ctx.params.issue_number);
    if (!issue) return notFound(ctx.docs);
    return { status: 200, body: issueJson(state, repo, issue, ctx.urls) };
  }

  function updateIssue(ctx: Context): EmulatorResponse {
    if (!ctx.login) return requiresAuth(ctx.docs);
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    const issue = findIssue(repo, ctx.params.issue_number);
    if (!issue) return notFound(ctx.docs);
    const pusher = canPush(repo, ctx.login);
    // Without push access only the author may edit (title, body, state); labels and assignees are dropped.
    if (!pusher && !sameLogin(issue.user, ctx.login)) return noAdminRights(ctx.docs);
    const body = isObject(ctx.body) ? ctx.body : {};
    const next: GitHubIssue = { ...issue, labels: [...issue.labels], assignees: [...issue.assignees] };
    if ('title' in body) {
      if (body.title === null || body.title === '') return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'title', code: 'missing_field' }]);
      if (typeof body.title !== 'string' && typeof body.title !== 'number') {
        return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'title', code: 'invalid' }]);
      }
      next.title = String(body.title);
    }
    if ('body' in body) {
      if (body.body !== null && typeof body.body !== 'string') return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'body', code: 'invalid' }]);
      next.body = body.body;
    }
    const reasons = ['completed', 'not_planned', 'reopened', 'duplicate'];
    if (body.state_reason !== undefined && body.state_reason !== null && !reasons.includes(String(body.state_reason))) {
      return validationFailed(ctx.docs, [{ value: body.state_reason, resource: 'Issue', field: 'state_reason', code: 'invalid' }]);
    }
    if (body.state !== undefined && body.state !== null) {
      if (body.state !== 'open' && body.state !== 'closed') {
        return validationFailed(ctx.docs, [{ value: body.state, resource: 'Issue', field: 'state', code: 'invalid' }]);
      }
      if (body.state === 'closed' && issue.state === 'open') {
        next.state = 'closed';
        next.closed_at = now();
        next.closed_by = findUser(ctx.login)!.login;
        next.state_reason = (body.state_reason as GitHubIssue['state_reason'] | undefined) ?? 'completed';
      } else if (body.state === 'open' && issue.state === 'closed') {
        next.state = 'open';
        next.closed_at = null;
        next.closed_by = null;
        next.state_reason = 'reopened';
      }
    }
    if (pusher) {
      const requested = assigneeInput(body);
      if (requested === 'invalid') return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'assignees', code: 'invalid' }]);
      if (requested !== undefined) {
        const resolved = resolveAssignees(repo, requested);
        if ('errors' in resolved) return validationFailed(ctx.docs, resolved.errors);
        next.assignees = resolved.logins;
      }
      if (body.milestone !== undefined && body.milestone !== null) {
        return validationFailed(ctx.docs, [{ value: body.milestone, resource: 'Issue', field: 'milestone', code: 'invalid' }]);
      }
      if (body.labels !== undefined && body.labels !== null) {
        const names = labelNames(body.labels);
        if (!names) return validationFailed(ctx.docs, [{ resource: 'Issue', field: 'labels', code: 'invalid' }]);
        next.labels = resolveLabels(repo, names);
      }
    }
    next.updated_at = now();
    Object.assign(issue, next);
    return { status: 200, body: issueJson(state, repo, issue, ctx.urls) };
  }

  function addLabels(ctx: Context): EmulatorResponse {
    if (!ctx.login) return requiresAuth(ctx.docs);
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    const issue = findIssue(repo, ctx.params.issue_number);
    if (!issue) return notFound(ctx.docs);
    if (!canPush(repo, ctx.login)) return noAdminRights(ctx.docs);
    const raw = Array.isArray(ctx.body) ? ctx.body : isObject(ctx.body) ? ctx.body.labels : undefined;
    const names = labelNames(raw);
    if (!names || names.length === 0) return validationFailed(ctx.docs, [{ resource: 'Label', field: 'labels', code: 'missing_field' }]);
    for (const name of resolveLabels(repo, names)) if (!issue.labels.some((l) => sameLogin(l, name))) issue.labels.push(name);
    issue.updated_at = now();
    const all = state.labels[repoKey(repo)] ?? [];
    return {
      status: 200,
      body: issue.labels.flatMap((n) => {
        const label = all.find((l) => sameLogin(l.name, n));
        return label ? [labelJson(label, repo, ctx.urls)] : [];
      }),
    };
  }

  // --- comments ------------------------------------------------------------------------------------------

  function listComments(ctx: Context): EmulatorResponse {
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    const issue = findIssue(repo, ctx.params.issue_number);
    if (!issue) return notFound(ctx.docs);
    const since = ctx.req.query.get('since');
    const comments = state.comments
      .filter((c) => c.repo === repoKey(repo) && c.issue_number === issue.number)
      .filter((c) => !since || Date.parse(c.updated_at) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
    return list(
      comments.map((c) => commentJson(state, repo, c, ctx.urls)),
      ctx,
    );
  }

  function createComment(ctx: Context): EmulatorResponse {
    if (!ctx.login) return requiresAuth(ctx.docs);
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    const issue = findIssue(repo, ctx.params.issue_number);
    if (!issue) return notFound(ctx.docs);
    const body = isObject(ctx.body) ? ctx.body : {};
    if (body.body === undefined || body.body === null || body.body === '') {
      return validationFailed(ctx.docs, [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }]);
    }
    if (typeof body.body !== 'string') return validationFailed(ctx.docs, [{ resource: 'IssueComment', field: 'body', code: 'invalid' }]);
    if (body.body.length > 65_536) return validationFailed(ctx.docs, [{ resource: 'IssueComment', field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }]);
    if (issue.locked && !canPush(repo, ctx.login)) return error(403, 'Unable to create comment because issue is locked.', ctx.docs);
    const at = now();
    const comment = { id: state.nextId++, repo: repoKey(repo), issue_number: issue.number, body: body.body, user: findUser(ctx.login)!.login, created_at: at, updated_at: at };
    state.comments.push(comment);
    issue.updated_at = at;
    const json = commentJson(state, repo, comment, ctx.urls);
    return { status: 201, headers: { location: String(json.url) }, body: json };
  }

  // --- labels --------------------------------------------------------------------------------------------

  function listLabels(ctx: Context): EmulatorResponse {
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    return list(
      (state.labels[repoKey(repo)] ?? []).map((l) => labelJson(l, repo, ctx.urls)),
      ctx,
    );
  }

  function createLabel(ctx: Context): EmulatorResponse {
    if (!ctx.login) return requiresAuth(ctx.docs);
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    if (!canPush(repo, ctx.login)) return noAdminRights(ctx.docs);
    const body = isObject(ctx.body) ? ctx.body : {};
    if (typeof body.name !== 'string' || body.name.trim() === '') {
      return validationFailed(ctx.docs, [{ resource: 'Label', field: 'name', code: 'missing_field' }]);
    }
    const color = body.color === undefined || body.color === null ? 'ededed' : body.color;
    if (typeof color !== 'string' || !/^[0-9a-fA-F]{6}$/.test(color)) {
      return validationFailed(ctx.docs, [{ resource: 'Label', field: 'color', code: 'invalid' }]);
    }
    if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') {
      return validationFailed(ctx.docs, [{ resource: 'Label', field: 'description', code: 'invalid' }]);
    }
    const labels = (state.labels[repoKey(repo)] ??= []);
    const name = body.name.trim();
    if (labels.some((l) => sameLogin(l.name, name))) {
      return validationFailed(ctx.docs, [{ resource: 'Label', field: 'name', code: 'already_exists' }]);
    }
    const label: GitHubLabel = {
      id: state.nextId++,
      name,
      color: color.toLowerCase(),
      description: typeof body.description === 'string' ? body.description : null,
      default: false,
    };
    labels.push(label);
    const json = labelJson(label, repo, ctx.urls);
    return { status: 201, headers: { location: String(json.url) }, body: json };
  }

  function getLabel(ctx: Context): EmulatorResponse {
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    const label = (state.labels[repoKey(repo)] ?? []).find((l) => sameLogin(l.name, ctx.params.name ?? ''));
    if (!label) return notFound(ctx.docs);
    return { status: 200, body: labelJson(label, repo, ctx.urls) };
  }

  function checkAssignee(ctx: Context): EmulatorResponse {
    const repo = readableRepo(ctx);
    if (!repo) return notFound(ctx.docs);
    return assignable(repo, ctx.params.assignee ?? '') ? { status: 204 } : notFound(ctx.docs);
  }

  // --- search --------------------------------------------------------------------------------------------

  function searchIssues(ctx: Context): EmulatorResponse {
    const q = (ctx.req.query.get('q') ?? '').trim();
    if (!q) return validationFailed(ctx.docs, [{ resource: 'Search', field: 'q', code: 'missing' }]);
    const parsed = parseQuery(q);
    const visible = state.repos.filter((r) => permissionsFor(r, ctx.login));
    for (const name of parsed.repos) {
      if (!visible.some((r) => sameLogin(repoKey(r), name))) {
        return validationFailed(ctx.docs, [
          {
            message:
              'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
            resource: 'Search',
            field: 'q',
            code: 'invalid',
          },
        ]);
      }
    }
    const candidates = visible.flatMap((repo) => (state.issues[repoKey(repo)] ?? []).map((issue) => ({ repo, issue })));
    const hits = matchIssues(parsed, candidates, state.comments);
    const sort = ctx.req.query.get('sort');
    const order = ctx.req.query.get('order') === 'asc' ? 1 : -1;
    const commentsOf = (h: SearchHit): number => state.comments.filter((c) => c.repo === repoKey(h.repo) && c.issue_number === h.issue.number).length;
    const sortKey = (h: SearchHit): number => {
      if (sort === 'created') return Date.parse(h.issue.created_at);
      if (sort === 'updated') return Date.parse(h.issue.updated_at);
      if (sort === 'comments') return commentsOf(h);
      return h.score;
    };
    // `order` only applies with an explicit sort; best match is always most relevant first.
    const direction = sort ? order : -1;
    hits.sort((a, b) => (sortKey(a) - sortKey(b)) * direction || b.issue.id - a.issue.id);

    const perPageRaw = Number.parseInt(ctx.req.query.get('per_page') ?? '', 10);
    const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30;
    const pageRaw = Number.parseInt(ctx.req.query.get('page') ?? '', 10);
    const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
    if ((page - 1) * perPage >= 1000) return validationFailed(ctx.docs, [{ message: 'Only the first 1000 search results are available', resource: 'Search', field: 'q', code: 'invalid' }]);
    const { page: items, link } = paginate(hits, ctx, 1000);
    return {
      status: 200,
      ...(link ? { headers: { link } } : {}),
      // `items` must precede `search_type`: octokit.paginate takes the first remaining key as the item list.
      body: {
        total_count: hits.length,
        incomplete_results: false,
        items: items.map((h) => {
          const { closed_by: _closedBy, ...json } = issueJson(state, h.repo, h.issue, ctx.urls);
          return { ...json, score: h.score };
        }),
        search_type: 'lexical',
      },
    };
  }

  function rateLimit(ctx: Context): EmulatorResponse {
    const resources = Object.fromEntries(
      (['core', 'search'] as const).map((resource) => {
        const { limit } = limitFor(resource, ctx.login !== undefined);
        return [resource, { limit, used: 0, remaining: limit, reset: Math.ceil(Date.now() / 1000) + 3600 }];
      }),
    );
    return { status: 200, body: { resources, rate: resources.core } };
  }

  // --- routing -------------------------------------------------------------------------------------------

  const route = (method: string, pattern: string, operation: string, handler: Handler, docs: string, resource: RouteDef['resource'] = 'core'): void => {
    router.add(method, pattern, operation, { handler, docs: `https://docs.github.com/rest/${docs}`, resource });
  };
  route('GET', '/user', 'users.getAuthenticated', getAuthenticated, 'users/users#get-the-authenticated-user');
  route('GET', '/users/{username}', 'users.getByUsername', getByUsername, 'users/users#get-a-user');
  route('GET', '/repos/{owner}/{repo}', 'repos.get', getRepo, 'repos/repos#get-a-repository');
  route('GET', '/repos/{owner}/{repo}/issues', 'issues.listForRepo', listIssues, 'issues/issues#list-repository-issues');
  route('POST', '/repos/{owner}/{repo}/issues', 'issues.create', createIssue, 'issues/issues#create-an-issue');
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}', 'issues.get', getIssue, 'issues/issues#get-an-issue');
  route('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', 'issues.update', updateIssue, 'issues/issues#update-an-issue');
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'issues.listComments', listComments, 'issues/comments#list-issue-comments');
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'issues.createComment', createComment, 'issues/comments#create-an-issue-comment');
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', 'issues.addLabels', addLabels, 'issues/labels#add-labels-to-an-issue');
  route('GET', '/repos/{owner}/{repo}/labels', 'issues.listLabelsForRepo', listLabels, 'issues/labels#list-labels-for-a-repository');
  route('POST', '/repos/{owner}/{repo}/labels', 'issues.createLabel', createLabel, 'issues/labels#create-a-label');
  route('GET', '/repos/{owner}/{repo}/labels/{name}', 'issues.getLabel', getLabel, 'issues/labels#get-a-label');
  route('GET', '/repos/{owner}/{repo}/assignees/{assignee}', 'issues.checkUserCanBeAssigned', checkAssignee, 'issues/assignees#check-if-a-user-can-be-assigned');
  route('GET', '/search/issues', 'search.issuesAndPullRequests', searchIssues, 'search/search#search-issues-and-pull-requests', 'search');
  route('GET', '/rate_limit', 'rateLimit.get', rateLimit, 'rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user', 'none');

  function authenticate(req: RecordedRequest): { token?: GitHubToken; bad: boolean } {
    const header = req.headers.authorization;
    if (!header) return { bad: false };
    const m = /^(token|bearer)\s+(\S+)\s*$/i.exec(header);
    const token = m ? state.tokens.find((t) => t.token === m[2]) : undefined;
    return token ? { token, bad: false } : { bad: true };
  }

  function handle(req: RecordedRequest): EmulatorResponse {
    const urls: Urls = { api: server.url, web: webUrl };
    const auth = authenticate(req);
    const login = auth.token ? (findUser(auth.token.login)?.login ?? auth.token.login) : undefined;
    const found = router.lookup(req.method, req.path);
    const resource: RateLimitResource = found.kind === 'found' && found.match.handler.resource === 'search' ? 'search' : 'core';
    const counts = found.kind === 'found' && found.match.handler.resource === 'none' ? undefined : resource;
    const headers: Record<string, string> = {
      ...(counts ? ledger.record(login, counts) : {}),
      'x-github-request-id': githubRequestId(),
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'content-type': 'application/json; charset=utf-8',
    };
    if (auth.token?.scopes) {
      headers['x-oauth-scopes'] = auth.token.scopes.join(', ');
      headers['x-accepted-oauth-scopes'] = '';
    }
    const finish = (res: EmulatorResponse): EmulatorResponse => {
      const merged = { ...headers, ...res.headers };
      // Bodyless answers (204) carry no content type.
      if (res.body === undefined) delete merged['content-type'];
      return { ...res, headers: merged };
    };

    if (auth.bad) return finish(error(401, 'Bad credentials', DOCS));
    if (found.kind !== 'found') return finish(notFound(DOCS));
    const { match } = found;

    let body: unknown = req.body;
    if (body === undefined && req.rawBody.trim() !== '') {
      try {
        body = JSON.parse(req.rawBody);
      } catch {
        return finish(error(400, 'Problems parsing JSON', match.handler.docs));
      }
    }
    return finish(match.handler.handler({ req, params: match.params, body, login, urls, docs: match.handler.docs }));
  }

  const server = new EmulatorServer('github', handle, (req) => router.operationOf(req.method, req.path));
  return {
    server,
    state,
    start: (port?: number) => server.start(port),
    stop: () => server.stop(),
  };
}

export { primaryRateLimitFault, secondaryRateLimitFault } from './rate-limits.js';
