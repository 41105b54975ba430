import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, ConfigError, ServiceError } from '../../src/errors.js';
import { PylonGateway, type PylonGatewayOptions } from '../../src/services/pylon/gateway.js';
import { PylonServiceError } from '../../src/services/pylon/errors.js';
import { PYLON_ROUTE_LIMITS } from '../../src/services/pylon/pacing.js';
import { checkPriorityField } from '../../src/services/pylon/priority-field.js';
import { pylonEndpoint, PYLON_REGION_URLS } from '../../src/services/pylon/region.js';
import { createPylonEmulator, PYLON_RATE_LIMITS, type PylonEmulator } from '../../src/sandbox/pylon/emulator.js';
import { createPylonState } from '../../src/sandbox/pylon/state.js';
import { demoPylonState } from '../../src/sandbox/seed/demo-workspace.js';
import { fakeToken, testTokens } from '../support/tokens.js';

const PRIORITY_FIELD = { slug: 'priority', values: { urgent: 'urgent', high: 'high', medium: 'medium', low: 'low' } };

let emulator: PylonEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

/** A fake clock shared by the gateway's pacing and the emulator's rate-limit windows. */
function fakeClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  const clock = { now: start, slept: [] as number[] };
  return {
    clock,
    now: () => clock.now,
    date: () => new Date(clock.now),
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      const until = clock.now + ms;
      await Promise.resolve();
      clock.now = Math.max(clock.now, until);
    },
  };
}

async function start(options: { rateLimits?: Record<string, number>; issues?: number; clock?: ReturnType<typeof fakeClock> } = {}) {
  const tokens = testTokens();
  const state = demoPylonState(tokens);
  if (options.issues) {
    const extra = createPylonState({
      issues: Array.from({ length: options.issues }, (_, i) => ({ number: 9000 + i, title: `Ticket ${i}`, created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() })),
    });
    state.issues.push(...extra.issues);
  }
  emulator = createPylonEmulator({ state, ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}), ...(options.clock ? { now: options.clock.date } : {}) });
  const baseUrl = await emulator.start();
  const sent: Array<{ at: number; path: string }> = [];
  const gateway = (overrides: Partial<PylonGatewayOptions> = {}) =>
    PylonGateway.create({
      token: tokens.pylon,
      baseUrl,
      fetch: (input, init) => {
        sent.push({ at: options.clock?.clock.now ?? Date.now(), path: new URL(String(input)).pathname });
        return fetch(input, init);
      },
      sleep: options.clock?.sleep ?? (async () => {}),
      ...(options.clock ? { now: options.clock.now } : {}),
      ...overrides,
    });
  return { emu: emulator, tokens, gateway, sent };
}

const noLimits = { '*': 0 };

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('Pylon gateway: reads and writes', () => {
  it('reads me, an issue by number or id, accounts, contacts, custom fields and messages with a bearer token', async () => {
    const { gateway, emu, tokens } = await start({ rateLimits: noLimits });
    const pylon = gateway();
    expect(await pylon.me()).toEqual({ id: emu.state.org.id, name: 'Acme Support' });
    expect(emu.server.requests[0]!.headers.authorization).toBe(`Bearer ${tokens.pylon}`);

    const byNumber = await pylon.issue(1042);
    expect(byNumber).toMatchObject({ number: 1042, title: 'SSO login loops back to the sign-in page', link: 'https://app.usepylon.com/issues?issueNumber=1042' });
    expect((await pylon.issue(byNumber.id)).number).toBe(1042);
    expect((await pylon.issue('#1042')).id).toBe(byNumber.id);

    expect((await pylon.account(byNumber.account!.id)).name).toBe('Initech');
    expect((await pylon.contact(byNumber.requester!.id)).email).toBe('peter.gibbons@initech.com');
    expect((await pylon.customFields('issue')).map((f) => f.slug)).toEqual(['priority', 'area']);
    const messages = await pylon.messages(byNumber.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.is_private).toBe(false);
  });

  it('sets a custom field, links external issues idempotently, replies and notes', async () => {
    const { gateway, emu } = await start({ rateLimits: noLimits });
    const pylon = gateway();
    const issue = await pylon.issue(1048);
    const updated = await pylon.updateIssueCustomFields(issue.id, [{ slug: 'priority', value: 'urgent' }]);
    expect(updated.custom_fields.priority?.value).toBe('urgent');

    const linearId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await pylon.linkExternalIssues(issue.id, [{ source: 'linear', external_issue_id: linearId }, { source: 'github', external_issue_id: 'acme/app/12' }]);
    const again = await pylon.linkExternalIssues(issue.id, [{ source: 'linear', external_issue_id: linearId }]);
    expect(again!.external_issues.map((e) => [e.source, e.external_id])).toEqual([['linear', linearId], ['github', 'acme/app/12']]);
    expect(emu.server.requests.at(-1)!.body).toEqual({ source: 'linear', external_issue_id: linearId });

    const [first] = await pylon.messages(issue.id);
    const reply = await pylon.reply(issue.id, { body_html: '<p>We are on it.</p>', message_id: first!.id });
    const note = await pylon.note(issue.id, { body_html: '<p>Filed as SUP-9.</p>' });
    const after = await pylon.messages(issue.id);
    expect(after.map((m) => [m.id, m.is_private])).toEqual([[first!.id, false], [reply.id, false], [note.id, true]]);
  });

  it('pages through a search with Pylon\'s cursors', async () => {
    const { gateway } = await start({ rateLimits: noLimits, issues: 25 });
    const pylon = gateway();
    const filter = { field: 'title', operator: 'string_contains', value: 'Ticket ' };
    const first = await pylon.searchIssues(filter, { limit: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.hasNextPage).toBe(true);
    const pages: number[][] = [];
    for await (const page of pylon.searchIssuePages(filter, { pageSize: 10 })) pages.push(page.map((i) => i.number));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(25);
    expect(all[0]).toBe(9024); // newest first
  });
});

describe('Pylon gateway: errors', () => {
  it('a rejected token is an AuthError naming PYLON_API_TOKEN, with the request_id, never the token, and never retried', async () => {
    const { emu, gateway } = await start({ rateLimits: noLimits });
    const wrong = fakeToken('pylon_', 16);
    const error = await rejection(gateway({ token: wrong }).me());
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).exitCode).toBe(4);
    expect((error as AuthError).service).toBe('pylon');
    expect(error.message).toMatch(/^Pylon rejected the token in PYLON_API_TOKEN \(401 invalid API token; request_id [\w-]+\)$/);
    expect(error.message).not.toContain(wrong);
    expect((error as AuthError).hint).toContain('PYLON_API_TOKEN');
    expect(emu.server.requests).toHaveLength(1);
  });

  it('a 403 is an AuthError too, and a wrong-region 401 says to set the region', async () => {
    const { emu, gateway } = await start({ rateLimits: noLimits });
    emu.server.injectFault({ match: () => true, status: 403, body: { errors: ['forbidden'], request_id: 'req-403' } });
    const forbidden = await rejection(gateway().customFields('issue'));
    expect(forbidden).toBeInstanceOf(AuthError);
    expect(forbidden.message).toBe('Pylon refused the custom field list to the token in PYLON_API_TOKEN (403 forbidden; request_id req-403)');

    emu.server.injectFault({ match: () => true, status: 401, body: { errors: ['wrong_region_token: use https://api.eu.usepylon.com'], request_id: 'req-region' } });
    const region = await rejection(gateway().me());
    expect((region as AuthError).hint).toContain('pylon.region');
  });

  it('keeps Pylon\'s error message and request_id; a 400 is not retried', async () => {
    const { emu, gateway } = await start({ rateLimits: noLimits });
    const pylon = gateway();
    const issue = await pylon.issue(1041);
    const before = emu.server.requests.length;
    const error = await rejection(pylon.updateIssueCustomFields(issue.id, [{ slug: 'priority', value: 'p0' }]));
    expect(error).toBeInstanceOf(PylonServiceError);
    expect(error.message).toMatch(/^Pylon issue [\w-]+ update failed: 400 invalid value "p0" for custom field "priority" \(request_id [\w-]+\)$/);
    expect((error as PylonServiceError).requestId).toMatch(/[\w-]+/);
    expect((error as PylonServiceError).exitCode).toBe(1);
    expect(emu.server.requests.length - before).toBe(1);

    const missing = await rejection(pylon.issue(424242));
    expect((missing as ServiceError).status).toBe(404);
    expect(missing.message).toContain('issue 424242 lookup failed: 404 issue not found');
  });

  it('retries reads and idempotent writes after 5xx, timeouts and dropped connections', async () => {
    const { emu, gateway } = await start({ rateLimits: noLimits });
    const pylon = gateway({ timeoutMs: 300 });
    emu.server.injectFault({ match: (r) => r.operation === 'pylon.issues.get', status: 502, times: 1 });
    emu.server.injectFault({ match: (r) => r.operation === 'pylon.issues.get', drop: true, times: 1 });
    emu.server.injectFault({ match: (r) => r.operation === 'pylon.issues.get', hang: true, times: 1 });
    const issue = await pylon.issue(1041);
    expect(emu.server.count((r) => r.operation === 'pylon.issues.get')).toBe(4);

    emu.server.injectFault({ match: (r) => r.operation === 'pylon.issues.update', status: 500, times: 1, afterHandling: true });
    const updated = await pylon.updateIssueCustomFields(issue.id, [{ slug: 'priority', value: 'low' }]);
    expect(updated.custom_fields.priority?.value).toBe('low');
    expect(emu.server.count((r) => r.operation === 'pylon.issues.update')).toBe(2);
  });

  it('never retries a reply after a fault that may have posted it, but does after a 429 (not posted)', async () => {
    const { emu, gateway } = await start({ rateLimits: noLimits });
    const pylon = gateway();
    const issue = await pylon.issue(1049);
    const [first] = await pylon.messages(issue.id);
    const count = () => emu.state.messages.filter((m) => m.issue_id === issue.id).length;

    emu.server.injectFault({ match: (r) => r.operation === 'pylon.issues.reply', status: 502, times: 1, afterHandling: true });
    const error = await rejection(pylon.reply(issue.id, { body_html: '<p>Hello</p>', message_id: first!.id }));
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).transient).toBe(true);
    expect((error as ServiceError).hint).toContain('may have been posted');
    expect(emu.server.count((r) => r.operation === 'pylon.issues.reply')).toBe(1);
    expect(count()).toBe(2);

    emu.server.injectFault({ match: (r) => r.operation === 'pylon.issues.note', status: 429, retryAfter: 1, times: 1, body: { errors: ['rate limit exceeded'], request_id: 'r' } });
    await pylon.note(issue.id, { body_html: '<p>Internal</p>' });
    expect(emu.server.count((r) => r.operation === 'pylon.issues.note')).toBe(2);
    expect(count()).toBe(3);
  });
});

describe('Pylon gateway: pacing and rate limits', () => {
  it('knows the same per-route limits the emulator enforces', () => {
    for (const [route, limit] of Object.entries(PYLON_ROUTE_LIMITS)) expect(PYLON_RATE_LIMITS[route], route).toBe(limit);
  });

  it('paces 45 searches under the 20-a-minute limit without one 429, on a fake clock', async () => {
    const clock = fakeClock();
    const { emu, gateway, sent } = await start({ clock });
    const pylon = gateway();
    const started = clock.clock.now;
    // Three callers at once share the route's budget.
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let i = 0; i < 15; i++) await pylon.searchIssues({ field: 'state', operator: 'equals', value: 'new' }, { limit: 1 });
      }),
    );
    const searches = emu.server.requests.filter((r) => r.operation === 'pylon.issues.search');
    expect(searches).toHaveLength(45);
    const times = sent.filter((s) => s.path === '/issues/search').map((s) => s.at);
    for (const t of times) expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(20);
    // 45 requests at 20 a minute: the last ones wait two windows.
    expect(clock.clock.now - started).toBeGreaterThanOrEqual(120_000);
    expect(clock.clock.now - started).toBeLessThan(130_000);
    // Other routes keep their own budgets and were not slowed.
    const before = clock.clock.now;
    for (let i = 0; i < 30; i++) await pylon.issue(1041);
    expect(clock.clock.now).toBe(before);
  });

  it('honours Retry-After when a 429 comes anyway (another runner used the budget), then carries on', async () => {
    const clock = fakeClock();
    const { emu, gateway, sent } = await start({ clock, issues: 30 });
    let searches = 0;
    emu.server.injectFault({ match: (r) => r.operation === 'pylon.issues.search' && ++searches === 2, status: 429, retryAfter: 37, body: { errors: ['rate limit exceeded: 20 requests per minute for this endpoint'], request_id: 'req-429' } });
    const pylon = gateway();
    const numbers: number[] = [];
    for await (const page of pylon.searchIssuePages({ field: 'title', operator: 'string_contains', value: 'Ticket ' }, { pageSize: 10 })) numbers.push(...page.map((i) => i.number));
    expect(new Set(numbers).size).toBe(30);
    const times = sent.filter((s) => s.path === '/issues/search').map((s) => s.at);
    expect(times).toHaveLength(4);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(37_000);
    expect(clock.clock.slept).toContain(37_000);
  });

  it('gives up on a long Retry-After with a transient error that says to wait', async () => {
    const { emu, gateway } = await start({ rateLimits: noLimits });
    emu.server.injectFault({ match: () => true, status: 429, retryAfter: 3600, body: { errors: ['rate limit exceeded'], request_id: 'req-x' } });
    const error = await rejection(gateway().me());
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).transient).toBe(true);
    expect(error.message).toContain('429 rate limit exceeded (request_id req-x)');
  });
});

describe('Pylon priority field check', () => {
  it('returns the map when the slug and every value exist', async () => {
    const { gateway } = await start({ rateLimits: noLimits });
    const map = await gateway().priorityField(PRIORITY_FIELD);
    expect(map.slug).toBe('priority');
    expect(map.fromPylon.get('high')).toBe('high');
    expect(map.toPylon.urgent).toBe('urgent');
  });

  it('names the slug and lists Pylon\'s fields when the slug does not exist', async () => {
    const { gateway } = await start({ rateLimits: noLimits });
    const error = await rejection(gateway().priorityField({ ...PRIORITY_FIELD, slug: 'severity' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      'Pylon has no issue custom field with slug "severity" (pylon.priorityField.slug). Pylon\'s issue fields: "priority" (select: urgent, high, medium, low); "area" (select: exports, billing, auth)',
    );
  });

  it('names each value that is not an option and lists the options', () => {
    const fields = [{ id: 'f', slug: 'priority', label: 'Priority', type: 'select', object_type: 'issue', select_metadata: { options: [{ slug: 'p0', label: 'P0' }, { slug: 'p1', label: 'P1' }, { slug: 'p2', label: 'P2' }, { slug: 'p3', label: 'P3' }] } }];
    const error = (() => {
      try {
        checkPriorityField(fields, { slug: 'priority', values: { urgent: 'p0', high: 'p1', medium: 'medium', low: 'low' } });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toBe('pylon.priorityField.values.medium is "medium", pylon.priorityField.values.low is "low", not an option of Pylon\'s "priority" field. Its options: p0 (P0), p1 (P1), p2 (P2), p3 (P3)');
    expect(error.exitCode).toBe(2);
    expect(() => checkPriorityField([{ ...fields[0]!, type: 'text' }], PRIORITY_FIELD)).toThrow('is a text field');
  });
});

describe('Pylon region', () => {
  it('PYLON_API_URL wins, then the token prefix, then the config', () => {
    const eu = fakeToken('pylon_api_eu_', 16);
    const us = fakeToken('pylon_api_', 16);
    const old = fakeToken('', 16);
    expect(pylonEndpoint({ override: 'http://127.0.0.1:9/', token: eu, region: 'us' })).toEqual({ baseUrl: 'http://127.0.0.1:9', source: 'PYLON_API_URL' });
    expect(pylonEndpoint({ token: eu, region: 'us' })).toEqual({ baseUrl: PYLON_REGION_URLS.eu, source: 'token prefix' });
    expect(pylonEndpoint({ token: us, region: 'eu' })).toEqual({ baseUrl: 'https://api.usepylon.com', source: 'token prefix' });
    expect(pylonEndpoint({ token: old, region: 'eu' })).toEqual({ baseUrl: 'https://api.eu.usepylon.com', source: 'config' });
    expect(pylonEndpoint({ token: old })).toEqual({ baseUrl: 'https://api.usepylon.com', source: 'default' });
  });
});
