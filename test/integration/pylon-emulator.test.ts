import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPylonEmulator, type PylonEmulator, type PylonEmulatorOptions } from '../../src/sandbox/pylon/emulator.js';
import { createPylonState, type PylonState } from '../../src/sandbox/pylon/state.js';

const newToken = (): string => 'pylon_' + randomBytes(24).toString('base64url');

interface Reply {
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { data?: unknown; errors?: string[]; request_id?: string };
}

const AGENT = 'usr-agent';
const GLOBEX = 'acc-globex';
const INITECH = 'acc-initech';

function fixture(token: string): PylonState {
  return createPylonState({
    org: { id: 'org-acme', name: 'Acme' },
    users: [{ id: AGENT, email: 'sam@acme.example', name: 'Sam Rivera' }],
    tokens: [{ token, user_id: AGENT }],
    accounts: [
      { id: GLOBEX, name: 'Globex Corporation', domains: ['globex.example'], external_ids: [{ external_id: 'crm-42', label: 'crm' }] },
      { id: INITECH, name: 'Initech', domains: ['initech.example'] },
    ],
    contacts: [
      { id: 'con-hank', email: 'hank@globex.example', name: 'Hank Scorpio', account: { id: GLOBEX } },
      { id: 'con-bill', email: 'bill@initech.example', name: 'Bill Lumbergh', account: { id: INITECH } },
    ],
    customFields: [
      {
        slug: 'priority',
        label: 'Priority',
        type: 'select',
        select_metadata: { options: ['urgent', 'high', 'medium', 'low'].map((slug) => ({ slug, label: slug[0]!.toUpperCase() + slug.slice(1) })) },
      },
      { slug: 'linear_ticket', label: 'Linear ticket', type: 'text' },
      { slug: 'tier', label: 'Tier', type: 'select', object_type: 'account', select_metadata: { options: [{ slug: 'gold', label: 'Gold' }] } },
    ],
    issues: [
      ...Array.from({ length: 7 }, (_, i) => ({
        title: `Globex issue ${i + 1}`,
        body_html: `<p>Export fails, case ${i + 1}</p>`,
        requester: { id: 'con-hank', email: 'hank@globex.example' },
        state: i % 2 === 0 ? 'new' : 'waiting_on_you',
        tags: i < 5 ? ['exports'] : ['billing'],
        created_at: `2025-03-0${i + 1}T10:00:00Z`,
      })),
      {
        title: 'Initech login loop',
        requester: { id: 'con-bill', email: 'bill@initech.example' },
        state: 'closed',
        tags: ['auth'],
        custom_fields: { priority: { slug: 'priority', value: 'high' } },
        created_at: '2025-03-09T10:00:00Z',
      },
    ],
  });
}

describe('Pylon emulator over plain fetch', () => {
  let emu: PylonEmulator;
  let baseUrl: string;
  let token: string;

  async function start(options: Omit<PylonEmulatorOptions, 'state'> = { rateLimits: { '*': 0 } }): Promise<void> {
    token = newToken();
    emu = createPylonEmulator({ state: fixture(token), ...options });
    baseUrl = await emu.start();
  }

  async function api(method: string, path: string, body?: unknown, auth: string | null = token): Promise<Reply> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Reply['json'] };
  }

  const search = (body: unknown): Promise<Reply> => api('POST', '/issues/search', body);
  const issueByNumber = (n: number) => emu.state.issues.find((i) => i.number === n)!;

  afterEach(async () => {
    await emu.stop();
  });

  it('answers 401 with Pylon error shape for a missing or unknown token', async () => {
    await start();
    for (const auth of [null, newToken()]) {
      const res = await api('GET', '/me', undefined, auth);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ errors: [expect.any(String)], request_id: expect.any(String) });
    }
    const me = await api('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ data: { id: 'org-acme', name: 'Acme' }, request_id: expect.any(String) });
  });

  it('gets an issue by id and by number, and 404s an unknown one', async () => {
    await start();
    const issue = issueByNumber(8);
    const byId = await api('GET', `/issues/${issue.id}`);
    const byNumber = await api('GET', '/issues/8');
    expect(byId.status).toBe(200);
    expect(byNumber.json.data).toEqual(byId.json.data);
    expect(byId.json.data).toMatchObject({
      id: issue.id,
      number: 8,
      title: 'Initech login loop',
      state: 'closed',
      account: { id: INITECH },
      requester: { id: 'con-bill', email: 'bill@initech.example' },
      tags: ['auth'],
      custom_fields: { priority: { slug: 'priority', value: 'high' } },
      external_issues: [],
      link: 'https://app.usepylon.com/issues?issueNumber=8',
    });
    const missing = await api('GET', '/issues/999');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ errors: [expect.any(String)], request_id: expect.any(String) });

    expect((await api('GET', `/accounts/crm-42`)).json.data).toMatchObject({ id: GLOBEX, name: 'Globex Corporation' });
    expect((await api('GET', `/contacts/con-hank`)).json.data).toMatchObject({ email: 'hank@globex.example', account: { id: GLOBEX } });
  });

  it('searches with filters and pages through results with a cursor', async () => {
    await start();
    const filter = {
      operator: 'and',
      subfilters: [
        { field: 'account_id', operator: 'equals', value: GLOBEX },
        { field: 'created_at', operator: 'time_range', values: ['2025-03-01T00:00:00Z', '2025-03-31T00:00:00Z'] },
      ],
    };
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await search({ filter, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      const data = res.json.data as Array<{ number: number }>;
      const pagination = res.json.pagination as { cursor: string; has_next_page: boolean };
      seen.push(...data.map((i) => i.number));
      cursor = pagination.has_next_page ? pagination.cursor : undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(emu.server.count((r) => r.operation === 'pylon.issues.search')).toBe(4);

    const numbers = async (f: unknown): Promise<number[]> => ((await search({ filter: f })).json.data as Array<{ number: number }>).map((i) => i.number);
    expect(await numbers({ field: 'state', operator: 'in', values: ['closed', 'waiting_on_you'] })).toEqual([8, 6, 4, 2]);
    expect(await numbers({ field: 'tags', operator: 'contains', value: 'billing' })).toEqual([7, 6]);
    expect(await numbers({ field: 'priority', operator: 'equals', value: 'high' })).toEqual([8]);
    expect(await numbers({ field: 'priority', operator: 'is_unset' })).toHaveLength(7);
    expect(await numbers({ field: 'requester_id', operator: 'not_in', values: ['con-hank'] })).toEqual([8]);
    expect(await numbers({ field: 'created_at', operator: 'time_is_after', value: '2025-03-07T10:00:00Z' })).toEqual([8]);
    expect(
      await numbers({
        operator: 'or',
        subfilters: [
          { field: 'title', operator: 'string_contains', value: 'LOGIN' },
          { operator: 'and', subfilters: [{ field: 'tags', operator: 'in', values: ['exports'] }, { field: 'body_html', operator: 'string_contains', value: 'case 1<' }] },
        ],
      }),
    ).toEqual([8, 1]);

    for (const bad of [
      { filter: { field: 'nope', operator: 'equals', value: 'x' } },
      { filter: { field: 'state', operator: 'time_is_after', value: '2025-01-01T00:00:00Z' } },
      { filter: { field: 'created_at', operator: 'time_range', values: ['yesterday'] } },
      { filter: { field: 'state', operator: 'equals', value: 'new' }, limit: 1000 },
      { filter: { field: 'state', operator: 'equals', value: 'new' }, cursor: 'garbage' },
      { limit: 10 },
    ]) {
      const res = await search(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json).toEqual({ errors: [expect.any(String)], request_id: expect.any(String) });
    }
  });

  it('lists issues in a time range of at most 30 days', async () => {
    await start();
    const ok = await api('GET', '/issues?start_time=2025-03-02T00:00:00Z&end_time=2025-03-04T00:00:00Z');
    expect((ok.json.data as Array<{ number: number }>).map((i) => i.number)).toEqual([2, 3]);
    expect((await api('GET', '/issues?start_time=2025-01-01T00:00:00Z&end_time=2025-03-04T00:00:00Z')).status).toBe(400);
    expect((await api('GET', '/issues')).status).toBe(400);
  });

  it('patches the priority custom field and rejects unknown slugs and values with 400', async () => {
    await start();
    const issue = issueByNumber(1);
    const res = await api('PATCH', `/issues/${issue.id}`, { custom_fields: [{ slug: 'priority', value: 'urgent' }], tags: ['exports', 'escalated'], state: 'waiting_on_customer' });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ custom_fields: { priority: { slug: 'priority', value: 'urgent' } }, tags: ['exports', 'escalated'], state: 'waiting_on_customer' });
    expect(issue.custom_fields.priority).toEqual({ slug: 'priority', value: 'urgent' });

    const before = structuredClone(issue);
    for (const body of [
      { custom_fields: [{ slug: 'severity', value: 'high' }] },
      { custom_fields: [{ slug: 'priority', value: 'critical' }] },
      { custom_fields: [{ slug: 'tier', value: 'gold' }] },
      { state: 'resolved' },
      { tags: ['ok'], custom_fields: [{ slug: 'priority', value: 'P0' }] },
    ]) {
      const bad = await api('PATCH', `/issues/${issue.id}`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json).toEqual({ errors: [expect.any(String)], request_id: expect.any(String) });
    }
    expect(issue).toEqual(before);

    const cleared = await api('PATCH', `/issues/${issue.id}`, { custom_fields: [{ slug: 'priority', value: '' }, { slug: 'linear_ticket', value: 'SUP-12' }] });
    expect(cleared.json.data).toMatchObject({ custom_fields: { linear_ticket: { slug: 'linear_ticket', value: 'SUP-12' } } });
    expect(issue.custom_fields.priority).toBeUndefined();
  });

  it('links external issues idempotently and unlinks them', async () => {
    await start();
    const issue = issueByNumber(2);
    const link = { source: 'github', external_issue_id: 'acme/app/17' };
    const first = await api('POST', '/issues/2/external-issues', link);
    const second = await api('POST', `/issues/${issue.id}/external-issues`, { ...link, operation: 'link' });
    expect(first.status).toBe(200);
    expect(second.json.data).toMatchObject({ external_issues: [{ source: 'github', external_id: 'acme/app/17', link: 'https://github.com/acme/app/issues/17' }] });
    await api('POST', `/issues/${issue.id}/external-issues`, { source: 'linear', external_issue_id: 'c6d4f8a0-0000-4000-8000-000000000001' });
    expect(issue.external_issues.map((e) => e.source)).toEqual(['github', 'linear']);

    await api('POST', `/issues/${issue.id}/external-issues`, { ...link, operation: 'unlink' });
    expect(issue.external_issues.map((e) => e.source)).toEqual(['linear']);
    expect((await api('POST', `/issues/${issue.id}/external-issues`, { source: 'github' })).status).toBe(400);
    expect((await api('POST', `/issues/${issue.id}/external-issues`, { ...link, operation: 'merge' })).status).toBe(400);
  });

  it('records replies and internal notes as messages', async () => {
    await start({ rateLimits: { '*': 0 }, now: () => new Date('2025-04-01T12:00:00Z') });
    const issue = issueByNumber(3);
    const opening = (await api('GET', `/issues/${issue.id}/messages`)).json.data as Array<{ id: string; is_private: boolean }>;
    expect(opening).toHaveLength(1);

    expect((await api('POST', `/issues/${issue.id}/reply`, { body_html: '<p>Hi</p>' })).status).toBe(400);
    const reply = await api('POST', `/issues/${issue.id}/reply`, { body_html: '<p>We are on it.</p>', message_id: opening[0]!.id });
    expect(reply.json.data).toEqual({ id: expect.any(String), issue_id: issue.id });
    const note = await api('POST', `/issues/${issue.id}/note`, { body_html: '<p>Filed SUP-12</p>' });
    expect(note.status).toBe(200);
    const noteReply = await api('POST', `/issues/${issue.id}/note`, { body_html: '<p>Linked</p>', message_id: (note.json.data as { id: string }).id });
    expect(noteReply.status).toBe(200);
    expect((await api('POST', `/issues/${issue.id}/reply`, { body_html: '<p>x</p>', message_id: (note.json.data as { id: string }).id })).status).toBe(400);

    const messages = (await api('GET', `/issues/${issue.number}/messages`)).json.data as Array<Record<string, unknown>>;
    expect(messages).toHaveLength(4);
    expect(messages[1]).toMatchObject({ message_html: '<p>We are on it.</p>', is_private: false, author: { user: { id: AGENT } }, timestamp: '2025-04-01T12:00:00.000Z' });
    expect(messages[2]).toMatchObject({ message_html: '<p>Filed SUP-12</p>', is_private: true, thread_id: expect.any(String) });
    expect(messages[3]!.thread_id).toBe(messages[2]!.thread_id);
    expect(messages.every((m) => !('issue_id' in m))).toBe(true);
    expect(issue.latest_message_time).toBe('2025-04-01T12:00:00.000Z');
  });

  it('lists custom fields for an object type', async () => {
    await start();
    const res = await api('GET', '/custom-fields?object_type=issue');
    expect(res.status).toBe(200);
    expect((res.json.data as Array<{ slug: string }>).map((f) => f.slug)).toEqual(['priority', 'linear_ticket']);
    expect((res.json.data as unknown[])[0]).toMatchObject({
      slug: 'priority',
      label: 'Priority',
      type: 'select',
      object_type: 'issue',
      select_metadata: { options: expect.arrayContaining([{ slug: 'high', label: 'High' }]) },
    });
    expect(res.json.pagination).toEqual({ cursor: '', has_next_page: false });
    expect((await api('GET', '/custom-fields')).status).toBe(400);
  });

  it('answers 429 with Retry-After past a per-minute limit, per token, and recovers when the window slides', async () => {
    let now = Date.parse('2025-04-01T12:00:00Z');
    await start({ now: () => new Date(now) });
    const other = newToken();
    emu.state.tokens.push({ token: other });
    const body = { filter: { field: 'state', operator: 'equals', value: 'new' } };

    for (let i = 0; i < 20; i++) {
      expect((await search(body)).status).toBe(200);
      now += 1000;
    }
    const limited = await search(body);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect(limited.json).toEqual({ errors: [expect.any(String)], request_id: expect.any(String) });
    // Another token and another route have their own budgets.
    expect((await api('POST', '/issues/search', body, other)).status).toBe(200);
    expect((await api('GET', '/issues/1')).status).toBe(200);

    now += 40_000; // The first request leaves the window.
    expect((await search(body)).status).toBe(200);
    expect((await search(body)).status).toBe(429);
    now += 60_000;
    expect((await search(body)).status).toBe(200);
  });
});
