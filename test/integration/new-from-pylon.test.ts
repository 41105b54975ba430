import { describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { demoPylonTicketUrl } from '../../src/sandbox/seed/demo-workspace.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;

const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

const pylon = () => emu.pylon!;
const ticket = (n: number) => pylon().state.issues.find((i) => i.number === n)!;
const linearIssue = (id: string) => emu.linear.state.issues.find((i) => i.id === id)!;

async function file(args: string[], overrides = {}) {
  const home = await tempHome();
  const run = await runCli(['new', '--config', CONFIG, '--json', ...args], { env: emu.env, home, overrides });
  return { ...run, home };
}

describe('triage new --pylon', () => {
  it('prefills from the ticket, links back both ways, and updates Pylon to the rubric', async () => {
    expect(ticket(1048).custom_fields.priority?.value).toBe('medium');
    const run = await file(['--pylon', '1048', '--type', 'complex', '--impact', 'core-broken']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const issue = linearIssue(out.linear.id);

    // Prefilled: the ticket's title, its HTML report as text, the account as customer.
    expect(issue.title).toBe('Scheduled reports arrive an hour late after DST');
    expect(issue.description).toContain('Initech');
    expect(issue.description).not.toMatch(/<\/?p>/);

    // The rubric stood (High) and Pylon now agrees.
    expect(issue.priority).toBe(2);
    expect(ticket(1048).custom_fields.priority?.value).toBe('high');
    expect(out.pylon).toMatchObject({ number: 1048, priority: 'high', priorityUpdated: true, linked: true });

    // Pylon links both issues; Linear links the ticket and remembers the agreed priority for sync.
    const external = ticket(1048).external_issues.map((e) => `${e.source}:${e.external_id}`);
    expect(external).toEqual(expect.arrayContaining([`linear:${out.linear.id}`, `github:acme/app/${out.github.number}`]));
    const attachment = emu.linear.state.attachments.find((a) => a.issueId === out.linear.id && a.url === demoPylonTicketUrl(1048))!;
    expect(attachment.metadata).toMatchObject({ triage: { lastAgreedPriority: 'high' } });

    // The requester and the account never reach GitHub.
    const gh = emu.github.state.issues['acme/app']!.find((i) => i.number === out.github.number)!;
    expect(gh.body).not.toMatch(/initech/i);
  });

  it("--priority-source pylon keeps the ticket's priority and says so in the ticket", async () => {
    const updates = () => pylon().server.count((r) => r.operation === 'pylon.issues.update');
    const before = updates();
    const run = await file(['--pylon', '1050', '--new', '--type', 'complex', '--impact', 'polish', '--priority-source', 'pylon', '--no-github']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const issue = linearIssue(out.linear.id);
    expect(issue.priority).toBe(2);
    expect(issue.description).toContain('matches the priority of Pylon ticket #1050 (High (P1))');
    expect(out.pylon.priorityUpdated).toBe(false);
    expect(updates()).toBe(before);
  });

  it('sets the priority on a ticket that had none', async () => {
    const run = await file(['--pylon', '1051', '--type', 'feature', '--impact', 'nice-to-have', '--no-github']);
    expect(run.code, run.stderr).toBe(0);
    expect(ticket(1051).custom_fields.priority?.value).toBe('low');
  });

  it('a Pylon step that fails is resumed like the others, without duplicates', async () => {
    pylon().server.injectFault({ status: 503, match: (r) => r.operation === 'pylon.issues.linkExternal', times: 10 });
    const first = await file(['--pylon', '1049', '--type', 'feature', '--impact', 'polish'], { timeoutMs: 800, sleep: async () => {} });
    pylon().server.clearFaults();
    expect(first.code, first.stderr).toBe(3);
    expect(first.stderr).toContain('pending  link from the Pylon ticket to the new issues');
    const id = /triage resume (\S+)/.exec(first.stderr)![1]!;
    const second = await runCli(['resume', id, '--json'], { env: emu.env, home: first.home });
    expect(second.code, second.stderr).toBe(0);
    const links = ticket(1049).external_issues.filter((e) => e.source === 'linear');
    expect(links).toHaveLength(1);
    expect(emu.linear.state.issues.filter((i) => i.title === 'Dark mode for the reporting pages')).toHaveLength(1);
  });

  it('an unknown ticket is a clear error and files nothing', async () => {
    const before = emu.linear.state.issues.length;
    const run = await file(['--pylon', '99999', '--type', 'complex', '--impact', 'polish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--pylon 99999: Pylon has no ticket with that number or id');
    expect(run.stderr).not.toContain('request_id');
    expect(emu.linear.state.issues.length).toBe(before);
  });
});

describe('a Pylon ticket that is already linked', () => {
  const counts = () => ({
    linear: emu.linear.state.issues.length,
    github: (emu.github.state.issues['acme/app'] ?? []).length,
    attachments: emu.linear.state.attachments.length,
  });

  // 1041 is linked to a Linear issue by triage; 1050 only to a GitHub issue (Pylon's own integration).
  for (const [number, linkedTo] of [[1041, 'Linear'], [1050, 'GitHub']] as const) {
    it(`#${number} (linked to ${linkedTo}): a script stops with exit 2, names the links and --new, and files nothing`, async () => {
      const before = counts();
      const externals = ticket(number).external_issues.length;
      const run = await file(['--pylon', String(number), '--type', 'complex', '--impact', 'core-broken']);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`Pylon ticket #${number} is already linked; nothing was filed`);
      expect(run.stderr).toContain(linkedTo);
      expect(run.stderr).toContain('--new');
      if (linkedTo === 'Linear') expect(run.stderr).toMatch(/triage update SUP-\d+/);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'already-linked' } });
      expect(counts()).toEqual(before);
      expect(ticket(number).external_issues).toHaveLength(externals);
    });
  }

  it('a dry run stops the same way (it would file nothing)', async () => {
    const run = await file(['--pylon', '1041', '--type', 'complex', '--impact', 'core-broken', '--dry-run']);
    expect(run.code).toBe(2);
  });

  it('--new files a second pair, knowingly, for any type', async () => {
    const before = counts();
    const run = await file(['--pylon', '1041', '--new', '--type', 'complex', '--impact', 'core-broken']);
    expect(run.code, run.stderr).toBe(0);
    expect(counts().linear).toBe(before.linear + 1);
    expect(counts().github).toBe(before.github + 1);
  });

  it('a feature request is pointed at --append-to', async () => {
    const run = await file(['--pylon', '1041', '--type', 'feature', '--impact', 'nice-to-have']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--append-to SUP-\d+/);
  });
});

describe('a hostile Pylon ticket', () => {
  const ESC = String.fromCharCode(0x1b);
  const BEL = String.fromCharCode(0x07);

  it('cannot clear, retitle or rewrite the terminal: controls are shown and filed as visible symbols', async () => {
    const t = ticket(1051);
    const saved = { title: t.title, body_html: t.body_html };
    t.title = `Retention question${ESC}]0;owned${BEL}`;
    t.body_html = `<p>Hello${ESC}[2J${ESC}[H</p><p>Total: 100\rTotal: 999 \u202eevil\u202c</p>`;
    try {
      const dry = await file(['--pylon', '1051', '--new', '--type', 'complex', '--impact', 'minor', '--no-github', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      // NO_COLOR is set in tests: not one escape character reaches the terminal.
      expect(dry.stdout + dry.stderr).not.toContain(ESC);
      expect(dry.stdout + dry.stderr).not.toContain(BEL);
      expect(dry.stderr).toContain('terminal control characters');

      const run = await file(['--pylon', '1051', '--new', '--type', 'complex', '--impact', 'minor', '--no-github']);
      expect(run.code, run.stderr).toBe(0);
      const issue = linearIssue(JSON.parse(run.stdout).linear.id);
      expect(issue.title).not.toContain(ESC);
      expect(issue.description).toContain('␛[2J');
      expect(issue.description).not.toContain(ESC);
      expect(issue.description).not.toContain('\u202e');
      expect(issue.description).not.toMatch(/\r/);
    } finally {
      Object.assign(t, saved);
    }
  });

  it('a binary --body-file is refused before anything is read from a service', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const home = await tempHome();
    const png = join(home, 'screenshot.png');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const before = emu.linear.state.issues.length;
    const run = await runCli(['new', '--config', CONFIG, '--title', 't', '--body-file', png, '--type', 'complex', '--impact', 'minor', '--customer', 'Initech'], { env: emu.env, home, cwd: home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--body-file ${png}: the file holds NUL bytes: it looks like a binary file, not text; nothing was filed`);
    expect(emu.linear.state.issues.length).toBe(before);
  });
});
