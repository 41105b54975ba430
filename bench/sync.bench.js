/**
 * `triage sync` at 100, 1,000 and 10,000 linked tickets, 10% of them changed in Pylon since they last agreed,
 * against the emulators with 50 ms of latency per request and Pylon's per-endpoint rate limits on.
 *
 * What it shows: read requests grow with pages (one Pylon search per 999 tickets, one Linear query per 100
 * linked issues), not with tickets; writes are two Linear requests per changed pair, a few in flight at once.
 *
 * Plain Node ESM over the build: `npm run build && node bench/sync.bench.js`. `run()` returns the figures.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable, PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../dist/main.js';
import { createLinearEmulator, createLinearState } from '../dist/bench/linear-emulator.js';
import { createPylonEmulator } from '../dist/bench/pylon-emulator.js';
import { createPylonState } from '../dist/bench/pylon-state.js';

const CONFIG = fileURLToPath(new URL('../.triagerc.example.json', import.meta.url));
const PRIORITIES = ['urgent', 'high', 'medium', 'low'];
const LATENCY_MS = 50;
const ACCOUNTS = 25;

/** Linked pairs; `drifted` of them changed in Pylon since they agreed. Also a tenth as many unlinked tickets. */
function workspace(n, drifted, tokens) {
  const linearIds = Array.from({ length: n }, () => randomUUID());
  const webUrl = 'https://app.usepylon.com';
  const linear = createLinearState({
    users: [{ email: 'sam@acme.example', name: 'Sam Rivera', admin: true }],
    apiKeys: [{ key: tokens.linear, userId: 'sam@acme.example' }],
    teams: [{ key: 'SUP', name: 'Support Engineering' }],
    issues: linearIds.map((id, i) => ({ id, teamId: 'SUP', title: `Issue ${i}`, priority: 1 + (i % 4) })),
    attachments: linearIds.map((id, i) => ({
      issueId: id,
      url: `${webUrl}/issues?issueNumber=${10_000 + i}`,
      title: `Pylon #${10_000 + i}`,
      metadata: { triage: { lastAgreedPriority: PRIORITIES[i % 4], agreedAt: '2026-01-01T00:00:00.000Z' } },
    })),
  });
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({ id: randomUUID(), name: `Customer ${i}`, domains: [`customer${i}.example`] }));
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
        account: { id: accounts[i % ACCOUNTS].id },
        custom_fields: { priority: { slug: 'priority', value: i < drifted ? PRIORITIES[(i + 1) % 4] : PRIORITIES[i % 4] } },
        external_issues: [{ source: 'linear', external_id: id }],
      })),
      ...Array.from({ length: unlinked }, (_, i) => ({ number: 100_000 + i, title: `Unlinked ${i}`, state: 'new', account: { id: accounts[i % ACCOUNTS].id } })),
    ],
  });
  return { linear, pylon, webUrl };
}

function sink() {
  let text = '';
  const stream = Object.assign(new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } }), { isTTY: false, columns: 120 });
  return { stream, text: () => text };
}

async function once(n) {
  const tokens = { linear: `lin_api_${randomBytes(20).toString('hex')}`, pylon: `pylon_${randomBytes(16).toString('hex')}` };
  const drifted = Math.round(n / 10);
  const seed = workspace(n, drifted, tokens);
  const linear = createLinearEmulator({ state: seed.linear });
  const pylon = createPylonEmulator({ state: seed.pylon, webUrl: seed.webUrl });
  const [linearUrl, pylonUrl] = await Promise.all([linear.start(), pylon.start()]);
  linear.server.latencyMs = Number(process.env.BENCH_LATENCY ?? LATENCY_MS);
  pylon.server.latencyMs = Number(process.env.BENCH_LATENCY ?? LATENCY_MS);
  const home = await mkdtemp(join(tmpdir(), 'triage-bench-'));
  const stdout = sink();
  const stderr = sink();
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const started = performance.now();
  try {
    const code = await main({
      argv: ['sync', '--config', CONFIG, '--yes', '--json'],
      env: { LINEAR_API_KEY: tokens.linear, LINEAR_API_URL: `${linearUrl}/graphql`, PYLON_API_TOKEN: tokens.pylon, PYLON_API_URL: pylonUrl, TRIAGE_STATE_DIR: join(home, 'state'), NO_COLOR: '1' },
      cwd: home,
      streams: { stdin, stdout: stdout.stream, stderr: stderr.stream },
      platform: process.platform,
      home,
    });
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`triage sync exited ${code}:\n${stderr.text()}`);
    const result = JSON.parse(stdout.text());
    const linearReads = linear.server.requests.filter((r) => !/^\s*mutation\b/.test(r.body?.query ?? '')).length;
    const pylonOps = {};
    for (const r of pylon.server.requests) pylonOps[r.operation ?? 'other'] = (pylonOps[r.operation ?? 'other'] ?? 0) + 1;
    const pylonWrites = pylon.server.requests.filter((r) => r.method !== 'GET' && r.operation !== 'pylon.issues.search').length;
    return {
      n,
      drifted,
      scanned: result.scanned,
      applied: result.summary.applied,
      failed: result.summary.failed,
      wallMs: Math.round(wallMs),
      pylon: { total: pylon.server.requests.length, reads: pylon.server.requests.length - pylonWrites, writes: pylonWrites, search: pylonOps['pylon.issues.search'] ?? 0, byOperation: pylonOps },
      linear: { total: linear.server.requests.length, reads: linearReads, writes: linear.server.requests.length - linearReads },
    };
  } finally {
    await Promise.all([linear.stop(), pylon.stop()]);
    await rm(home, { recursive: true, force: true });
  }
}

/** Runs the sizes one after another (each on fresh emulators) and returns the figures. */
export async function run(options = {}) {
  const sizes = options.sizes ?? [100, 1_000, 10_000];
  const figures = [];
  for (const n of sizes) {
    figures.push(await once(n));
    options.onResult?.(figures.at(-1));
  }
  return { name: 'sync', latencyMs: LATENCY_MS, figures };
}

export function format(figure) {
  const p = figure.pylon;
  const l = figure.linear;
  return [
    String(figure.n).padStart(6),
    `${String(p.reads).padStart(4)} reads (${p.search} searches) ${String(p.writes).padStart(3)} writes`,
    `${String(l.reads).padStart(4)} reads ${String(l.writes).padStart(5)} writes`,
    `${(figure.wallMs / 1000).toFixed(1).padStart(6)} s`,
    `${figure.applied} applied, ${figure.failed} failed`,
  ].join('  │ ');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`triage sync: N linked tickets (+10% unlinked), 10% drifted, ${LATENCY_MS} ms latency per request, Pylon rate limits on`);
  console.log(`${'N'.padStart(6)}  │ Pylon${' '.repeat(31)}│ Linear${' '.repeat(18)}│ wall     │`);
  await run({ onResult: (figure) => console.log(format(figure)) });
}
