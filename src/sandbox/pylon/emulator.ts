/**
 * A faithful local Pylon REST API for the endpoints the CLI uses, following Pylon's OpenAPI description:
 * `{ data, request_id }` envelopes, `{ errors, request_id }` errors, bearer-token auth, cursor pagination on
 * search, custom field validation against the definitions, and per-endpoint per-minute rate limits.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorResponse, RecordedRequest } from '../http/emulator-server.js';
import { EmulatorServer } from '../http/emulator-server.js';
import { Router } from '../http/router.js';
import { compileIssueFilter, FilterError } from './issue-filter.js';
import { SlidingWindowLimiter } from './rate-limits.js';
import type { PylonCustomFieldValue, PylonExternalIssue, PylonIssue, PylonMessage, PylonMessageAuthor, PylonState, PylonToken } from './state.js';
import { BUILT_IN_STATES, createPylonState } from './state.js';

export interface PylonEmulatorOptions {
  state?: PylonState;
  /** Base of issue `link`s. Default `https://app.usepylon.com`. */
  webUrl?: string;
  /**
   * Requests per minute per token, by operation name (e.g. `'pylon.issues.search': 1000`). `'*'` sets every route
   * not named. 0 means unlimited, so `{ '*': 0 }` turns limiting off. Unnamed routes keep Pylon's documented limits
   * (see PYLON_RATE_LIMITS).
   */
  rateLimits?: Partial<Record<string, number>>;
  /** Clock for timestamps and rate-limit windows. Default: the real clock. */
  now?: () => Date;
}

export interface PylonEmulator {
  readonly server: EmulatorServer;
  readonly state: PylonState;
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
}

interface Context {
  req: RecordedRequest;
  params: Readonly<Record<string, string>>;
  body: Record<string, unknown>;
  token: PylonToken;
  requestId: string;
}

type Handler = (ctx: Context) => EmulatorResponse;

const MAX_LIST_RANGE_MS = 30 * 24 * 3_600_000;
const OBJECT_TYPES = ['account', 'issue', 'contact', 'task', 'project', 'call_recording'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRfc3339(raw: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) && !Number.isNaN(Date.parse(raw));
}

/** Where Pylon's integrations would point a linked issue; GitHub ids are `owner/repo/number`. */
function externalLink(source: string, externalId: string): string | undefined {
  if (source === 'github') {
    const m = /^([^/]+)\/([^/]+)\/(\d+)$/.exec(externalId);
    return m ? `https://github.com/${m[1]}/${m[2]}/issues/${m[3]}` : undefined;
  }
  if (source === 'linear') return `https://linear.app/issue/${externalId}`;
  return undefined;
}

interface SearchCursor {
  c: string;
  n: number;
}

function encodeCursor(issue: PylonIssue): string {
  return Buffer.from(JSON.stringify({ c: issue.created_at, n: issue.number } satisfies SearchCursor)).toString('base64url');
}

function decodeCursor(raw: string): SearchCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (isRecord(parsed) && typeof parsed.c === 'string' && typeof parsed.n === 'number') return { c: parsed.c, n: parsed.n };
  } catch {
    // fall through
  }
  return undefined;
}

/** Newest first; ties broken by number so the order (and so the cursor) is total. */
function compareIssues(a: { created_at: string; number: number }, b: { created_at: string; number: number }): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || b.number - a.number;
}

export function createPylonEmulator(options: PylonEmulatorOptions = {}): PylonEmulator {
  const state = options.state ?? createPylonState();
  const webUrl = (options.webUrl ?? 'https://app.usepylon.com').replace(/\/+$/, '');
  const clock = options.now ?? (() => new Date());
  const limiter = new SlidingWindowLimiter(options.rateLimits ?? {}, clock);
  const router = new Router<Handler>();
  const nowIso = (): string => clock().toISOString();

  const ok = (ctx: Context, data: unknown, extra: Record<string, unknown> = {}): EmulatorResponse => ({
    status: 200,
    body: { data, ...extra, request_id: ctx.requestId },
  });
  const fail = (requestId: string, status: number, ...errors: string[]): EmulatorResponse => ({
    status,
    body: { errors, request_id: requestId },
  });
  const noMorePages = { pagination: { cursor: '', has_next_page: false } };

  const issueJson = (issue: PylonIssue): Record<string, unknown> => ({
    ...structuredClone(issue),
    link: `${webUrl}/issues?issueNumber=${issue.number}`,
  });
  const messageJson = (message: PylonMessage): Record<string, unknown> => {
    const { issue_id: _issueId, ...rest } = structuredClone(message);
    return rest;
  };

  /** `/issues/{id}` and its sub-paths take the issue's ID or its number. */
  function findIssue(idOrNumber: string | undefined): PylonIssue | undefined {
    if (!idOrNumber) return undefined;
    if (/^\d+$/.test(idOrNumber)) return state.issues.find((i) => i.number === Number(idOrNumber));
    return state.issues.find((i) => i.id === idOrNumber);
  }

  function defaultAuthor(token: PylonToken): PylonMessageAuthor {
    const user = state.users.find((u) => u.id === token.user_id) ?? state.users[0];
    return user ? { name: user.name, ...(user.avatar_url ? { avatar_url: user.avatar_url } : {}), user: { id: user.id, email: user.email } } : { name: state.org.name };
  }

  // --- me, users, accounts, contacts ---------------------------------------------------------------------

  router.add('GET', '/me', 'pylon.me.get', (ctx) => ok(ctx, { id: state.org.id, name: state.org.name }));
  router.add('GET', '/users', 'pylon.users.list', (ctx) => ok(ctx, structuredClone(state.users), noMorePages));
  router.add('GET', '/users/{id}', 'pylon.users.get', (ctx) => {
    const user = state.users.find((u) => u.id === ctx.params.id);
    return user ? ok(ctx, structuredClone(user)) : fail(ctx.requestId, 404, 'user not found');
  });
  // GET /accounts: `limit` is required (1..999); the cursor is opaque (here: the last account's id, encoded).
  router.add('GET', '/accounts', 'pylon.accounts.list', (ctx) => {
    const rawLimit = ctx.req.query.get('limit');
    if (rawLimit === null || rawLimit === '') return fail(ctx.requestId, 400, 'limit is required');
    const limit = Number(rawLimit);
    if (!Number.isInteger(limit) || limit <= 0 || limit >= 1000) return fail(ctx.requestId, 400, 'limit must be greater than 0 and less than 1000');
    const rawCursor = ctx.req.query.get('cursor');
    let start = 0;
    if (rawCursor) {
      const afterId = Buffer.from(rawCursor, 'base64url').toString('utf8');
      const index = state.accounts.findIndex((a) => a.id === afterId);
      if (index < 0) return fail(ctx.requestId, 400, 'invalid cursor');
      start = index + 1;
    }
    const page = state.accounts.slice(start, start + limit);
    const hasNext = start + limit < state.accounts.length;
    return ok(ctx, structuredClone(page), {
      pagination: { cursor: hasNext ? Buffer.from(page[page.length - 1]!.id, 'utf8').toString('base64url') : '', has_next_page: hasNext },
    });
  });
  router.add('GET', '/accounts/{id}', 'pylon.accounts.get', (ctx) => {
    const id = ctx.params.id;
    const account = state.accounts.find((a) => a.id === id) ?? state.accounts.find((a) => a.external_ids.some((e) => e.external_id === id));
    return account ? ok(ctx, structuredClone(account)) : fail(ctx.requestId, 404, 'account not found');
  });
  router.add('GET', '/contacts/{id}', 'pylon.contacts.get', (ctx) => {
    const contact = state.contacts.find((c) => c.id === ctx.params.id);
    return contact ? ok(ctx, structuredClone(contact)) : fail(ctx.requestId, 404, 'contact not found');
  });

  // --- custom fields -------------------------------------------------------------------------------------

  router.add('GET', '/custom-fields', 'pylon.customFields.list', (ctx) => {
    const objectType = ctx.req.query.get('object_type');
    if (!objectType) return fail(ctx.requestId, 400, 'object_type is required');
    if (!OBJECT_TYPES.includes(objectType)) return fail(ctx.requestId, 400, `invalid object_type "${objectType}"`);
    return ok(ctx, structuredClone(state.customFields.filter((f) => f.object_type === objectType)), noMorePages);
  });
  router.add('GET', '/custom-fields/{id}', 'pylon.customFields.get', (ctx) => {
    const field = state.customFields.find((f) => f.id === ctx.params.id);
    return field ? ok(ctx, structuredClone(field)) : fail(ctx.requestId, 404, 'custom field not found');
  });

  // --- issues --------------------------------------------------------------------------------------------

  router.add('GET', '/issues', 'pylon.issues.list', (ctx) => {
    const start = ctx.req.query.get('start_time');
    const end = ctx.req.query.get('end_time');
    if (!start || !end) return fail(ctx.requestId, 400, 'start_time and end_time are required');
    if (!isRfc3339(start) || !isRfc3339(end)) return fail(ctx.requestId, 400, 'start_time and end_time must be RFC3339 timestamps');
    const from = Date.parse(start);
    const to = Date.parse(end);
    if (from > to) return fail(ctx.requestId, 400, 'start_time must be before end_time');
    if (to - from > MAX_LIST_RANGE_MS) return fail(ctx.requestId, 400, 'the duration between start_time and end_time must be less than or equal to 30 days');
    const issues = state.issues
      .filter((i) => Date.parse(i.created_at) >= from && Date.parse(i.created_at) <= to)
      .sort((a, b) => -compareIssues(a, b));
    return ok(ctx, issues.map(issueJson));
  });

  router.add('POST', '/issues/search', 'pylon.issues.search', (ctx) => {
    const { filter, limit: rawLimit, cursor: rawCursor } = ctx.body;
    if (filter === undefined) return fail(ctx.requestId, 400, 'filter is required');
    let predicate;
    try {
      predicate = compileIssueFilter(filter, state.customFields);
    } catch (error) {
      if (error instanceof FilterError) return fail(ctx.requestId, 400, error.message);
      throw error;
    }
    const limit = rawLimit === undefined ? 100 : rawLimit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0 || limit >= 1000) {
      return fail(ctx.requestId, 400, 'limit must be greater than 0 and less than 1000');
    }
    let after: SearchCursor | undefined;
    if (rawCursor !== undefined && rawCursor !== '') {
      after = typeof rawCursor === 'string' ? decodeCursor(rawCursor) : undefined;
      if (!after) return fail(ctx.requestId, 400, 'invalid cursor');
    }
    const cursorKey = after ? { created_at: after.c, number: after.n } : undefined;
    const matching = state.issues
      .filter(predicate)
      .sort(compareIssues)
      .filter((i) => !cursorKey || compareIssues(cursorKey, i) < 0);
    const page = matching.slice(0, limit);
    const hasNext = matching.length > limit;
    return ok(ctx, page.map(issueJson), {
      pagination: { cursor: hasNext ? encodeCursor(page[page.length - 1]!) : '', has_next_page: hasNext },
    });
  });

  router.add('GET', '/issues/{id}', 'pylon.issues.get', (ctx) => {
    const issue = findIssue(ctx.params.id);
    return issue ? ok(ctx, issueJson(issue)) : fail(ctx.requestId, 404, 'issue not found');
  });

  router.add('PATCH', '/issues/{id}', 'pylon.issues.update', (ctx) => {
    const issue = findIssue(ctx.params.id);
    if (!issue) return fail(ctx.requestId, 404, 'issue not found');
    const b = ctx.body;
    // Validate everything first: a rejected update changes nothing.
    const next: PylonIssue = structuredClone(issue);
    if (b.state !== undefined) {
      if (typeof b.state !== 'string' || ![...BUILT_IN_STATES, ...state.customStatuses].includes(b.state)) {
        return fail(ctx.requestId, 400, `invalid state "${String(b.state)}"`);
      }
      if (b.state === 'closed' && issue.state !== 'closed') next.resolution_time = nowIso();
      if (b.state !== 'closed') delete next.resolution_time;
      next.state = b.state;
    }
    if (b.title !== undefined) {
      if (typeof b.title !== 'string' || b.title.trim() === '') return fail(ctx.requestId, 400, 'title must be a non-empty string');
      next.title = b.title;
    }
    if (b.tags !== undefined) {
      if (!Array.isArray(b.tags) || !b.tags.every((t) => typeof t === 'string')) return fail(ctx.requestId, 400, 'tags must be an array of strings');
      next.tags = [...new Set(b.tags as string[])];
    }
    if (b.type !== undefined) {
      if (b.type !== 'conversation' && b.type !== 'ticket') return fail(ctx.requestId, 400, `invalid type "${String(b.type)}"`);
      if (issue.type === 'ticket' && b.type === 'conversation') return fail(ctx.requestId, 400, 'a ticket cannot be downgraded to a conversation');
      next.type = b.type;
    }
    if (b.customer_portal_visible !== undefined) {
      if (typeof b.customer_portal_visible !== 'boolean') return fail(ctx.requestId, 400, 'customer_portal_visible must be a boolean');
      next.customer_portal_visible = b.customer_portal_visible;
    }
    if (b.assignee_id !== undefined) {
      if (b.assignee_id === '') delete next.assignee;
      else {
        const user = state.users.find((u) => u.id === b.assignee_id);
        if (!user) return fail(ctx.requestId, 400, `user "${String(b.assignee_id)}" not found`);
        next.assignee = { id: user.id, email: user.email };
      }
    }
    if (b.team_id !== undefined) {
      if (b.team_id === '') delete next.team;
      else {
        const team = state.teams.find((t) => t.id === b.team_id);
        if (!team) return fail(ctx.requestId, 400, `team "${String(b.team_id)}" not found`);
        next.team = { id: team.id };
      }
    }
    if (b.account_id !== undefined) {
      const account = state.accounts.find((a) => a.id === b.account_id);
      if (!account) return fail(ctx.requestId, 400, `account "${String(b.account_id)}" not found`);
      next.account = { id: account.id };
    }
    const requesterId = b.requester_id ?? b.requestor_id;
    if (requesterId !== undefined) {
      const contact = state.contacts.find((c) => c.id === requesterId);
      if (!contact) return fail(ctx.requestId, 400, `contact "${String(requesterId)}" not found`);
      next.requester = { id: contact.id, email: contact.email };
    }
    if (b.custom_fields !== undefined) {
      if (!Array.isArray(b.custom_fields)) return fail(ctx.requestId, 400, 'custom_fields must be an array');
      for (const entry of b.custom_fields) {
        const result = applyCustomField(next.custom_fields, entry);
        if (result) return fail(ctx.requestId, 400, result);
      }
    }
    next.updated_at = nowIso();
    Object.assign(issue, next);
    for (const key of ['assignee', 'team', 'resolution_time'] as const) if (!(key in next)) delete issue[key];
    return ok(ctx, issueJson(issue));
  });

  /** Returns an error message, or undefined when the value was applied. */
  function applyCustomField(target: Record<string, PylonCustomFieldValue>, entry: unknown): string | undefined {
    if (!isRecord(entry) || typeof entry.slug !== 'string') return 'each custom field needs a slug';
    const slug = entry.slug;
    const def = state.customFields.find((f) => f.slug === slug && f.object_type === 'issue');
    if (!def) return `custom field with slug "${slug}" does not exist`;
    if (def.is_read_only) return `custom field "${slug}" is read-only`;
    const options = def.select_metadata?.options.map((o) => o.slug) ?? [];
    if (def.type === 'multiselect') {
      const values = entry.values ?? undefined;
      if (values === undefined || values === null || (Array.isArray(values) && values.length === 0)) {
        delete target[slug];
        return undefined;
      }
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return `values for custom field "${slug}" must be an array of strings`;
      const bad = (values as string[]).find((v) => !options.includes(v));
      if (bad !== undefined) return `invalid value "${bad}" for custom field "${slug}"`;
      target[slug] = { slug, values: [...(values as string[])] };
      return undefined;
    }
    const value = entry.value;
    if (value === undefined || value === null || value === '') {
      delete target[slug];
      return undefined;
    }
    if (typeof value !== 'string') return `value for custom field "${slug}" must be a string`;
    const valid =
      def.type === 'select'
        ? options.includes(value)
        : def.type === 'number'
          ? value.trim() !== '' && !Number.isNaN(Number(value))
          : def.type === 'boolean'
            ? value === 'true' || value === 'false'
            : def.type === 'date' || def.type === 'datetime'
              ? !Number.isNaN(Date.parse(value))
              : true;
    if (!valid) return `invalid value "${value}" for custom field "${slug}"`;
    target[slug] = { slug, value };
    return undefined;
  }

  router.add('POST', '/issues/{id}/external-issues', 'pylon.issues.linkExternal', (ctx) => {
    const issue = findIssue(ctx.params.id);
    if (!issue) return fail(ctx.requestId, 404, 'issue not found');
    const { external_issue_id: externalId, source, operation } = ctx.body;
    if (typeof externalId !== 'string' || externalId === '') return fail(ctx.requestId, 400, 'external_issue_id is required');
    if (typeof source !== 'string' || source === '') return fail(ctx.requestId, 400, 'source is required');
    const op = operation ?? 'link';
    if (op !== 'link' && op !== 'unlink') return fail(ctx.requestId, 400, `invalid operation "${String(op)}"; use "link" or "unlink"`);
    const index = issue.external_issues.findIndex((e) => e.source === source && e.external_id === externalId);
    // Linking what is already linked (or unlinking what is not) changes nothing.
    if (op === 'link' && index < 0) {
      const link = externalLink(source, externalId);
      const linked: PylonExternalIssue = { source, external_id: externalId, ...(link ? { link } : {}) };
      issue.external_issues.push(linked);
      issue.updated_at = nowIso();
    } else if (op === 'unlink' && index >= 0) {
      issue.external_issues.splice(index, 1);
      issue.updated_at = nowIso();
    }
    return ok(ctx, issueJson(issue));
  });

  // --- messages ------------------------------------------------------------------------------------------

  router.add('GET', '/issues/{id}/messages', 'pylon.issues.messages', (ctx) => {
    const issue = findIssue(ctx.params.id);
    if (!issue) return fail(ctx.requestId, 404, 'issue not found');
    const messages = state.messages
      .filter((m) => m.issue_id === issue.id)
      .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    return ok(ctx, messages.map(messageJson), noMorePages);
  });

  router.add('POST', '/issues/{id}/reply', 'pylon.issues.reply', (ctx) => {
    const issue = findIssue(ctx.params.id);
    if (!issue) return fail(ctx.requestId, 404, 'issue not found');
    const b = ctx.body;
    if (typeof b.body_html !== 'string' || b.body_html.trim() === '') return fail(ctx.requestId, 400, 'body_html is required');
    if (typeof b.message_id !== 'string' || b.message_id === '') return fail(ctx.requestId, 400, 'message_id is required');
    if (b.user_id !== undefined && b.contact_id !== undefined) return fail(ctx.requestId, 400, 'only one of user_id or contact_id can be provided');
    const parent = state.messages.find((m) => m.id === b.message_id && m.issue_id === issue.id);
    if (!parent) return fail(ctx.requestId, 404, 'message not found');
    if (parent.is_private) return fail(ctx.requestId, 400, 'cannot reply to an internal note; use POST /issues/{id}/note');
    let author = defaultAuthor(ctx.token);
    if (b.user_id !== undefined) {
      const user = state.users.find((u) => u.id === b.user_id);
      if (!user) return fail(ctx.requestId, 400, `user "${String(b.user_id)}" not found`);
      author = { name: user.name, user: { id: user.id, email: user.email } };
    } else if (b.contact_id !== undefined) {
      const contact = state.contacts.find((c) => c.id === b.contact_id);
      if (!contact) return fail(ctx.requestId, 400, `contact "${String(b.contact_id)}" not found`);
      author = { name: contact.name, contact: { id: contact.id, email: contact.email } };
    }
    const at = nowIso();
    const message: PylonMessage = {
      id: randomUUID(),
      issue_id: issue.id,
      message_html: b.body_html,
      is_private: false,
      author,
      source: parent.source,
      file_urls: Array.isArray(b.attachment_urls) ? b.attachment_urls.filter((u): u is string => typeof u === 'string') : [],
      timestamp: at,
    };
    state.messages.push(message);
    issue.latest_message_time = at;
    issue.updated_at = at;
    return ok(ctx, { id: message.id, issue_id: issue.id });
  });

  router.add('POST', '/issues/{id}/note', 'pylon.issues.note', (ctx) => {
    const issue = findIssue(ctx.params.id);
    if (!issue) return fail(ctx.requestId, 404, 'issue not found');
    const b = ctx.body;
    if (typeof b.body_html !== 'string' || b.body_html.trim() === '') return fail(ctx.requestId, 400, 'body_html is required');
    let threadId: string;
    if (typeof b.thread_id === 'string' && b.thread_id !== '') {
      const thread = state.threads.find((t) => t.id === b.thread_id && t.issue_id === issue.id);
      if (!thread) return fail(ctx.requestId, 404, 'thread not found');
      threadId = thread.id;
    } else if (typeof b.message_id === 'string' && b.message_id !== '') {
      const parent = state.messages.find((m) => m.id === b.message_id && m.issue_id === issue.id);
      if (!parent) return fail(ctx.requestId, 404, 'message not found');
      if (!parent.is_private || !parent.thread_id) return fail(ctx.requestId, 400, 'message_id must refer to an internal note');
      threadId = parent.thread_id;
    } else {
      let thread = state.threads.find((t) => t.issue_id === issue.id);
      if (!thread) {
        thread = { id: randomUUID(), issue_id: issue.id, name: typeof b.thread_name === 'string' && b.thread_name ? b.thread_name : 'Internal thread' };
        state.threads.push(thread);
      }
      threadId = thread.id;
    }
    let author = defaultAuthor(ctx.token);
    if (b.user_id !== undefined) {
      const user = state.users.find((u) => u.id === b.user_id);
      if (!user) return fail(ctx.requestId, 400, `user "${String(b.user_id)}" not found`);
      author = { name: user.name, user: { id: user.id, email: user.email } };
    }
    const at = nowIso();
    const message: PylonMessage = {
      id: randomUUID(),
      issue_id: issue.id,
      message_html: b.body_html,
      is_private: true,
      author,
      source: 'pylon',
      thread_id: threadId,
      file_urls: Array.isArray(b.attachment_urls) ? b.attachment_urls.filter((u): u is string => typeof u === 'string') : [],
      timestamp: at,
    };
    state.messages.push(message);
    issue.updated_at = at;
    return ok(ctx, { id: message.id, issue_id: issue.id });
  });

  // --- dispatch ------------------------------------------------------------------------------------------

  function handle(req: RecordedRequest): EmulatorResponse {
    const requestId = randomUUID();
    const header = req.headers.authorization;
    if (!header) return fail(requestId, 401, 'missing Authorization header; expected "Bearer <token>"');
    const m = /^bearer\s+(\S+)\s*$/i.exec(header);
    const token = m ? state.tokens.find((t) => t.token === m[1]) : undefined;
    if (!token) return fail(requestId, 401, 'invalid API token');

    const found = router.lookup(req.method, req.path);
    if (found.kind !== 'found') return fail(requestId, 404, `no route for ${req.method} ${req.path}`);
    const { match } = found;

    const decision = limiter.check(token.token, match.operation);
    if (!decision.allowed) {
      const limit = limiter.limitFor(match.operation);
      return {
        ...fail(requestId, 429, `rate limit exceeded: ${limit} requests per minute for this endpoint`),
        headers: { 'retry-after': String(decision.retryAfterSeconds) },
      };
    }

    let body: unknown = req.body;
    if (body === undefined && req.rawBody.trim() !== '') {
      try {
        body = JSON.parse(req.rawBody);
      } catch {
        return fail(requestId, 400, 'invalid JSON body');
      }
    }
    if (body !== undefined && body !== null && !isRecord(body)) return fail(requestId, 400, 'request body must be a JSON object');
    // Pylon treats null like an absent optional field.
    const fields = Object.fromEntries(Object.entries(isRecord(body) ? body : {}).filter(([, v]) => v !== null));
    return match.handler({ req, params: match.params, body: fields, token, requestId });
  }

  const server = new EmulatorServer('pylon', handle, (req) => router.operationOf(req.method, req.path));
  return {
    server,
    state,
    start: (port?: number) => server.start(port),
    stop: () => server.stop(),
  };
}

export { PYLON_RATE_LIMITS } from './rate-limits.js';
