// The services of the sync benchmark in a process of their own, as the real ones are: the emulators' work
// (parsing GraphQL, filtering thousands of issues, pacing) must not slow the triage process being measured.
// Started by sync.bench.js with { n, drifted, tokens, latencyMs } on its IPC channel; answers { ready, urls },
// then { stats } when asked, and exits on { stop }.
import { randomUUID } from 'node:crypto';
import { createLinearEmulator, createLinearState } from '../dist/bench/linear-emulator.js';
import { createPylonEmulator } from '../dist/bench/pylon-emulator.js';
import { createPylonState } from '../dist/bench/pylon-state.js';

const PRIORITIES = ['urgent', 'high', 'medium', 'low'];

/** Linked pairs, never synced; the first `drifted` differ. Also a tenth as many unlinked tickets. */
function workspace(n, drifted, tokens) {
  const linearIds = Array.from({ length: n }, () => randomUUID());
  const webUrl = 'https://app.usepylon.com';
  const linear = createLinearState({
    users: [{ email: 'sam@acme.example', name: 'Sam Rivera', admin: true }],
    apiKeys: [{ key: tokens.linear, userId: 'sam@acme.example' }],
    teams: [{ key: 'SUP', name: 'Support Engineering' }],
    issues: linearIds.map((id, i) => ({ id, teamId: 'SUP', title: `Issue ${i}`, priority: 1 + (i % 4) })),
  });
  const accountCount = Math.min(n, 1_000);
  const accounts = Array.from({ length: accountCount }, (_, i) => ({ id: randomUUID(), name: `Customer ${i}`, domains: [`customer${i}.example`] }));
  const unlinked = Math.ceil(n / 10);
  const pylon = createPylonState({
    users: [{ email: 'sam@acme.example', name: 'Sam Rivera' }],
    tokens: [{ token: tokens.pylon }],
    accounts,
    customFields: [
      { slug: 'priority', label: 'Priority', type: 'select', select_metadata: { options: PRIORITIES.map((p) => ({ slug: p, label: p })) } },
    ],
    issues: [
      ...linearIds.map((id, i) => ({
        number: 10_000 + i,
        title: `Ticket ${i}`,
        state: 'waiting_on_you',
        account: { id: accounts[i % accountCount].id },
        custom_fields: { priority: { slug: 'priority', value: PRIORITIES[(i < drifted ? i + 1 : i) % 4] } },
        external_issues: [{ source: 'linear', external_id: id }],
      })),
      ...Array.from({ length: unlinked }, (_, i) => ({ number: 100_000 + i, title: `Unlinked ${i}`, state: 'new', account: { id: accounts[i % accountCount].id } })),
    ],
  });
  return { linear, pylon, webUrl, accounts: accountCount };
}

const isWrite = (r) => /^\s*mutation\b/.test(r.body?.query ?? '');

/**
 * The real services are warm; a fresh emulator is not (its GraphQL schema is built on the first request, its
 * code not yet compiled). One request down each path the sync takes, before anything is measured.
 */
async function warmUp(linearUrl, pylonUrl, tokens) {
  const graphql = (query) => fetch(`${linearUrl}/graphql`, { method: 'POST', headers: { authorization: tokens.linear, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  await graphql('{ viewer { id } issues(first: 50) { nodes { id priority attachments { nodes { id url metadata } } } } }');
  const pylon = (path, init = {}) => fetch(`${pylonUrl}${path}`, { ...init, headers: { authorization: `Bearer ${tokens.pylon}`, 'content-type': 'application/json' } });
  await pylon('/custom-fields?object_type=issue');
  await pylon('/issues/search', { method: 'POST', body: JSON.stringify({ filter: { field: 'state', operator: 'equals', value: 'new' }, limit: 10 }) });
  await pylon('/accounts?limit=10');
}

/** How long, within [from, to], at least one request was being served. */
function unionMs(intervals, [from, to]) {
  const inside = intervals.map(([a, b]) => [Math.max(a, from), Math.min(b, to)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of inside) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

process.once('message', async ({ n, drifted, tokens, latencyMs }) => {
  const seed = workspace(n, drifted, tokens);
  const linear = createLinearEmulator({ state: seed.linear });
  const pylon = createPylonEmulator({ state: seed.pylon, webUrl: seed.webUrl });
  const [linearUrl, pylonUrl] = await Promise.all([linear.start(), pylon.start()]);
  await warmUp(linearUrl, pylonUrl, tokens);
  linear.server.requests.length = 0;
  pylon.server.requests.length = 0;
  // When each request was being served (its latency included), on the wall clock both processes share.
  const serving = [];
  const clock = () => performance.timeOrigin + performance.now();
  for (const server of [linear.server, pylon.server]) {
    const handle = server.handle;
    server.handle = async function (req, res) {
      const from = clock();
      try {
        await handle.call(this, req, res);
      } finally {
        serving.push([from, clock()]);
      }
    };
  }
  linear.server.latencyMs = latencyMs;
  pylon.server.latencyMs = latencyMs;
  process.on('message', async (message) => {
    if (message.stats) {
      const pylonByRoute = {};
      for (const r of pylon.server.requests) pylonByRoute[r.operation ?? 'other'] = (pylonByRoute[r.operation ?? 'other'] ?? 0) + 1;
      const stats = { linearRequests: linear.server.requests.length, linearWrites: linear.server.count(isWrite), pylonByRoute, pylonTotal: pylon.server.requests.length };
      process.send({ stats: { ...stats, servingMs: message.between ? unionMs(serving, message.between) : 0 } });
    } else if (message.stop) {
      await Promise.all([linear.stop(), pylon.stop()]);
      process.exit(0);
    }
  });
  process.send({ ready: true, linearUrl, pylonUrl, accounts: seed.accounts });
});
