import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulators, type Emulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { captureStreams } from '../support/streams.js';
import { main } from '../../src/main.js';
import type { Prompter } from '../../src/cli/prompter.js';
import { createLinearState } from '../../src/sandbox/linear/emulator.js';
import { linearRateLimitedFault, rootFieldsOf } from '../../src/sandbox/linear/emulator.js';
import { createPylonState } from '../../src/sandbox/pylon/state.js';
import { DEMO_LINKED, demoLinearIssueId, demoPylonTicketUrl } from '../../src/sandbox/seed/demo-workspace.js';

const EXAMPLE_CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;
const START = Date.parse('2026-03-02T09:00:00Z');

let emu: Emulators;
let home: string;
/** One fake clock for triage's pacing and the Pylon emulator's rate-limit windows: a minute of pacing takes no time. */
let clock: number;
const now = () => new Date(clock);
/** Waiting moves the clock to when the wait ends (concurrent waits overlap, as real ones do). */
const sleep = async (ms: number) => {
  const until = clock + ms;
  await Promise.resolve();
  clock = Math.max(clock, until);
};

beforeEach(async () => {
  clock = START;
  emu = await startEmulators({ pylon: { now } });
  home = await tempHome();
});
afterEach(async () => {
  await emu.stop();
});

function sync(args: string[], options: { config?: string } = {}) {
  return runCli(['sync', '--config', options.config ?? EXAMPLE_CONFIG, ...args], { env: emu.env, home, overrides: { now, sleep } });
}

const pylon = () => emu.pylon!;
const ticket = (number: number) => pylon().state.issues.find((i) => i.number === number)!;
const pylonPriority = (number: number) => ticket(number).custom_fields.priority?.value ?? null;
const linearIssue = (ticketNumber: number) => emu.linear.state.issues.find((i) => i.id === demoLinearIssueId(ticketNumber))!;
const link = (ticketNumber: number) => emu.linear.state.attachments.find((a) => a.issueId === demoLinearIssueId(ticketNumber) && a.url === demoPylonTicketUrl(ticketNumber));
const agreed = (ticketNumber: number) => (link(ticketNumber)?.metadata.triage as { lastAgreedPriority?: string } | undefined)?.lastAgreedPriority;
const linearWrites = () => emu.linear.server.count((r) => ['issueUpdate', 'attachmentUpdate', 'attachmentCreate'].includes(r.operation ?? ''));
const pylonWrites = () => pylon().server.count((r) => r.method !== 'GET' && r.operation !== 'pylon.issues.search');

async function json(args: string[], options: { config?: string } = {}) {
  const run = await sync([...args, '--json'], options);
  return { run, out: JSON.parse(run.stdout) as SyncJson };
}

interface SyncJson {
  applied: boolean;
  summary: Record<string, number>;
  pairs: Array<{ pylon: { number: number; priority: unknown }; linear: { identifier: string | null; priority: number | null }; customer: string | null; agreed: string | null; action: string; to: string | null; reason: string; result: { status: string; step?: string } | null }>;
}

const actionOf = (out: SyncJson, number: number) => out.pairs.find((p) => p.pylon.number === number)?.action;

describe('triage sync: the three-way cases of the demo workspace', () => {
  it('--dry-run shows every case as a table and changes nothing', async () => {
    const run = await sync(['--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const row = (n: number) => lines.find((l) => l.startsWith(`#${n} `)) ?? '';
    expect(lines[0]).toMatch(/^Ticket\s+Customer\s+Pylon\s+Linear\s+Action$/);
    expect(row(1041)).toBe('');
    expect(row(1042)).toMatch(/Initech\s+Urgent\s+SUP-\d+ High\s+Linear → Urgent: changed in Pylon \(was High\)/);
    expect(row(1043)).toMatch(/Umbrella Corp\s+Medium\s+SUP-\d+ High\s+drift: changed in Linear \(was Medium\); Pylon follows only with --direction both/);
    expect(row(1044)).toMatch(/Globex Corporation\s+Urgent\s+SUP-\d+ Low\s+conflict: changed on both sides/);
    expect(row(1045)).toMatch(/Linear → Low: first sync, Pylon is the source of truth/);
    expect(row(1046)).toMatch(/record Medium as agreed: first sync, already equal/);
    expect(row(1047)).toMatch(/none\s+SUP-\d+ High\s+drift: cleared in Pylon/);
    expect(row(1030)).toBe('');
    expect(run.stdout).toContain('7 linked pairs');
    expect(run.stdout).toMatch(/1 in sync, 2 to update in Linear, 1 to record as agreed, 2 drifts, 1 conflict/);
    expect(run.stderr).toContain('Nothing was changed. Run `triage sync --yes` to apply the plan.');
    expect(linearWrites()).toBe(0);
    expect(pylonWrites()).toBe(0);
  });

  it('--yes: Linear follows Pylon and the agreed values are recorded; drift and conflicts are left alone; a rerun is quiet', async () => {
    const before = { l1043: linearIssue(1043).priority, l1044: linearIssue(1044).priority, p1044: pylonPriority(1044), l1047: linearIssue(1047).priority };
    const { run, out } = await json(['--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(out.applied).toBe(true);
    expect(out.summary).toMatchObject({ pairs: 7, 'in-sync': 1, 'update-linear': 2, remember: 1, drift: 2, conflict: 1, applied: 3, failed: 0 });

    // Changed only in Pylon: Linear follows, and the new agreed value is on the link.
    expect(linearIssue(1042).priority).toBe(1);
    expect(agreed(1042)).toBe('urgent');
    // Never synced: Pylon (the source of truth) wins, and the link is created with the record.
    expect(linearIssue(1045).priority).toBe(4);
    expect(link(1045)).toMatchObject({ title: 'Pylon #1045' });
    expect(agreed(1045)).toBe('low');
    // Already equal: only recorded.
    expect(agreed(1046)).toBe('medium');
    // Drift, conflict, cleared: untouched on both sides.
    expect({ l1043: linearIssue(1043).priority, l1044: linearIssue(1044).priority, p1044: pylonPriority(1044), l1047: linearIssue(1047).priority }).toEqual(before);
    expect(pylonPriority(1043)).toBe('medium');
    expect(agreed(1044)).toBe('medium');
    expect(pylonWrites()).toBe(0);

    const again = await json(['--yes']);
    expect(again.run.code).toBe(0);
    expect(again.out.summary).toMatchObject({ 'in-sync': 4, 'update-linear': 0, remember: 0, applied: 0 });
    expect(actionOf(again.out, 1044)).toBe('conflict');
  });

  it('--direction both: Pylon follows a change made in Linear; values never bounce back', async () => {
    const { run, out } = await json(['--yes', '--direction', 'both']);
    expect(run.code, run.stderr).toBe(0);
    expect(actionOf(out, 1043)).toBe('update-pylon');
    expect(pylonPriority(1043)).toBe('high');
    expect(agreed(1043)).toBe('high');
    expect(linearIssue(1043).priority).toBe(2);
    // Cleared in Pylon is still not propagated, and conflicts are still untouched.
    expect(actionOf(out, 1047)).toBe('drift');
    expect(linearIssue(1047).priority).toBe(2);
    expect(actionOf(out, 1044)).toBe('conflict');
    expect(pylonPriority(1044)).toBe('urgent');

    const writes = { linear: linearWrites(), pylon: pylonWrites() };
    const again = await json(['--yes', '--direction', 'both']);
    expect(again.out.summary).toMatchObject({ 'update-linear': 0, 'update-pylon': 0, remember: 0 });
    expect({ linear: linearWrites(), pylon: pylonWrites() }).toEqual(writes);
  });

  it('--check: exit 1 while anything is out of line (nothing written), 0 once a person settled the rest', async () => {
    const check = await sync(['--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('5 Pylon/Linear pairs are out of line');
    expect(linearWrites() + pylonWrites()).toBe(0);

    // Applying fixes what it can; conflicts and drift still fail the check.
    const applyAndCheck = await sync(['--check', '--yes', '--direction', 'both']);
    expect(applyAndCheck.code).toBe(1);
    expect(applyAndCheck.stderr).toContain('2 Pylon/Linear pairs are out of line');

    // A person settles them: the same priority on both sides.
    linearIssue(1044).priority = 1;
    linearIssue(1047).priority = 0;
    const settle = await sync(['--yes']);
    expect(settle.code, settle.stderr).toBe(0);
    expect(agreed(1044)).toBe('urgent');
    expect(agreed(1047)).toBe('none');
    const ok = await sync(['--check']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('7 in sync');
  });

  it('without a terminal and without --yes it applies nothing and says how (exit 2)', async () => {
    const run = await sync([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Not applying 3 changes: there is no terminal to confirm in');
    expect(run.stderr).toContain('triage sync --yes');
    expect(run.stdout).toContain('Linear → Urgent');
    expect(linearWrites()).toBe(0);
  });

  it('on a terminal it asks before applying, and a "no" changes nothing', async () => {
    for (const answer of [false, true]) {
      const asked: string[] = [];
      const prompter: Prompter = {
        confirm: async (message) => {
          asked.push(message);
          return answer;
        },
        select: async () => {
          throw new Error('unexpected select');
        },
        input: async () => {
          throw new Error('unexpected input');
        },
        editor: async () => {
          throw new Error('unexpected editor');
        },
        page: async () => {
          throw new Error('unexpected page');
        },
      };
      const io = captureStreams({ tty: true });
      const code = await main({
        argv: ['sync', '--config', EXAMPLE_CONFIG],
        env: { ...emu.env, TRIAGE_STATE_DIR: join(home, 'state'), NO_COLOR: '1' },
        cwd: home,
        streams: io.streams,
        platform: 'linux',
        home,
        overrides: { now, sleep, prompter, retryBaseMs: 5 },
      });
      expect(asked).toEqual(['Apply 3 changes?']);
      if (!answer) {
        expect(code).toBe(130);
        expect(linearWrites()).toBe(0);
      } else {
        expect(code, io.stderr()).toBe(0);
        expect(linearIssue(1042).priority).toBe(1);
      }
    }
  });

  it('rejects a bad --direction or --since, and a config whose priority field Pylon does not have', async () => {
    expect((await sync(['--direction', 'sideways', '--dry-run'])).stderr).toContain('Unknown --direction "sideways"');
    expect((await sync(['--since', 'yesterday', '--dry-run'])).code).toBe(2);
    const raw = JSON.parse(await readFile(EXAMPLE_CONFIG, 'utf8'));
    raw.pylon.priorityField.values.urgent = 'p0';
    const config = join(home, 'bad.json');
    await writeFile(config, JSON.stringify(raw));
    const run = await sync(['--dry-run'], { config });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pylon.priorityField.values.urgent is "p0", not an option of Pylon\'s "priority" field. Its options: urgent (Urgent), high (High), medium (Medium), low (Low)');
  });

  it('a rejected Pylon token is an authentication error (exit 4) naming PYLON_API_TOKEN', async () => {
    const run = await runCli(['sync', '--config', EXAMPLE_CONFIG, '--dry-run'], { env: { ...emu.env, PYLON_API_TOKEN: `${emu.tokens.pylon}x` }, home, overrides: { now, sleep } });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('PYLON_API_TOKEN');
    expect(run.stderr).not.toContain(emu.tokens.pylon);
  });
});

/** Adds `count` linked pairs; the first `drifted` have been changed in Pylon since they agreed. */
function seedLinked(count: number, drifted: number, options: { from?: number } = {}) {
  const from = options.from ?? 5000;
  const priorities = ['urgent', 'high', 'medium', 'low'] as const;
  const account = pylon().state.accounts[0]!;
  const extraLinear = createLinearState({
    teams: [{ key: 'SUP' }],
    issues: Array.from({ length: count }, (_, i) => ({ id: demoLinearIssueId(from + i), teamId: 'SUP', number: 100 + from + i, title: `Bulk ${i}`, priority: 1 + (i % 4) })),
    attachments: Array.from({ length: count }, (_, i) => ({
      issueId: demoLinearIssueId(from + i),
      url: demoPylonTicketUrl(from + i),
      title: `Pylon #${from + i}`,
      metadata: { triage: { lastAgreedPriority: priorities[i % 4]!, agreedAt: '2026-01-01T00:00:00.000Z' } },
    })),
  });
  const team = emu.linear.state.teams.find((t) => t.key === 'SUP')!;
  for (const issue of extraLinear.issues) emu.linear.state.issues.push({ ...issue, teamId: team.id, stateId: emu.linear.state.workflowStates.find((s) => s.teamId === team.id)!.id });
  emu.linear.state.attachments.push(...extraLinear.attachments);
  const extraPylon = createPylonState({
    accounts: [{ id: account.id, name: account.name }],
    issues: Array.from({ length: count }, (_, i) => ({
      number: from + i,
      title: `Bulk ticket ${i}`,
      state: 'waiting_on_you',
      account: { id: account.id },
      created_at: new Date(START - (i + 1) * 60_000).toISOString(),
      custom_fields: { priority: { slug: 'priority', value: i < drifted ? priorities[(i + 1) % 4]! : priorities[i % 4]! } },
      external_issues: [{ source: 'linear', external_id: demoLinearIssueId(from + i) }],
    })),
  });
  pylon().state.issues.push(...extraPylon.issues);
}

async function configWith(patch: (raw: { pylon: { sync: Record<string, unknown> } }) => void): Promise<string> {
  const raw = JSON.parse(await readFile(EXAMPLE_CONFIG, 'utf8'));
  patch(raw);
  const path = join(home, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(raw));
  return path;
}

describe('triage sync at scale', () => {
  it('pages through 250 linked tickets: reads grow with pages on both sides, not with tickets', async () => {
    seedLinked(250, 25);
    const config = await configWith((raw) => {
      raw.pylon.sync.pageSize = 100;
    });
    const { run, out } = await json(['--yes'], { config });
    expect(run.code, run.stderr).toBe(0);
    expect(out.summary).toMatchObject({ pairs: 257, 'update-linear': 27, applied: 28, failed: 0 });

    const searches = pylon().server.requests.filter((r) => r.operation === 'pylon.issues.search');
    expect(searches).toHaveLength(3); // 263 open-or-recent tickets, 100 a page
    expect(searches.map((r) => (r.body as { limit: number }).limit)).toEqual([100, 100, 100]);
    const reads = emu.linear.server.requests.filter((r) => r.rawBody.includes('triageIssuesForSync'));
    expect(reads).toHaveLength(3); // one per page: each page links fewer than 100 new Linear issues
    for (const r of reads) expect(((r.body as { variables: { ids: string[] } }).variables.ids).length).toBeLessThanOrEqual(100);
    // One account lookup per customer shown, never one per ticket.
    expect(pylon().server.count((r) => r.operation === 'pylon.accounts.get')).toBeLessThanOrEqual(3);
    // Pylon's limits were never hit: the gateway paced itself.
    expect(pylon().server.count((r) => r.operation === 'pylon.issues.search')).toBe(3);

    const priorities = ['urgent', 'high', 'medium', 'low'];
    for (let i = 0; i < 25; i++) expect(emu.linear.state.issues.find((x) => x.id === demoLinearIssueId(5000 + i))!.priority).toBe(1 + priorities.indexOf(priorities[(i + 1) % 4]!));

    const again = await json(['--yes'], { config });
    expect(again.out.summary).toMatchObject({ 'update-linear': 0, remember: 0, applied: 0 });
  });

  it('Linear issues are read a hundred per request when a Pylon page links more', async () => {
    seedLinked(250, 0);
    const config = await configWith((raw) => {
      raw.pylon.sync.pageSize = 999;
    });
    const run = await sync(['--dry-run'], { config });
    expect(run.code, run.stderr).toBe(0);
    const reads = emu.linear.server.requests.filter((r) => r.rawBody.includes('triageIssuesForSync'));
    expect(reads.map((r) => (r.body as { variables: { ids: string[] } }).variables.ids.length)).toEqual([100, 100, 57]);
    expect(pylon().server.count((r) => r.operation === 'pylon.issues.search')).toBe(1);
  });

  it('rides out a 429 from Pylon mid-sync (Retry-After honoured) and from Linear mid-apply', async () => {
    seedLinked(120, 12);
    const config = await configWith((raw) => {
      raw.pylon.sync.pageSize = 50;
    });
    let searches = 0;
    pylon().server.injectFault({ match: (r) => r.operation === 'pylon.issues.search' && ++searches === 2, status: 429, retryAfter: 40, body: { errors: ['rate limit exceeded'], request_id: 'req-429' } });
    emu.linear.server.injectFault(linearRateLimitedFault({ match: (r) => r.operation === 'issueUpdate', times: 1, retryAfter: 2 }));
    const started = clock;
    const { run, out } = await json(['--yes'], { config });
    expect(run.code, run.stderr).toBe(0);
    expect(out.summary).toMatchObject({ 'update-linear': 14, failed: 0 });
    expect(clock - started).toBeGreaterThanOrEqual(40_000);
    const statuses = pylon().server.requests.filter((r) => r.operation === 'pylon.issues.search').length;
    expect(statuses).toBe(Math.ceil(133 / 50) + 1);
  });

  it('a rerun after a partial failure finishes the job, and a third run changes nothing', async () => {
    seedLinked(30, 30);
    const internal = { errors: [{ message: 'Internal error' }] };
    // The batch of priority writes is applied but its answer lost: every pair in it is reported failed.
    emu.linear.server.injectFault({ match: (r) => r.operation === 'issueUpdate', times: 1, status: 500, afterHandling: true, body: internal });
    const first = await json(['--yes']);
    expect(first.run.code).toBe(1);
    expect(first.out.summary).toMatchObject({ 'update-linear': 32, failed: 32 });
    const failed = first.out.pairs.filter((p) => p.result?.status === 'failed');
    expect(new Set(failed.map((p) => p.result!.step))).toEqual(new Set(['linear']));
    expect(first.run.stderr).toMatch(/✗ #\d+ ↔ SUP-\d+: updating Linear failed/);
    expect(first.run.stderr).toContain('a rerun is safe');

    // Linear did take the values: the rerun sees both sides equal and records them; its first record batch fails.
    emu.linear.server.injectFault({ match: (r) => rootFieldsOf(r).includes('attachmentUpdate'), times: 1, status: 500, body: internal });
    const second = await json(['--yes']);
    expect(second.run.code).toBe(1);
    expect(second.out.summary).toMatchObject({ 'update-linear': 0, remember: 32 });
    expect(second.run.stderr).toMatch(/✗ #\d+ ↔ SUP-\d+: recording the agreed priority failed/);

    const third = await json(['--yes']);
    expect(third.run.code, third.run.stderr).toBe(0);
    expect(third.out.summary).toMatchObject({ 'update-linear': 0, remember: 32, failed: 0 });

    const writes = linearWrites();
    const fourth = await json(['--yes']);
    expect(fourth.out.summary).toMatchObject({ 'update-linear': 0, 'update-pylon': 0, remember: 0, applied: 0 });
    expect(linearWrites()).toBe(writes);
    for (const p of fourth.out.pairs.filter((x) => x.pylon.number >= 5000)) expect(p.action).toBe('in-sync');
  });
});

describe('triage sync: where the agreed priority is found', () => {
  it('finds the link among many other attachments, and for tickets on different pages sharing one Linear issue', async () => {
    const issueId = demoLinearIssueId(1041);
    const extra = createLinearState({
      teams: [{ key: 'SUP' }],
      issues: [{ id: issueId, teamId: 'SUP', title: 'x' }],
      attachments: Array.from({ length: 60 }, (_, i) => ({ issueId, url: `https://github.com/acme/app/pull/${i + 1}`, title: `PR ${i + 1}` })),
    });
    emu.linear.state.attachments.unshift(...extra.attachments);
    // A second ticket on another page linked to the same Linear issue, agreed High like the first.
    seedLinked(1, 0, { from: 6000 });
    const second = pylon().state.issues.find((i) => i.number === 6000)!;
    second.external_issues = [{ source: 'linear', external_id: issueId }];
    second.custom_fields = { priority: { slug: 'priority', value: 'high' } };
    second.created_at = '2020-01-01T00:00:00Z';
    emu.linear.state.attachments.push({ ...link(1041)!, id: 'attachment-6000', url: demoPylonTicketUrl(6000), title: 'Pylon #6000' });
    const config = await configWith((raw) => {
      raw.pylon.sync.pageSize = 5;
    });
    const { run, out } = await json(['--dry-run'], { config });
    expect(run.code, run.stderr).toBe(0);
    expect(actionOf(out, 1041)).toBe('in-sync');
    expect(out.pairs.find((p) => p.pylon.number === 6000)).toMatchObject({ action: 'in-sync', agreed: 'high' });
  });
});

describe('demo workspace', () => {
  it('has one linked ticket per sync case, each with its Linear issue', () => {
    for (const c of DEMO_LINKED) {
      expect(ticket(c.ticket).external_issues).toEqual([{ source: 'linear', external_id: demoLinearIssueId(c.ticket) }]);
      expect(linearIssue(c.ticket)).toBeDefined();
    }
    expect(pylon().state.accounts.map((a) => [a.name, a.primary_domain])).toEqual([
      ['Globex Corporation', 'globex.com'],
      ['Initech', 'initech.com'],
      ['Umbrella Corp', 'umbrella.com'],
    ]);
  });
});

describe('oncall.resolveOnDone in triage sync', () => {
  it('a sync that may write resolves the incident of a paged filing once its issue is Done; a dry run does not', async () => {
    const filed = await runCli(['new', '--config', EXAMPLE_CONFIG, '--title', 'Paged, then fixed', '--body', 'down', '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Initech', '--json'], {
      env: emu.env,
      home,
      overrides: { now, sleep },
    });
    expect(filed.code, filed.stderr).toBe(0);
    const out = JSON.parse(filed.stdout);
    const dedupKey = `triage-${out.filingId}`;
    const incident = () => emu.pagerduty.state.incidents.find((i) => i.dedupKey === dedupKey)!;
    expect(incident().status).toBe('triggered');

    // Still open: nothing to resolve.
    expect((await json(['--yes'])).out).toMatchObject({ resolvedPages: [] });
    const issue = emu.linear.state.issues.find((i) => i.id === out.linear.id)!;
    issue.stateId = emu.linear.state.workflowStates.find((s) => s.teamId === issue.teamId && s.type === 'completed')!.id;

    const dry = await sync(['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(incident().status).toBe('triggered');

    const applied = await sync(['--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain(`Resolved the PagerDuty incident of ${out.linear.identifier}`);
    expect(incident().status).toBe('resolved');
    const again = await json(['--yes']);
    expect((again.out as unknown as { resolvedPages: unknown[] }).resolvedPages).toEqual([]);
    expect(incident().events.filter((e) => e.action === 'resolve')).toHaveLength(1);
  });
});
