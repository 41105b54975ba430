import { AuthError, ServiceError } from '../../errors.js';
import { backoffMs, retryDelayMs } from '../http/retry-after.js';
import { describeNetworkError, withTimeout } from '../http/timeout-fetch.js';
import { unreachableError } from '../http/explain.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, realSleep, type FetchFn, type GatewayOptions } from '../http/types.js';
import { PylonServiceError, toPylonError } from './errors.js';
import { PYLON_ROUTE_LIMITS, RoutePacer, type PylonRoute } from './pacing.js';
import { checkPriorityField, type PriorityFieldConfig, type PriorityFieldMap } from './priority-field.js';
import type {
  CustomFieldUpdate,
  ExternalIssueLink,
  PylonAccount,
  PylonUser,
  PylonContact,
  PylonCustomField,
  PylonFilter,
  PylonIssue,
  PylonMe,
  PylonMessage,
  PylonMessageRef,
  PylonNoteInput,
  PylonObjectType,
  PylonPage,
  PylonReplyInput,
} from './types.js';

/** Pylon allows up to 999 issues a page; searches are limited to 20 a minute, so big pages are cheaper. */
export const MAX_SEARCH_PAGE_SIZE = 999;

/** A Retry-After longer than this is not worth holding a terminal for: the command stops and can be rerun. */
const MAX_RATE_LIMIT_WAIT_MS = 120_000;
const MAX_RATE_LIMIT_RETRIES = 5;

export interface PylonGatewayOptions extends GatewayOptions {
  /** Epoch milliseconds, for pacing. Default: the real clock. */
  now?: () => number;
  /** Requests per minute by route; default Pylon's documented limits. `{}` turns pacing off. */
  limits?: Readonly<Partial<Record<string, number>>>;
  /** Told when a request waits a second or more for Pylon's rate limit: a terminal says so, not silence. */
  onWait?: (route: string, ms: number) => void;
}

/**
 * How a request may be retried. `safe`: reads, and writes that set a value (retrying them cannot do anything
 * twice), after 5xx, timeouts and dropped connections. `refused-only`: replies and notes, which a retry after a
 * 502 could post twice; only a 429 (Pylon did not run it) is retried.
 */
type RetryPolicy = 'safe' | 'refused-only';

interface Call {
  route: PylonRoute;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  /** For messages: "issue 42 lookup", "issue search". */
  what: string;
  retry: RetryPolicy;
  query?: Record<string, string>;
  body?: unknown;
}

interface Envelope<T> {
  data: T;
  pagination?: { cursor?: string; has_next_page?: boolean };
  request_id?: string;
}

/**
 * Pylon's REST API as triage uses it. Built from `{ token, baseUrl, fetch }`; every request is paced per route,
 * has a deadline, and is retried only when that is safe. Errors keep Pylon's message and `request_id`, never
 * the token.
 */
export class PylonGateway {
  private readonly fetchFn: FetchFn;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly retries: number;
  private readonly baseUrl: string;
  readonly pacer: RoutePacer;

  private constructor(private readonly options: PylonGatewayOptions) {
    this.fetchFn = withTimeout(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.debug);
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.retries = options.retries ?? DEFAULT_RETRIES;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.pacer = new RoutePacer({ limits: options.limits ?? PYLON_ROUTE_LIMITS, now: this.now, sleep: this.sleep, ...(options.onWait ? { onWait: options.onWait } : {}) });
  }

  static create(options: PylonGatewayOptions): PylonGateway {
    return new PylonGateway(options);
  }

  /** The organization the token belongs to; the cheapest way to check a token. */
  async me(): Promise<PylonMe> {
    return (await this.call<PylonMe>({ route: 'pylon.me.get', method: 'GET', path: '/me', what: 'token check', retry: 'safe' })).data;
  }

  /** By UUID or by the number shown in Pylon. */
  async issue(idOrNumber: string | number): Promise<PylonIssue> {
    const id = String(idOrNumber).replace(/^#/, '');
    return (await this.call<PylonIssue>({ route: 'pylon.issues.get', method: 'GET', path: `/issues/${encodeURIComponent(id)}`, what: `issue ${id} lookup`, retry: 'safe' })).data;
  }

  async searchIssues(filter: PylonFilter, page: { limit?: number; cursor?: string } = {}): Promise<PylonPage<PylonIssue>> {
    const body: Record<string, unknown> = { filter, limit: Math.min(MAX_SEARCH_PAGE_SIZE, Math.max(1, page.limit ?? 100)) };
    if (page.cursor) body.cursor = page.cursor;
    const envelope = await this.call<PylonIssue[]>({ route: 'pylon.issues.search', method: 'POST', path: '/issues/search', what: 'issue search', retry: 'safe', body });
    const hasNextPage = Boolean(envelope.pagination?.has_next_page && envelope.pagination.cursor);
    return { data: envelope.data ?? [], cursor: hasNextPage ? envelope.pagination!.cursor : undefined, hasNextPage };
  }

  /** Every page of a search, one request each, following Pylon's cursors. */
  async *searchIssuePages(filter: PylonFilter, options: { pageSize?: number } = {}): AsyncGenerator<PylonIssue[]> {
    let cursor: string | undefined;
    do {
      const page = await this.searchIssues(filter, { limit: options.pageSize ?? MAX_SEARCH_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      yield page.data;
      cursor = page.cursor;
    } while (cursor);
  }

  /** Sets custom fields to values: Pylon validates them against the field definitions (400 otherwise). */
  async updateIssueCustomFields(id: string, fields: CustomFieldUpdate[]): Promise<PylonIssue> {
    const custom_fields = fields.map((f) => (f.values !== undefined ? { slug: f.slug, values: f.values } : { slug: f.slug, value: f.value ?? '' }));
    return (
      await this.call<PylonIssue>({ route: 'pylon.issues.update', method: 'PATCH', path: `/issues/${encodeURIComponent(id)}`, what: `issue ${id} update`, retry: 'safe', body: { custom_fields } })
    ).data;
  }

  /**
   * Links (or unlinks) external issues, one request each as Pylon's endpoint takes one at a time. Linking what
   * is already linked changes nothing, so these are retried like reads. Returns the issue after the last one.
   */
  async linkExternalIssues(id: string, links: ExternalIssueLink[]): Promise<PylonIssue | undefined> {
    let issue: PylonIssue | undefined;
    for (const link of links) {
      const body: Record<string, string> = { source: link.source, external_issue_id: link.external_issue_id };
      if (link.operation) body.operation = link.operation;
      issue = (
        await this.call<PylonIssue>({ route: 'pylon.issues.linkExternal', method: 'POST', path: `/issues/${encodeURIComponent(id)}/external-issues`, what: `${link.operation ?? 'link'} of a ${link.source} issue to issue ${id}`, retry: 'safe', body })
      ).data;
    }
    return issue;
  }

  async customFields(objectType: PylonObjectType): Promise<PylonCustomField[]> {
    return this.all<PylonCustomField>({ route: 'pylon.customFields.list', method: 'GET', path: '/custom-fields', what: 'custom field list', retry: 'safe', query: { object_type: objectType } });
  }

  /** Reads the issue fields and checks the configured priority field against them (a ConfigError names what is wrong). */
  async priorityField(config: PriorityFieldConfig): Promise<PriorityFieldMap> {
    return checkPriorityField(await this.customFields('issue'), config);
  }

  /** Every page of the organization's accounts (GET /accounts, up to 999 a request), following Pylon's cursors. */
  async *accountPages(pageSize = MAX_SEARCH_PAGE_SIZE): AsyncGenerator<PylonAccount[]> {
    let cursor: string | undefined;
    do {
      const query: Record<string, string> = { limit: String(Math.min(MAX_SEARCH_PAGE_SIZE, Math.max(1, pageSize))) };
      if (cursor) query.cursor = cursor;
      const envelope = await this.call<PylonAccount[]>({ route: 'pylon.accounts.list', method: 'GET', path: '/accounts', what: 'account list', retry: 'safe', query });
      yield envelope.data ?? [];
      cursor = envelope.pagination?.has_next_page && envelope.pagination.cursor ? envelope.pagination.cursor : undefined;
    } while (cursor);
  }

  /**
   * Names of these accounts. A handful are looked up one by one; more are read from the account list a page at a
   * time (stopping once all are found), so a sync naming 1,000 customers makes two requests, not 1,000 at 60 a
   * minute. An id the list did not contain is looked up on its own; one that cannot be read is left out.
   */
  async accountNames(ids: readonly string[], options: { pageSize?: number; lookupsUpTo?: number } = {}): Promise<Map<string, string>> {
    const wanted = new Set(ids);
    const names = new Map<string, string>();
    const lookupsUpTo = options.lookupsUpTo ?? 3;
    if (wanted.size > lookupsUpTo) {
      try {
        for await (const page of this.accountPages(options.pageSize)) {
          for (const account of page) {
            if (wanted.has(account.id)) names.set(account.id, account.name);
          }
          if (names.size === wanted.size) break;
        }
      } catch (error) {
        if (error instanceof AuthError) throw error;
        // Names are for display: a list that cannot be read leaves the ids shown instead.
      }
    }
    // Ids the list did not hold (an external id, an account created meanwhile): a few lookups at most.
    const missing = [...wanted].filter((id) => !names.has(id)).slice(0, Math.max(lookupsUpTo, 25));
    for (const id of missing) {
      try {
        names.set(id, (await this.account(id)).name);
      } catch (error) {
        if (error instanceof AuthError) throw error;
      }
    }
    return names;
  }

  /** The organization's members, every page. */
  async users(): Promise<PylonUser[]> {
    return this.all<PylonUser>({ route: 'pylon.users.list', method: 'GET', path: '/users', what: 'user list', retry: 'safe' });
  }

  async account(id: string): Promise<PylonAccount> {
    return (await this.call<PylonAccount>({ route: 'pylon.accounts.get', method: 'GET', path: `/accounts/${encodeURIComponent(id)}`, what: `account ${id} lookup`, retry: 'safe' })).data;
  }

  async contact(id: string): Promise<PylonContact> {
    return (await this.call<PylonContact>({ route: 'pylon.contacts.get', method: 'GET', path: `/contacts/${encodeURIComponent(id)}`, what: `contact ${id} lookup`, retry: 'safe' })).data;
  }

  async messages(issueId: string): Promise<PylonMessage[]> {
    return this.all<PylonMessage>({ route: 'pylon.issues.messages', method: 'GET', path: `/issues/${encodeURIComponent(issueId)}/messages`, what: `message list of issue ${issueId}`, retry: 'safe' });
  }

  /** A customer-facing reply. Never retried after a fault that may have posted it. */
  async reply(issueId: string, input: PylonReplyInput): Promise<PylonMessageRef> {
    return (await this.call<PylonMessageRef>({ route: 'pylon.issues.reply', method: 'POST', path: `/issues/${encodeURIComponent(issueId)}/reply`, what: `reply on issue ${issueId}`, retry: 'refused-only', body: input })).data;
  }

  /** An internal note. Never retried after a fault that may have posted it. */
  async note(issueId: string, input: PylonNoteInput): Promise<PylonMessageRef> {
    return (await this.call<PylonMessageRef>({ route: 'pylon.issues.note', method: 'POST', path: `/issues/${encodeURIComponent(issueId)}/note`, what: `note on issue ${issueId}`, retry: 'refused-only', body: input })).data;
  }

  /** A list endpoint, following `pagination.cursor` when Pylon says there is more. */
  private async all<T>(call: Call): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const envelope = await this.call<T[]>({ ...call, query: { ...call.query, ...(cursor ? { cursor } : {}) } });
      items.push(...(envelope.data ?? []));
      cursor = envelope.pagination?.has_next_page ? envelope.pagination.cursor : undefined;
      if (!cursor) break;
    }
    return items;
  }

  private async call<T>(call: Call): Promise<Envelope<T>> {
    const url = new URL(`${this.baseUrl}${call.path}`);
    for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}`, accept: 'application/json', 'user-agent': 'triage-cli' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);

    let faults = 0;
    let refusals = 0;
    for (;;) {
      const release = await this.pacer.acquire(call.route);
      let response: Response;
      try {
        response = await this.fetchFn(url, { method: call.method, headers, ...(body !== undefined ? { body } : {}) });
      } catch (error) {
        release();
        if (call.retry === 'safe' && faults < this.retries) {
          const wait = backoffMs(faults++);
          this.options.debug?.(`Pylon ${call.what}: ${describeNetworkError(error)}, retrying in ${wait} ms`);
          await this.sleep(wait);
          continue;
        }
        const unreachable = unreachableError('pylon', this.baseUrl, error, call.retry === 'refused-only' ? 'It may have been posted anyway: check the issue in Pylon before trying again.' : undefined);
        throw new PylonServiceError(unreachable.message, undefined, { cause: error, transient: true, ...(unreachable.hint ? { hint: unreachable.hint } : {}) });
      }
      const payload = await readBody(response);
      release();
      if (response.ok) {
        if (typeof payload !== 'object' || payload === null) throw new ServiceError('pylon', `Pylon ${call.what}: unexpected answer (not JSON)`, { status: response.status });
        return payload as Envelope<T>;
      }
      if (response.status === 429) {
        const wait = retryDelayMs(response.headers, this.now()) ?? backoffMs(refusals);
        // Whoever else shares this route waits too: the budget is per token, not per request.
        this.pacer.pause(call.route, this.now() + wait);
        if (refusals++ < MAX_RATE_LIMIT_RETRIES && wait <= MAX_RATE_LIMIT_WAIT_MS) {
          this.options.debug?.(`Pylon ${call.what}: rate limited, waiting ${Math.ceil(wait / 1000)}s`);
          continue;
        }
      } else if (response.status >= 500 && call.retry === 'safe' && faults < this.retries) {
        const wait = backoffMs(faults++);
        this.options.debug?.(`Pylon ${call.what}: HTTP ${response.status}, retrying in ${wait} ms`);
        await this.sleep(wait);
        continue;
      }
      const mayHaveRun = call.retry === 'refused-only' && response.status >= 500;
      throw toPylonError(response.status, payload, call.what, [this.options.token], mayHaveRun ? 'It may have been posted anyway: check the issue in Pylon before trying again.' : undefined, response.statusText);
    }
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Kept whole for the error summary (an HTML page's title may come late); never shown as is.
    return text.slice(0, 20_000);
  }
}
