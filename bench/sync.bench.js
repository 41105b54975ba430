/**
 * A first `triage sync` of 100, 1,000 and 10,000 linked pairs (never synced before, 10% of them differing, the
 * tickets spread over up to 1,000 Pylon accounts), against the emulators with 50 ms of latency per request and
 * the services' real rate limits on: Pylon's per-endpoint limits per minute, Linear's hourly budget per key.
 * Then the same sync again, which must write nothing.
 *
 * Each figure is printed next to its bar: Linear requests against a personal key's hourly budget (2,500), and
 * wall time against the floor, the least time the services allow:
 *   rate-limit floor  for each Pylon route, a window (60 s) for every full limit's worth of requests beyond the
 *                     first; for Linear, an hour for every 5,000 requests beyond the first 5,000;
 *   round-trip floor  the requests that must follow one another (each Pylon page needs the previous page's
 *                     cursor; Linear reads and each write pass wait for what comes before), at the configured
 *                     concurrency, times the latency.
 *   serving           how long the services were answering at least one of triage's requests (the latency and
 *                     their own processing): time triage spent waiting on them, which it cannot shorten
 *                     without changing what it asks.
 *   floor = the largest of the three; the ratio to it is what triage itself adds.
 * BENCH_SIZES=100,1000 picks sizes; BENCH_LATENCY changes the latency.
 *
 * The emulators run in a child process (sync-services.js), as the real services are elsewhere: in the same
 * process their work slowed the sync being measured.
 *
 * Plain Node ESM over the build: `npm run build && node bench/sync.bench.js`. `run()` returns the figures.
 */
import { fork } from 'node:child_process';
import { once as onceEvent } from 'node:events';
import { randomBytes } from 'node:crypto';
import { Writable, PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../dist/main.js';
import { LINEAR_REQUEST_LIMIT } from '../dist/bench/linear-emulator.js';
import { PYLON_RATE_LIMITS } from '../dist/bench/pylon-emulator.js';

const CONFIG = fileURLToPath(new URL('../.triagerc.example.json', import.meta.url));
const LATENCY_MS = Number(process.env.BENCH_LATENCY ?? 50);
const CONCURRENCY = 4; // pylon.sync.concurrency in the example config
const LINEAR_BUDGET = 2_500;
const WALL_GOAL = 1.2;
const PYLON_WINDOW_MS = 60_000;
const LINEAR_WINDOW_MS = 3_600_000;

function sink() {
  let text = '';
  const stream = Object.assign(new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } }), { isTTY: false, columns: 120 });
  return { stream, text: () => text };
}

/** The least time the services' limits allow for these requests (see the header). */
export function floors({ pylonByRoute, linearTotal, searchPages, accountPages, linearReads, linearWrites, latencyMs }) {
  let rateMs = 0;
  for (const [route, count] of Object.entries(pylonByRoute)) {
    const limit = PYLON_RATE_LIMITS[route];
    if (limit) rateMs = Math.max(rateMs, Math.floor((count - 1) / limit) * PYLON_WINDOW_MS);
  }
  rateMs = Math.max(rateMs, Math.floor((linearTotal - 1) / LINEAR_REQUEST_LIMIT) * LINEAR_WINDOW_MS);
  // Pylon: custom fields, then each search page after the previous one, then the account pages; Linear: the
  // last page's reads, then the write passes (priorities, then records), CONCURRENCY requests at a time.
  const roundTrips = 1 + searchPages + accountPages + Math.ceil(linearReads / Math.max(1, searchPages) / CONCURRENCY) + Math.ceil(linearWrites / CONCURRENCY) + 1;
  const roundTripMs = roundTrips * latencyMs;
  return { rateMs, roundTripMs };
}

async function syncOnce({ linearUrl, pylonUrl, tokens, home }) {
  const stdout = sink();
  const stderr = sink();
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const startedAt = performance.timeOrigin + performance.now();
  const started = performance.now();
  const code = await main({
    argv: ['sync', '--config', CONFIG, '--yes', '--json'],
    env: { LINEAR_API_KEY: tokens.linear, LINEAR_API_URL: `${linearUrl}/graphql`, PYLON_API_TOKEN: tokens.pylon, PYLON_API_URL: pylonUrl, TRIAGE_STATE_DIR: join(home, 'state'), NO_COLOR: '1' },
    cwd: home,
    streams: { stdin, stdout: stdout.stream, stderr: stderr.stream },
    platform: process.platform,
    home,
  });
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`triage sync exited ${code}:\n${stderr.text().slice(0, 2000)}`);
  return { wallMs, between: [startedAt, startedAt + wallMs], result: JSON.parse(stdout.text()), errors: (stderr.text().match(/✗/g) ?? []).length };
}

/** The emulators, seeded for `n` pairs, in a child process (see sync-services.js). */
async function startServices(n, drifted, tokens) {
  const child = fork(fileURLToPath(new URL('./sync-services.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = async () => (await onceEvent(child, 'message'))[0];
  child.send({ n, drifted, tokens, latencyMs: LATENCY_MS });
  const ready = await next();
  return {
    ...ready,
    async stats(between) {
      child.send({ stats: true, between });
      return (await next()).stats;
    },
    async stop() {
      child.send({ stop: true });
      await onceEvent(child, 'exit');
    },
  };
}

async function once(n) {
  const tokens = { linear: `lin_api_${randomBytes(20).toString('hex')}`, pylon: `pylon_${randomBytes(16).toString('hex')}` };
  const drifted = Math.round(n / 10);
  const services = await startServices(n, drifted, tokens);
  const { linearUrl, pylonUrl } = services;
  const home = await mkdtemp(join(tmpdir(), 'triage-bench-'));
  try {
    const first = await syncOnce({ linearUrl, pylonUrl, tokens, home });
    const { linearRequests, linearWrites, pylonByRoute, pylonTotal, servingMs } = await services.stats(first.between);
    const floor = floors({
      pylonByRoute,
      linearTotal: linearRequests,
      searchPages: pylonByRoute['pylon.issues.search'] ?? 0,
      accountPages: pylonByRoute['pylon.accounts.list'] ?? 0,
      linearReads: linearRequests - linearWrites,
      linearWrites,
      latencyMs: LATENCY_MS,
    });
    const again = await syncOnce({ linearUrl, pylonUrl, tokens, home });
    const after = await services.stats();
    return {
      n,
      drifted,
      accounts: services.accounts,
      summary: first.result.summary,
      errors: first.errors + first.result.summary.failed,
      wallMs: Math.round(first.wallMs),
      ...floor,
      servingMs: Math.round(servingMs),
      floorMs: Math.max(floor.rateMs, floor.roundTripMs, servingMs),
      linear: { total: linearRequests, reads: linearRequests - linearWrites, writes: linearWrites },
      pylon: { total: pylonTotal, byRoute: pylonByRoute },
      rerun: { wallMs: Math.round(again.wallMs), linearWrites: after.linearWrites - linearWrites, applied: again.result.summary.applied },
    };
  } finally {
    await services.stop();
    await rm(home, { recursive: true, force: true });
  }
}

/** Runs the sizes one after another (each on fresh emulators) and returns the figures. */
export async function run(options = {}) {
  // A 10-pair sync first, unmeasured: loads the SDK chunks, so the figures are the sync's, not module loading's.
  await once(10);
  const sizes = options.sizes ?? (process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [100, 1_000, 10_000]);
  const figures = [];
  for (const n of sizes) {
    figures.push(await once(n));
    options.onResult?.(figures.at(-1));
  }
  return { name: 'sync', latencyMs: LATENCY_MS, figures };
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const met = (ok) => (ok ? 'met' : 'NOT MET');

export function format(f) {
  const ratio = f.floorMs > 0 ? f.wallMs / f.floorMs : Number.POSITIVE_INFINITY;
  const routes = Object.entries(f.pylon.byRoute).map(([route, count]) => `${route.replace('pylon.', '')} ${count}`).join(', ');
  return [
    `${f.n.toLocaleString('en-US')} pairs (${f.drifted.toLocaleString('en-US')} differing, ${f.accounts.toLocaleString('en-US')} accounts): ${f.summary['update-linear']} updated, ${f.summary.remember} recorded, ${f.errors} errors`,
    `  Linear requests   ${String(f.linear.total).padStart(6)}  (${f.linear.reads} reads, ${f.linear.writes} writes)   goal ≤ ${LINEAR_BUDGET.toLocaleString('en-US')}  ${met(f.linear.total <= LINEAR_BUDGET)}`,
    `  Pylon requests    ${String(f.pylon.total).padStart(6)}  (${routes})`,
    `  wall              ${s(f.wallMs).padStart(8)}  floor ${s(f.floorMs)} (rate limits ${s(f.rateMs)}, round trips ${s(f.roundTripMs)}, serving ${s(f.servingMs)})  ${ratio.toFixed(2)}x   goal ≤ ${WALL_GOAL}x  ${met(ratio <= WALL_GOAL)}`,
    `  rerun             ${s(f.rerun.wallMs).padStart(8)}  ${f.rerun.linearWrites} Linear writes, ${f.rerun.applied} applied   goal 0  ${met(f.rerun.linearWrites === 0 && f.rerun.applied === 0)}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`triage sync, first run then a rerun: ${LATENCY_MS} ms latency per request, Pylon's and Linear's real rate limits on`);
  await run({ onResult: (figure) => console.log(format(figure)) });
}
