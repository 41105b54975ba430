import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { DEFAULT_RUBRIC } from '../../src/core/rubric.js';

const EXAMPLE_CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;

const emu = useEmulators();
let home: string;

beforeEach(async () => {
  home = await tempHome();
});

function triage(args: string[], extra: { env?: Record<string, string>; stdin?: string } = {}) {
  return runCli(['new', '--config', EXAMPLE_CONFIG, ...args], { env: { ...emu.env, ...extra.env }, home, ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}) });
}

const linearIssues = () => emu.linear.state.issues;
const githubIssues = () => emu.github.state.issues['acme/app'] ?? [];
const stateName = (id: string) => emu.linear.state.workflowStates.find((s) => s.id === id)?.name;
const labelNames = (ids: string[]) => ids.map((id) => emu.linear.state.issueLabels.find((l) => l.id === id)?.name).sort();
const userEmail = (id: string | null) => emu.linear.state.users.find((u) => u.id === id)?.email;

describe('triage new against the emulators', () => {
  it('files a complex issue: linked Linear + GitHub issues, routed, with one ETA comment', async () => {
    const before = { linear: linearIssues().length, github: githubIssues().length };
    const body = 'Exporting to CSV times out after 30s for workspaces with 200k rows.\nGlobex Corporation needs it for month-end.';
    await writeFile(join(home, 'ticket.txt'), body);
    const run = await runCli(
      ['new', '--config', EXAMPLE_CONFIG, '--title', 'Export to CSV times out for large workspaces', '--body-file', join(home, 'ticket.txt'),
        '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', '--area', 'exports', '--json'],
      { env: emu.env, home, cwd: home },
    );
    expect(run.stderr).not.toContain('✗');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);

    expect(linearIssues()).toHaveLength(before.linear + 1);
    expect(githubIssues()).toHaveLength(before.github + 1);
    const issue = linearIssues().at(-1)!;
    const gh = githubIssues().at(-1)!;

    // Linear: the rubric's priority and status, the route's team, labels and assignee, the client-supplied id.
    expect(issue.id).toBe(out.filingId);
    expect(issue.priority).toBe(2);
    expect(stateName(issue.stateId)).toBe('Todo');
    expect(emu.linear.state.teams.find((t) => t.id === issue.teamId)?.key).toBe('SUP');
    expect(labelNames(issue.labelIds)).toEqual(['Exports']);
    expect(userEmail(issue.assigneeId)).toBe('erin@acme.example');
    expect(issue.description).toContain('High (P1): core functionality issue');
    expect(issue.description).toContain('Prioritized: High issues are prioritized');
    expect(issue.description).toContain('Globex Corporation');

    // GitHub: names the Linear identifier, carries the route's labels and assignees, never the customer.
    const identifier = out.linear.identifier as string;
    expect(gh.body).toContain(`Tracked in Linear as ${identifier}.`);
    expect(gh.body).toContain(`<!-- triage-filing:${out.filingId} -->`);
    expect(gh.body).not.toMatch(/Globex/i);
    expect(gh.title).toBe('Export to CSV times out for large workspaces');
    expect([...gh.labels].sort()).toEqual(['exports']);
    expect(gh.assignees).toEqual(['erin-acme']);

    // The link: one attachment on the Linear issue pointing at the GitHub issue.
    const links = emu.linear.state.attachments.filter((a) => a.issueId === issue.id);
    expect(links.map((a) => a.url)).toEqual([out.github.url]);

    // Exactly one ETA comment, with the date the JSON reports.
    const comments = emu.github.state.comments.filter((c) => c.repo === 'acme/app' && c.issue_number === gh.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(out.eta.date);

    expect(out).toMatchObject({
      dryRun: false,
      type: 'complex',
      decision: { priority: 'high', linearPriority: 2, status: 'prioritized', immediate: true, source: 'rubric', impact: 'core-broken' },
      linear: { identifier, priority: 2, state: 'Todo', team: 'SUP', assignee: 'erin@acme.example' },
      github: { repo: 'acme/app', number: gh.number, url: `https://github.com/acme/app/issues/${gh.number}` },
      eta: { source: 'policy', commentUrl: expect.any(String) },
      redactions: { total: expect.any(Number) },
    });
  });

  it.each(DEFAULT_RUBRIC.impacts.map((r) => [r.value, r.priority] as const))('rubric row %s → %s in Linear', async (impact, priority) => {
    const run = await triage(['--title', `Rubric ${impact}`, '--body', 'Report text', '--type', 'complex', '--impact', impact, '--customer', 'Initech', '--no-github', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const issue = linearIssues().find((i) => i.id === out.filingId)!;
    const expected = { urgent: 1, high: 2, medium: 3, low: 4 }[priority];
    expect(issue.priority).toBe(expected);
    expect(stateName(issue.stateId)).toBe(priority === 'urgent' || priority === 'high' ? 'Todo' : 'Backlog');
    expect(out.github).toBeNull();
    if (priority === 'urgent') expect(userEmail(issue.assigneeId)).toBe('dana@acme.example');
  });

  it('files a feature in the Backlog whatever its priority, with no ETA comment', async () => {
    const run = await triage(['--title', 'SSO for the admin console', '--body', 'Needed for their security review', '--type', 'feature', '--impact', 'ops-essential', '--customer', 'Initech', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const issue = linearIssues().find((i) => i.id === out.filingId)!;
    expect(issue.priority).toBe(2);
    expect(stateName(issue.stateId)).toBe('Backlog');
    expect(out.decision.status).toBe('backlog');
    expect(emu.github.state.comments.filter((c) => c.issue_number === out.github.number)).toHaveLength(0);
  });

  it('assigns a quick fix to the engineer and prints the branch to open the PR from', async () => {
    const run = await triage(['--title', 'Typo in the billing email', '--body', 'The word "recieve"', '--type', 'quick-fix', '--impact', 'polish', '--customer', 'Initech']);
    expect(run.code, run.stderr).toBe(0);
    const issue = linearIssues().at(-1)!;
    expect(userEmail(issue.assigneeId)).toBe('sam@acme.example');
    expect(run.stderr).toMatch(/Open your PR from branch: sam\/sup-\d+-typo-in-the-billing-email/);
    expect(run.stdout).toMatch(/^Linear: .*\nGitHub: .*\/issues\/\d+\n$/);
    const gh = githubIssues().at(-1)!;
    expect(gh.assignees).toContain('sam-acme');
    expect(emu.github.state.comments.filter((c) => c.issue_number === gh.number)).toHaveLength(0);
  });

  it('records a manual priority and its reason in the ticket', async () => {
    const run = await triage(['--title', 'Chart colours', '--body', 'Colours are off', '--type', 'complex', '--impact', 'polish', '--priority', 'high', '--reason', 'Renewal call on Friday', '--customer', 'Initech', '--no-github', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const issue = linearIssues().find((i) => i.id === out.filingId)!;
    expect(issue.priority).toBe(2);
    expect(issue.description).toContain('set by hand');
    expect(issue.description).toContain('Renewal call on Friday');
    expect(out.decision.source).toBe('manual');
  });
});

describe('bad input files nothing', () => {
  const count = () => linearIssues().length + githubIssues().length;

  it.each([
    [['--title', 't', '--body', 'b', '--type', 'bug', '--impact', 'outage', '--customer', 'c'], 2, /Unknown --type "bug". Valid types: quick-fix, complex, feature/],
    [['--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'meltdown', '--customer', 'c'], 2, /Unknown --impact "meltdown". Valid impacts: outage, security, widespread-breakage/],
    [['--title', 't', '--body', 'b', '--type', 'complex', '--priority', 'high', '--customer', 'c'], 2, /--reason \(required with --priority\)/],
    [['--type', 'complex'], 2, /Missing --title, --body or --body-file, --impact \(or --priority with --reason\), --customer/],
    [['--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'outage', '--customer', 'c', '--eta', 'soon'], 2, /--eta soon: expected a date/],
  ])('%j → exit %i', async (args, code, message) => {
    const before = count();
    const run = await triage(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(count()).toBe(before);
  });

  it('a missing token names the variable (exit 4)', async () => {
    const before = count();
    const run = await triage(['--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'outage', '--customer', 'c'], { env: { LINEAR_API_KEY: '' } });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('LINEAR_API_KEY is not set');
    expect(count()).toBe(before);
  });

  it('a rejected token says which service and variable (exit 4), and never prints the token', async () => {
    const before = count();
    const wrong = emu.tokens.github.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    const run = await triage(['--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'outage', '--customer', 'c'], { env: { GITHUB_TOKEN: wrong } });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('GitHub rejected the token in GITHUB_TOKEN');
    expect(run.stderr + run.stdout).not.toContain(wrong);
    expect(count()).toBe(before);
  });

  it('a rejected Linear key is exit 4 too', async () => {
    const run = await triage(['--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'outage', '--customer', 'c'], { env: { LINEAR_API_KEY: 'lin_api_' + 'x'.repeat(40) } });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('Linear rejected the API key in LINEAR_API_KEY');
  });

  it('an invalid config names the file and field (exit 2)', async () => {
    const file = join(home, 'bad.json');
    await writeFile(file, JSON.stringify({ routing: { default: { linear: { team: 'SUP' }, github: { repo: 'nope' } } } }));
    const run = await runCli(['new', '--config', file, '--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'outage', '--customer', 'c'], { env: emu.env, home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Invalid config ${file}`);
    expect(run.stderr).toContain('routing.default.github.repo');
  });

  it('a malformed config names the file (exit 2)', async () => {
    const file = join(home, 'broken.json');
    await writeFile(file, '{ "routing": ');
    const run = await runCli(['new', '--config', file, '--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'outage', '--customer', 'c'], { env: emu.env, home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Config ${file}:1:`);
    expect(run.stderr).toContain('syntax error');
  });

  it('an unknown Linear state in config stops before anything is created', async () => {
    const file = join(home, 'states.json');
    await writeFile(file, JSON.stringify({ linear: { states: { prioritized: 'Doing', backlog: 'Backlog' } }, routing: { default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } } } }));
    const before = count();
    const run = await runCli(['new', '--config', file, '--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'outage', '--customer', 'c'], { env: emu.env, home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Linear team SUP has no workflow state "Doing"');
    expect(count()).toBe(before);
  });
});

describe('--dry-run', () => {
  it('needs no token and makes no request', async () => {
    const requests = emu.linear.server.requests.length + emu.github.server.requests.length;
    const run = await runCli(
      ['new', '--config', EXAMPLE_CONFIG, '--title', 'Dark mode', '--body', 'Please add dark mode', '--type', 'feature', '--impact', 'nice-to-have', '--customer', 'Initech', '--dry-run', '--json'],
      { env: {}, home },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(emu.linear.server.requests.length + emu.github.server.requests.length).toBe(requests);
    const out = JSON.parse(run.stdout);
    expect(out.dryRun).toBe(true);
    expect(out.plan.linear).toMatchObject({ team: 'SUP', state: 'Backlog', priority: 4, title: 'Dark mode' });
    expect(out.plan.github.body).toContain('TRIAGE_LINEAR_IDENTIFIER');
    expect(out.linear).toBeNull();
  });

  it('shows what was removed, with context around the placeholder and never the value', async () => {
    const email = ['nora.quinn', 'globex-mail.com'].join('@');
    const run = await runCli(
      ['new', '--config', EXAMPLE_CONFIG, '--title', 'Export fails', '--body', `Export fails for ${email} since Monday`, '--type', 'complex', '--impact', 'performance', '--customer', 'Initech', '--dry-run'],
      { env: {}, home },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/github email\s+…?.*fails for \[EMAIL_1\] since Monday/);
    expect(run.stdout + run.stderr).not.toContain(email);
  });

  it('prints the tickets as text', async () => {
    const run = await runCli(
      ['new', '--config', EXAMPLE_CONFIG, '--title', 'Slow dashboard', '--body', 'Takes 20s to load', '--type', 'complex', '--impact', 'performance', '--customer', 'Initech', '--dry-run'],
      { env: {}, home },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Linear issue (team SUP, state Backlog, priority 3)');
    expect(run.stdout).toContain('GitHub issue (acme/app)');
    expect(run.stdout).toContain('Tracked in Linear as <Linear identifier>.');
    expect(run.stdout).toContain('ETA comment on the GitHub issue');
    expect(run.stderr).toContain('Dry run: nothing was filed.');
  });
});

describe('service limits, checked before the first write', () => {
  const counts = () => ({ linear: linearIssues().length, github: githubIssues().length });

  it.each([
    ['a 10,000-character title', 't'.repeat(10_000)],
    ['a 257-character title', 'u'.repeat(257)],
  ])('%s: exit 2 naming the limit, nothing created', async (_name, title) => {
    const before = counts();
    const run = await triage(['--title', title, '--body', 'Exports time out', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', '--json']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/--title: the title is [\d,]+ characters; an issue title holds 256/);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(counts()).toEqual(before);
  });

  it('a 20 MB log in the body: both issues filed, its head and tail kept, the cut said in the issue and on stderr', async () => {
    const line = (i: number) => `2026-12-03T10:00:${String(i % 60).padStart(2, '0')}Z worker-${i % 7} processing batch ${i} ok`;
    const lines = Array.from({ length: 380_000 }, (_, i) => line(i)); // about 21 MB
    lines[0] = 'FIRST LINE: export started';
    lines[lines.length - 1] = 'LAST LINE: export failed with a timeout';
    const file = join(home, 'huge.log');
    await writeFile(file, lines.join('\n'));
    const before = counts();
    const run = await runCli(['new', '--config', EXAMPLE_CONFIG, '--title', 'Export fails on a huge workspace', '--body-file', file, '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', '--json'], { env: emu.env, home, cwd: home });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/more than an issue holds: its beginning and end are kept/);
    expect(counts()).toEqual({ linear: before.linear + 1, github: before.github + 1 });
    const out = JSON.parse(run.stdout);
    const gh = githubIssues().find((i) => i.number === out.github.number)!;
    const linear = linearIssues().find((i) => i.id === out.linear.id)!;
    for (const text of [gh.body ?? '', linear.description ?? '']) {
      expect(text.length).toBeLessThanOrEqual(65_536);
      expect(text).toContain('FIRST LINE: export started');
      expect(text).toContain('LAST LINE: export failed with a timeout');
      expect(text).toMatch(/lines\) of the report were left out here by triage/);
    }
  }, 120_000);

  it('the GitHub emulator refuses what GitHub refuses (so the check above is what saves the filing)', async () => {
    const response = await fetch(`${emu.env.GITHUB_API_URL}/repos/acme/app/issues`, {
      method: 'POST',
      headers: { authorization: `token ${emu.env.GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'ok', body: 'b'.repeat(65_537) }),
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('body is too long (maximum is 65536 characters)');
  });
});
