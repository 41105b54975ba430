import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { KEY, PtySession } from '../support/pty.js';
import { baseEnv } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(ROOT, '.triagerc.example.json');

const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });
let home: string;

beforeEach(async () => {
  home = await tempHome();
});

function wizard(args: string[]): PtySession {
  const env = { ...baseEnv(home), ...emu.env, TERM: 'xterm-256color' };
  delete (env as Record<string, string | undefined>).NO_COLOR;
  return new PtySession(['new', '--config', CONFIG, ...args], { env, cwd: home });
}

const sup = (n: number) => emu.linear.state.issues.find((i) => i.number === n)!;
const commentsOn = (n: number) => emu.linear.state.comments.filter((c) => c.issueId === sup(n).id);
const ticket = (n: number) => emu.pylon!.state.issues.find((i) => i.number === n)!;
const updatesOn = (n: number) => emu.pylon!.state.messages.filter((m) => m.issue_id === ticket(n).id && m.message_html.includes('triage-update:'));

async function describeReport(s: PtySession, text: string): Promise<void> {
  await s.expect("The customer's report");
  s.line(text);
  await new Promise((r) => setTimeout(r, 50));
  s.line('');
}

const FEATURE = ['--customer', 'Initech', '--customer-domain', 'initech.com', '--type', 'feature', '--impact', 'nice-to-have'];

describe('the wizard after the ticket: similar features and the customer update', () => {
  it('offers to append a feature request to a similar open ticket', async () => {
    const issues = emu.linear.state.issues.length;
    const comments = commentsOn(8).length;
    const s = wizard(FEATURE);
    await s.expect('Title');
    s.line('Export dashboards as PDF files');
    await describeReport(s, 'They want dashboards as PDF files for board meetings');
    await s.expect('Similar open ticket found:');
    await s.expect('Append this request to an existing ticket, or open a new one?');
    await s.expect('Append to SUP-8: Export dashboards to PDF');
    await s.expect('Open a new ticket');
    s.write(KEY.enter); // the strong match is the default
    await s.expect('Append to SUP-8: Export dashboards to PDF');
    await s.expect('a comment on both issues');
    await s.expect('Ready to append?');
    s.write(KEY.enter);
    await s.expect('Appended to Linear SUP-8 (Backlog): no new ticket');
    await s.expect(/Linear: http\S+SUP-8/);
    expect(await s.exit()).toBe(0);
    expect(emu.linear.state.issues.length).toBe(issues);
    expect(commentsOn(8).length).toBe(comments + 1);
  });

  it('or opens a new ticket when asked to', async () => {
    const s = wizard(FEATURE);
    await s.expect('Title');
    s.line('Export dashboards to PDF in colour');
    await describeReport(s, 'Colour PDF export of dashboards');
    await s.expect('Append this request to an existing ticket, or open a new one?');
    await s.expect('Open a new ticket');
    s.write(KEY.down.repeat(5));
    s.write(KEY.enter);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    await s.expect('Feature request filed in the Backlog');
    expect(await s.exit()).toBe(0);
    expect(emu.linear.state.issues.some((i) => i.title === 'Export dashboards to PDF in colour')).toBe(true);
  });

  it('asks before posting the customer update on the Pylon ticket, and posts one reply when told to', async () => {
    const s = wizard(['--pylon', '1048', '--type', 'complex', '--impact', 'core-broken']);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    await s.expect('Customer update (draft, redacted)');
    await s.expect('Post this update on Pylon ticket #1048?');
    expect(updatesOn(1048)).toHaveLength(0);
    s.write(KEY.up.repeat(2)); // from "Don't post it" (the default) to "Post it as a reply"
    s.write(KEY.enter);
    await s.expect('Customer update posted as a reply on Pylon ticket #1048');
    expect(await s.exit()).toBe(0);
    expect(updatesOn(1048)).toHaveLength(1);
    expect(updatesOn(1048)[0]!.is_private).toBe(false);
  });

  it('posts nothing when the answer is no', async () => {
    const s = wizard(['--pylon', '1050', '--new', '--type', 'complex', '--impact', 'performance', '--no-github']);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    await s.expect('Post this update on Pylon ticket #1050?');
    s.write(KEY.enter);
    expect(await s.exit()).toBe(0);
    expect(updatesOn(1050)).toHaveLength(0);
  });

  it('Ctrl-C at that question posts nothing and is not a cancelled filing', async () => {
    const s = wizard(['--pylon', '1051', '--type', 'complex', '--impact', 'performance', '--no-github']);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    await s.expect('Post this update on Pylon ticket #1051?');
    s.write(KEY.ctrlC);
    await s.expect('Not posted.');
    expect(await s.exit()).toBe(0);
    expect(updatesOn(1051)).toHaveLength(0);
  });
});

describe('the wizard on a Pylon ticket that is already linked', () => {
  const pairs = () => emu.linear.state.issues.length + (emu.github.state.issues['acme/app'] ?? []).length;

  it('shows the links and cancels on request: nothing filed', async () => {
    const before = pairs();
    const s = wizard(['--pylon', '1042', '--type', 'complex', '--impact', 'core-broken']);
    await s.expect('Pylon ticket #1042 is already linked', 30_000);
    await s.expect(/Linear\s+SUP-\d+/);
    await s.expect('What would you like to do?');
    s.write(KEY.up.repeat(5)); // to the top, then down to "Cancel", the last choice
    s.write(KEY.down.repeat(5));
    s.write(KEY.enter);
    expect(await s.exit(30_000)).toBe(130);
    expect(s.text).toContain('nothing was filed');
    expect(pairs()).toBe(before);
  }, 90_000);

  it('or files a new pair when asked to', async () => {
    const before = emu.linear.state.issues.length;
    const s = wizard(['--pylon', '1042', '--type', 'complex', '--impact', 'core-broken']);
    await s.expect('What would you like to do?', 30_000);
    s.write(KEY.down); // "File a new Linear and GitHub pair anyway"
    s.write(KEY.enter);
    await s.expect('Ready to file?', 30_000);
    s.write(KEY.enter);
    await s.expect('Post this update on Pylon ticket #1042?', 30_000);
    s.write(KEY.enter);
    expect(await s.exit(30_000)).toBe(0);
    expect(emu.linear.state.issues.length).toBe(before + 1);
  }, 90_000);

  it('or drafts the customer update on the linked issue instead (triage update)', async () => {
    const before = pairs();
    const s = wizard(['--pylon', '1042', '--type', 'complex', '--impact', 'core-broken']);
    await s.expect('What would you like to do?', 30_000);
    s.write(KEY.enter); // "Update the customer on SUP-…", the default
    // triage update's own answer: where the issue stands, the draft, and how to post it.
    await s.expect(/SUP-\d+ · [^\n]+ · /, 30_000);
    await s.expect('Not posted. Post it on Pylon ticket', 30_000);
    expect(await s.exit(30_000)).toBe(0);
    expect(pairs()).toBe(before);
  }, 90_000);
});
