import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GitHubGateway } from '../../src/services/github/gateway.js';
import { LinearGateway } from '../../src/services/linear/gateway.js';
import type { PylonIssue } from '../../src/sandbox/pylon/state.js';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;
const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });
const pylon = () => emu.pylon!.state;
const fast = { retryBaseMs: 1, githubWriteSpacingMs: 0, sleep: async () => {} };
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * HOUR).toISOString().slice(0, 10);

interface Seed {
  number: number;
  title: string;
  state: string;
  priority: number;
  /** The attachment's creation (the filing). */
  linkedAt: string;
  lastUpdate?: { at: string; stateType: string; stateName: string; priority: string };
  eta?: string;
  mine?: boolean;
}

const SEEDS: Seed[] = [
  { number: 5001, title: 'Followup done', state: 'Done', priority: 3, linkedAt: ago(48 * HOUR) },
  { number: 5002, title: 'Followup canceled', state: 'Canceled', priority: 3, linkedAt: ago(48 * HOUR), lastUpdate: { at: ago(24 * HOUR), stateType: 'started', stateName: 'In Progress', priority: 'medium' } },
  { number: 5003, title: 'Followup eta passed', state: 'In Progress', priority: 3, linkedAt: ago(9 * 24 * HOUR), eta: day(-2), lastUpdate: { at: ago(5 * 24 * HOUR), stateType: 'started', stateName: 'In Progress', priority: 'medium' } },
  { number: 5004, title: 'Followup priority changed', state: 'Todo', priority: 2, linkedAt: ago(48 * HOUR), lastUpdate: { at: ago(HOUR), stateType: 'unstarted', stateName: 'Todo', priority: 'medium' } },
  { number: 5005, title: 'Followup stale urgent', state: 'In Progress', priority: 1, linkedAt: ago(20 * HOUR), lastUpdate: { at: ago(10 * HOUR), stateType: 'started', stateName: 'In Progress', priority: 'urgent' } },
  // Owed nothing: told an hour ago, nothing changed since; an ETA still ahead.
  { number: 5006, title: 'Followup up to date', state: 'In Progress', priority: 3, linkedAt: ago(48 * HOUR), eta: day(5), lastUpdate: { at: ago(HOUR), stateType: 'started', stateName: 'In Progress', priority: 'medium' } },
  // Done, but someone else's issue: only with --all or --team.
  { number: 5007, title: 'Followup done elsewhere', state: 'Done', priority: 3, linkedAt: ago(48 * HOUR), mine: false },
];

beforeAll(async () => {
  // Only the tickets this file seeds: a pair outside them would make "exactly these" meaningless.
  pylon().issues.length = 0;
  const linear = await LinearGateway.create({ token: emu.tokens.linear, baseUrl: emu.env.LINEAR_API_URL!, fetch });
  const github = await GitHubGateway.create({ token: emu.tokens.github, baseUrl: emu.env.GITHUB_API_URL!, fetch, writeSpacingMs: 0 });
  const team = (await linear.team('SUP'))!;
  const viewer = await linear.viewer();
  const other = (await linear.usersByEmail(['erin@acme.example']))[0]!;
  const account = pylon().accounts[0]!;
  for (const seed of SEEDS) {
    const id = randomUUID();
    const todo = team.states.find((s) => s.name === 'Todo')!;
    await linear.createIssue({ id, teamId: team.id, title: seed.title, description: 'seeded', priority: seed.priority, stateId: todo.id, labelIds: [], assigneeId: seed.mine === false ? other.id : viewer.id });
    pylon().issues.push({
      id: randomUUID(),
      number: seed.number,
      title: seed.title,
      body_html: '<p>seeded</p>',
      state: 'on_hold',
      type: 'ticket',
      account: { id: account.id },
      source: 'email',
      tags: [],
      custom_fields: {},
      external_issues: [{ source: 'linear', external_id: id }],
      attachment_urls: [],
      customer_portal_visible: false,
      created_at: ago(50 * HOUR),
      updated_at: ago(HOUR),
      latest_message_time: ago(HOUR),
    } satisfies PylonIssue);
    const answer = (await (await fetch(`${emu.env.PYLON_API_URL}/issues/${seed.number}`, { headers: { authorization: `Bearer ${emu.tokens.pylon}` } })).json()) as { data: { link: string } };
    const ticketLink = answer.data.link;
    expect(ticketLink).toContain(`/issues?issueNumber=${seed.number}`);
    await linear.attach({ issueId: id, url: ticketLink, title: `Pylon #${seed.number}`, metadata: seed.lastUpdate ? { source: 'triage', triage: { lastAgreedPriority: seed.lastUpdate.priority, lastCustomerUpdate: seed.lastUpdate } } : { source: 'triage', triage: { lastAgreedPriority: 'medium' } } });
    if (seed.eta) {
      const issue = await github.createIssue({ owner: 'acme', name: 'app' }, { title: seed.title, body: 'seeded', labels: [], assignees: [] });
      await github.createComment({ owner: 'acme', name: 'app' }, issue.number, `**Estimated completion** (${seed.eta})\n\n<!-- triage-eta:${id} eta:${seed.eta} -->\n`);
      await linear.attach({ issueId: id, url: issue.url, title: `GitHub acme/app#${issue.number}` });
    }
    const stored = emu.linear.state.issues.find((i) => i.id === id)!;
    const state = team.states.find((s) => s.name === seed.state)!;
    stored.stateId = state.id;
    if (state.type === 'completed') stored.completedAt = ago(2 * HOUR);
    if (state.type === 'canceled') stored.canceledAt = ago(2 * HOUR);
    for (const a of emu.linear.state.attachments.filter((x) => x.issueId === id)) a.createdAt = seed.linkedAt;
  }
});

async function followups(home: string, args: string[] = [], columns?: number | null) {
  return runCli(['followups', '--config', CONFIG, ...args], { env: emu.env, home, overrides: fast, ...(columns === undefined ? {} : { columns }) });
}

const notes = () => emu.pylon!.state.messages.filter((m) => m.message_html.includes('triage-update:'));

describe('triage followups', () => {
  it('lists exactly the owed tickets of your issues, each for its reason, with a draft and the command', async () => {
    const run = await followups(await tempHome(), ['--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.followups.map((f: { ticket: { number: number }; reasons: string[] }) => [f.ticket.number, f.reasons])).toEqual([
      [5001, ['done']],
      [5002, ['canceled']],
      [5003, ['etaMissed']],
      [5004, ['priorityChanged']],
      [5005, ['staleUrgent']],
    ]);
    const byTicket = Object.fromEntries(out.followups.map((f: { ticket: { number: number } }) => [f.ticket.number, f]));
    expect(byTicket[5001].update.situation).toBe('done');
    expect(byTicket[5002].update.situation).toBe('canceled');
    expect(byTicket[5003].update).toMatchObject({ situation: 'etaMissed' });
    expect(byTicket[5003].update.text).toContain('we had estimated a resolution by');
    expect(byTicket[5004].update.situation).toBe('status');
    expect(byTicket[5004].changes).toEqual(['priority High (was Medium)']);
    expect(byTicket[5001].command).toBe('triage followups --post --ticket 5001');
    expect(byTicket[5001].customer).toBe(pylon().accounts[0]!.name);
    for (const f of out.followups) expect(f.update.text).not.toContain(pylon().accounts[0]!.name);
  });

  it('--all adds the other engineers\' issues; text fits 80 columns; --markdown is a table', async () => {
    const all = JSON.parse((await followups(await tempHome(), ['--all', '--json'])).stdout);
    expect(all.followups.map((f: { ticket: { number: number } }) => f.ticket.number)).toEqual([5001, 5002, 5003, 5004, 5005, 5007]);
    const text = await followups(await tempHome(), [], null);
    for (const line of text.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text.stdout).toContain('post: triage followups --post --ticket 5005');
    const md = await followups(await tempHome(), ['--markdown']);
    expect(md.stdout).toMatch(/^\| Ticket \| Customer \| Issue \| What changed \| Post with \|/);
  });

  it('--check exits 1 while anyone is owed; without a terminal --post needs --reply or --note', async () => {
    expect((await followups(await tempHome(), ['--check'])).code).toBe(1);
    const refused = await followups(await tempHome(), ['--post']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Pass --reply (to the customer) or --note (internal)');
    expect(notes()).toHaveLength(0);
  });

  it('--post posts each update once and records it; a rerun (even on another machine) lists nothing and posts nothing', async () => {
    emu.pylon!.server.injectFault({ match: (r) => r.operation === 'pylon.issues.note', status: 502, afterHandling: true, times: 1 });
    const home = await tempHome();
    const first = await followups(home, ['--post', '--note', '--json']);
    const out = JSON.parse(first.stdout);
    // The 502 came after Pylon posted: looked up, not posted again.
    expect(out.followups.map((f: { posted: unknown; error: unknown }) => [Boolean(f.posted), f.error])).toEqual(Array(5).fill([true, null]));
    expect(first.code, first.stderr).toBe(0);
    expect(notes()).toHaveLength(5);
    for (const number of [5001, 5002, 5003, 5004, 5005]) {
      const ticket = pylon().issues.find((i) => i.number === number)!;
      expect(notes().filter((m) => m.issue_id === ticket.id)).toHaveLength(1);
    }
    const again = await followups(home, ['--post', '--note', '--json', '--check']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).count).toBe(0);
    const elsewhere = await followups(await tempHome(), ['--check']);
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stderr).toContain('No customer is owed an update');
    expect(notes()).toHaveLength(5);
  });

  it('an update posted with triage update counts as the last update too', async () => {
    const home = await tempHome();
    const before = JSON.parse((await followups(home, ['--all', '--json'])).stdout);
    expect(before.followups.map((f: { ticket: { number: number } }) => f.ticket.number)).toEqual([5007]);
    const posted = await runCli(['update', before.followups[0].issue.identifier, '--note', '--config', CONFIG], { env: emu.env, home, overrides: fast });
    expect(posted.code, posted.stderr).toBe(0);
    expect(JSON.parse((await followups(home, ['--all', '--json'])).stdout).count).toBe(0);
  });
});

describe('oncall.resolveOnDone', () => {
  it('resolves the incident of a paged filing once its issue is Done, once', async () => {
    const home = await tempHome();
    const filed = await runCli(['new', '--config', CONFIG, '--title', 'Paged then done', '--body', 'down', '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Initech', '--json'], { env: emu.env, home, overrides: fast });
    const out = JSON.parse(filed.stdout);
    const dedupKey = `triage-${out.filingId}`;
    const issue = emu.linear.state.issues.find((i) => i.id === out.linear.id)!;
    const done = emu.linear.state.workflowStates.find((s) => s.teamId === issue.teamId && s.type === 'completed')!;
    expect((await followups(home, ['--all', '--json'])).code).toBe(0);
    expect(emu.pagerduty.state.incidents.find((i) => i.dedupKey === dedupKey)!.status).toBe('triggered');
    issue.stateId = done.id;
    const run = await followups(home, ['--all', '--json']);
    expect(JSON.parse(run.stdout).resolvedPages).toEqual([expect.objectContaining({ dedupKey, state: done.name })]);
    await followups(home, ['--all', '--json']);
    const incident = emu.pagerduty.state.incidents.find((i) => i.dedupKey === dedupKey)!;
    expect(incident.status).toBe('resolved');
    expect(incident.events.filter((e) => e.action === 'resolve')).toHaveLength(1);
  });
});
