/**
 * `triage sync` against Linear's and Pylon's budgets, counted from the emulators' request logs (never timed).
 * 10,000 pairs, as in the issue's bar: a first sync of pairs never synced before, 10% of them differing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLinearEmulator, linearRateLimitedFault, rootFieldsOf, type LinearEmulator } from '../../src/sandbox/linear/emulator.js';
import { createPylonEmulator, type PylonEmulator } from '../../src/sandbox/pylon/emulator.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { SYNC_WEB_URL, syncWorkspace, type SyncWorkspace } from '../support/sync-workspace.js';

const EXAMPLE_CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;
const PAIRS = 10_000;
const DRIFTED = 1_000;
const ACCOUNTS = 1_000;

let linear: LinearEmulator;
let pylon: PylonEmulator;
let workspace: SyncWorkspace;
let env: Record<string, string>;
let home: string;
/** Pylon's per-minute windows run on this clock, so pacing costs no real time. */
let clock = Date.parse('2026-03-02T09:00:00Z');
const now = () => new Date(clock);
const sleep = async (ms: number) => {
  const until = clock + ms;
  await Promise.resolve();
  clock = Math.max(clock, until);
};

async function start(requestsPerHour?: number): Promise<void> {
  workspace = syncWorkspace({ pairs: PAIRS, drifted: DRIFTED, accounts: ACCOUNTS });
  linear = createLinearEmulator({ state: workspace.linear, ...(requestsPerHour ? { rateLimit: { requestsPerHour } } : {}) });
  pylon = createPylonEmulator({ state: workspace.pylon, webUrl: SYNC_WEB_URL, now });
  const [linearUrl, pylonUrl] = await Promise.all([linear.start(), pylon.start()]);
  env = { LINEAR_API_KEY: workspace.tokens.linear, LINEAR_API_URL: `${linearUrl}/graphql`, PYLON_API_TOKEN: workspace.tokens.pylon, PYLON_API_URL: pylonUrl };
  home = await tempHome();
}

afterEach(async () => {
  await Promise.all([linear?.stop(), pylon?.stop()]);
});

interface SyncJson {
  summary: Record<string, number>;
  stopped: { reason: string; resetAt: string | null; requestsRemaining: number | null } | null;
  pairs: Array<{ pylon: { number: number }; action: string; to: string | null; result: { status: string; recorded?: boolean } | null }>;
}

async function sync(args: string[]) {
  const run = await runCli(['sync', '--config', EXAMPLE_CONFIG, '--json', ...args], { env, home, overrides: { now, sleep } });
  return { run, out: JSON.parse(run.stdout) as SyncJson };
}

const isWrite = (r: { body?: unknown }) => /^\s*mutation\b/.test((r.body as { query?: string } | undefined)?.query ?? '');
const linearWrites = () => linear.server.count(isWrite);
const agreedOf = (i: number) => {
  const link = linear.state.attachments.find((a) => a.issueId === workspace.linearIdOf(i));
  return (link?.metadata.triage as { lastAgreedPriority?: string } | undefined)?.lastAgreedPriority;
};
const linearPriority = (i: number) => linear.state.issues.find((x) => x.id === workspace.linearIdOf(i))!.priority;

describe('triage sync of 10,000 linked pairs', { timeout: 120_000 }, () => {
  it('a first sync, 10% drifted, stays far inside a personal key\'s hourly budget, errs nowhere, and a rerun writes nothing', async () => {
    await start();
    const { run, out } = await sync(['--yes']);
    expect(run.code, run.stderr.slice(0, 2000)).toBe(0);
    expect(out.summary).toMatchObject({ pairs: PAIRS, 'update-linear': DRIFTED, remember: PAIRS - DRIFTED, applied: PAIRS, failed: 0, deferred: 0 });
    expect(out.stopped).toBeNull();
    expect(run.stderr).not.toMatch(/✗|rate limit/i);

    // Reads: a hundred issues a request. Writes: fifty mutations a request, each request inside the complexity cap.
    const total = linear.server.requests.length;
    expect(total).toBeLessThanOrEqual(2_500);
    expect(linear.server.count((r) => !isWrite(r))).toBeLessThanOrEqual(PAIRS / 100 + 5);
    expect(linearWrites()).toBe(Math.ceil(DRIFTED / 50) + Math.ceil(PAIRS / 50));
    const writes = linear.server.requests.filter(isWrite);
    expect(Math.max(...writes.map((r) => rootFieldsOf(r).length))).toBe(50);

    // Every pair now agrees and says so.
    for (const i of [0, 1, DRIFTED - 1, DRIFTED, PAIRS - 1]) {
      expect(agreedOf(i)).toBeDefined();
    }
    expect(linearPriority(0)).toBe(2); // ticket 0 drifted to High in Pylon; Linear followed.

    // Customers are named from Pylon's account list, in pages, not one lookup per customer.
    expect(pylon.server.count((r) => r.operation === 'pylon.accounts.list')).toBeLessThanOrEqual(2);
    expect(pylon.server.count((r) => r.operation === 'pylon.accounts.get')).toBe(0);

    const before = linear.server.requests.length;
    const again = await sync(['--yes']);
    expect(again.run.code, again.run.stderr.slice(0, 2000)).toBe(0);
    expect(again.out.summary).toMatchObject({ 'in-sync': PAIRS, applied: 0 });
    expect(linear.server.requests.slice(before).filter(isWrite)).toHaveLength(0);
  });

  it('with Linear\'s hourly limit at 300 it stops before the limit, real changes applied first, and says when to continue', async () => {
    await start(300);
    const { run, out } = await sync(['--yes', '--check']);
    expect(run.code).toBe(1); // --check: pairs are left to record
    // Never refused: the run stopped itself with the reserve intact.
    expect(linear.server.requests.length).toBeLessThan(300);
    expect(out.stopped).toMatchObject({ reason: 'budget' });
    expect(Date.parse(out.stopped!.resetAt!)).toBeGreaterThan(Date.now());
    expect(run.stderr).toMatch(/Stopped before Linear's hourly budget ran out .*agreed priorities to record.*run `triage sync` again after \d\d:\d\d UTC/);

    const byAction = (action: string) => out.pairs.filter((p) => p.action === action);
    // Every real change made it, and was recorded; only records of pairs that already agreed wait.
    expect(byAction('update-linear').every((p) => p.result?.status === 'applied' && p.result.recorded)).toBe(true);
    const remembered = byAction('remember');
    expect(remembered.some((p) => p.result?.status === 'deferred')).toBe(true);
    expect(remembered.some((p) => p.result?.status === 'applied')).toBe(true);
    expect(out.summary.failed).toBe(0);
    for (let i = 0; i < DRIFTED; i += 97) expect(linearPriority(i)).toBe(1 + ((i + 1) % 4));
  });

  it('when Linear refuses a write for the rate limit, it sends no further request and defers the rest', async () => {
    await start();
    linear.server.injectFault(linearRateLimitedFault({ match: isWrite, times: 1_000 }));
    const { run, out } = await sync(['--yes']);
    expect(run.code, run.stderr.slice(0, 2000)).toBe(0);
    expect(out.stopped).toMatchObject({ reason: 'rate-limited' });
    // The refused batches that were already in flight, and not one more.
    expect(linearWrites()).toBeLessThanOrEqual(4);
    expect(out.summary.applied).toBe(0);
    expect(out.summary.deferred).toBe(PAIRS);
    expect(run.stderr).toContain('Linear refused further requests (rate limit)');
  });
});

describe('reading both sides', () => {
  it('asks for the next Pylon page while the Linear issues of the current one are read', async () => {
    workspace = syncWorkspace({ pairs: 2_500, drifted: 0, accounts: 10 });
    linear = createLinearEmulator({ state: workspace.linear });
    pylon = createPylonEmulator({ state: workspace.pylon, webUrl: SYNC_WEB_URL, now });
    const [linearUrl, pylonUrl] = await Promise.all([linear.start(), pylon.start()]);
    env = { LINEAR_API_KEY: workspace.tokens.linear, LINEAR_API_URL: `${linearUrl}/graphql`, PYLON_API_TOKEN: workspace.tokens.pylon, PYLON_API_URL: pylonUrl };
    home = await tempHome();
    const searches = () => pylon.server.count((r) => r.operation === 'pylon.issues.search');
    // Hold the first Linear read until the second search page has been asked for. Without the overlap the
    // second page waits for this read, so the hold ends only by the fallback timer and `overlapped` stays false.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let overlapped = false;
    const watch = setInterval(() => {
      if (searches() >= 2) {
        overlapped = true;
        release();
      }
    }, 5);
    const fallback = setTimeout(() => release(), 10_000);
    linear.server.injectFault({ match: (r) => r.operation === 'issues', times: 1, until: held });
    try {
      const { run, out } = await sync(['--dry-run']);
      expect(run.code, run.stderr).toBe(0);
      expect(out.summary.pairs).toBe(2_500);
    } finally {
      clearInterval(watch);
      clearTimeout(fallback);
      release();
    }
    expect(overlapped).toBe(true);
    expect(searches()).toBeGreaterThanOrEqual(3);
  });
});
