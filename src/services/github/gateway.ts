import { DEFAULT_TIMEOUT_MS, realSleep, type GatewayOptions } from '../http/types.js';
import { withTimeout } from '../http/timeout-fetch.js';
import { retryDelayMs } from '../http/retry-after.js';
import { toGitHubError } from './errors.js';
import type { GitHubComment, GitHubIssue, GitHubRepo, RepoRef } from './types.js';

/** Waits longer than this are not worth holding a terminal for: the filing stops and can be resumed. */
const MAX_WAIT_SECONDS = 60;

export interface GitHubGatewayOptions extends GatewayOptions {
  /** Multiplies the retry plugin's 1s/4s/9s schedule; tests shrink it. */
  retryBaseMs?: number;
  /**
   * Spacing between content-creating requests. Unset, the throttling plugin keeps GitHub's advice (1s
   * between writes, 3s between writes that notify, 2s between searches) to stay clear of secondary rate
   * limits; tests against the emulator shrink it.
   */
  writeSpacingMs?: number;
}

async function pacingGroups(spacingMs: number) {
  // The light build is what the octokit plugins use; its types are the full build's.
  const { default: Bottleneck } = (await import('bottleneck/light.js' as string)) as typeof import('bottleneck');
  const group = (id: string, minTime: number, maxConcurrent: number) => new Bottleneck.Group({ id, minTime, maxConcurrent });
  return {
    global: group('triage-global', 0, 10),
    auth: group('triage-auth', 0, 1),
    write: group('triage-write', spacingMs, 1),
    search: group('triage-search', spacingMs, 1),
    notifications: group('triage-notifications', spacingMs, 1),
  };
}

type OctokitInstance = InstanceType<(typeof import('@octokit/rest'))['Octokit']>;

interface RawIssue {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  labels: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
  created_at: string;
  pull_request?: unknown;
}

function toIssue(raw: RawIssue): GitHubIssue {
  return {
    number: raw.number,
    url: raw.html_url,
    title: raw.title,
    body: raw.body ?? '',
    labels: raw.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    assignees: (raw.assignees ?? []).map((a) => a.login),
    createdAt: raw.created_at,
  };
}

/**
 * GitHub as triage sees it. Reads are retried by @octokit/plugin-retry; creates and comments are never
 * retried blindly (a POST retried after a 502 can make a duplicate), only after GitHub said it refused them
 * (rate limits), and the filing step looks for an earlier attempt before trying again.
 */
export class GitHubGateway {
  private viewerCache: Promise<string> | undefined;

  private constructor(
    private readonly octokit: OctokitInstance,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly baseUrl: string,
  ) {}

  static async create(options: GitHubGatewayOptions): Promise<GitHubGateway> {
    const [{ Octokit }, { retry }, { throttling }] = await Promise.all([
      import('@octokit/rest'),
      import('@octokit/plugin-retry'),
      import('@octokit/plugin-throttling'),
    ]);
    const debug = options.debug ?? (() => {});
    const base = options.retryBaseMs ?? 1000;
    const Client = Octokit.plugin(retry, throttling);
    const groups = options.writeSpacingMs === undefined ? {} : await pacingGroups(options.writeSpacingMs);
    const octokit = new Client({
      auth: options.token,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      userAgent: 'triage-cli',
      request: { fetch: withTimeout(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.debug), retries: options.retries ?? 3 },
      // Octokit logs to the console by default; everything goes to --debug instead.
      log: { debug: () => {}, info: () => {}, warn: (m: string) => debug(`octokit: ${m}`), error: (m: string) => debug(`octokit: ${m}`) },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retryAfterBaseValue: base },
      throttle: {
        ...groups,
        retryAfterBaseValue: base,
        // Rate limits mean GitHub did not process the request, so waiting and retrying is safe for any method.
        onRateLimit: (retryAfter: number, _opts: unknown, _octokit: unknown, retryCount: number) => {
          debug(`GitHub rate limit: retry ${retryCount + 1} in ${retryAfter}s`);
          return retryCount < 2 && retryAfter <= MAX_WAIT_SECONDS;
        },
        onSecondaryRateLimit: (retryAfter: number, _opts: unknown, _octokit: unknown, retryCount: number) => {
          debug(`GitHub secondary rate limit: retry ${retryCount + 1} in ${retryAfter}s`);
          return retryCount < 2 && retryAfter <= MAX_WAIT_SECONDS;
        },
      },
    });
    return new GitHubGateway(octokit as unknown as OctokitInstance, options.sleep ?? realSleep, options.baseUrl);
  }

  /** The login of the token's user. */
  viewer(): Promise<string> {
    this.viewerCache ??= this.call('user lookup', () => this.octokit.rest.users.getAuthenticated()).then((r) => r.data.login);
    return this.viewerCache;
  }

  async repo(ref: RepoRef): Promise<GitHubRepo> {
    const { data } = await this.call('repository lookup', () => this.octokit.rest.repos.get({ owner: ref.owner, repo: ref.name }));
    return {
      fullName: data.full_name,
      private: data.private,
      hasIssues: data.has_issues,
      canPush: Boolean(data.permissions?.push),
      url: data.html_url,
    };
  }

  async createIssue(ref: RepoRef, input: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<GitHubIssue> {
    const { data } = await this.write('issue create', () =>
      this.octokit.rest.issues.create({ owner: ref.owner, repo: ref.name, ...input, request: { retries: 0 } }),
    );
    return toIssue(data as RawIssue);
  }

  async issue(ref: RepoRef, number: number): Promise<GitHubIssue> {
    const { data } = await this.call('issue lookup', () => this.octokit.rest.issues.get({ owner: ref.owner, repo: ref.name, issue_number: number }));
    return toIssue(data as RawIssue);
  }

  /**
   * Finds an issue whose body holds `marker`: first among the viewer's issues created since `since`
   * (a consistent read), then through search (which lags behind writes, so it only backs up the first).
   */
  async findIssueByMarker(ref: RepoRef, marker: string, since: string): Promise<GitHubIssue | undefined> {
    const creator = await this.viewer();
    const recent = await this.call('issue list', () =>
      this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
        owner: ref.owner,
        repo: ref.name,
        creator,
        since,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: 100,
      }),
    );
    const hit = (recent as RawIssue[]).find((i) => !i.pull_request && (i.body ?? '').includes(marker));
    if (hit) return toIssue(hit);
    const { data } = await this.call('issue search', () =>
      this.octokit.rest.search.issuesAndPullRequests({ q: `"${marker}" in:body repo:${ref.owner}/${ref.name} is:issue`, per_page: 5 }),
    );
    const found = (data.items as RawIssue[]).find((i) => (i.body ?? '').includes(marker));
    return found ? toIssue(found) : undefined;
  }

  /**
   * Open issues of a repository with every one of `words` (GitHub's search ANDs words), best match first. Search
   * is paced separately from writes by the throttling plugin (GitHub allows 30 searches a minute).
   */
  async searchOpenIssues(ref: RepoRef, words: string[], limit = 10): Promise<GitHubIssue[]> {
    const text = words.map((w) => w.replace(/["\s]/g, '')).filter(Boolean).join(' ');
    if (!text) return [];
    const { data } = await this.call('issue search', () =>
      this.octokit.rest.search.issuesAndPullRequests({ q: `${text} repo:${ref.owner}/${ref.name} is:issue is:open`, per_page: limit }),
    );
    return (data.items as RawIssue[]).filter((i) => !i.pull_request).map(toIssue);
  }

  async comments(ref: RepoRef, number: number): Promise<GitHubComment[]> {
    const all = await this.call('comment list', () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, { owner: ref.owner, repo: ref.name, issue_number: number, per_page: 100 }),
    );
    return (all as Array<{ id: number; html_url: string; body?: string }>).map((c) => ({ id: c.id, url: c.html_url, body: c.body ?? '' }));
  }

  async createComment(ref: RepoRef, number: number, body: string): Promise<GitHubComment> {
    const { data } = await this.write('comment create', () =>
      this.octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.name, issue_number: number, body, request: { retries: 0 } }),
    );
    return { id: data.id, url: data.html_url, body: data.body ?? '' };
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toGitHubError(error, what, this.baseUrl);
    }
  }

  /**
   * A 429 that the throttling plugin does not recognise (no rate-limit headers) still means "not processed":
   * retry it after Retry-After. Anything else fails the write, and the caller checks before trying again.
   */
  private async write<T>(what: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const err = error as { status?: number; response?: { headers?: Record<string, string> } };
        if (err.status === 429 && attempt < 2) {
          const wait = retryDelayMs(new Headers(err.response?.headers ?? {}), Date.now()) ?? 1000;
          if (wait <= MAX_WAIT_SECONDS * 1000) {
            await this.sleep(wait);
            continue;
          }
        }
        throw toGitHubError(error, what, this.baseUrl);
      }
    }
  }
}
