import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { KEY, PtySession } from '../support/pty.js';
import { baseEnv } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(ROOT, '.triagerc.example.json');

const emu = useEmulators();
let home: string;

beforeEach(async () => {
  home = await tempHome();
});

function wizard(args: string[] = []): PtySession {
  const env = { ...baseEnv(home), ...emu.env, TERM: 'xterm-256color' };
  delete (env as Record<string, string | undefined>).NO_COLOR;
  return new PtySession(['new', '--config', CONFIG, ...args], { env, cwd: home });
}

const issueTitled = (title: string) => emu.linear.state.issues.find((i) => i.title === title);
const githubTitled = (title: string) => (emu.github.state.issues['acme/app'] ?? []).find((i) => i.title === title);
const stateOf = (id: string) => emu.linear.state.workflowStates.find((s) => s.id === id)?.name;

/** Answers the customer questions: name, domains, no contacts. */
async function answerCustomer(s: PtySession, name = 'Globex Corporation', domains = 'globex.com'): Promise<void> {
  await s.expect('Customer (company name)');
  s.line(name);
  await s.expect("Customer's domains");
  s.line(domains);
  await s.expect('Contacts');
  s.line('');
}

/** Picks the n-th choice (0-based) of a select prompt. */
async function pick(s: PtySession, prompt: string, index: number): Promise<void> {
  await s.expect(prompt);
  s.write(KEY.down.repeat(index));
  s.write(KEY.enter);
}

async function describeReport(s: PtySession, lines: string[]): Promise<void> {
  await s.expect("The customer's report");
  for (const line of lines) {
    s.line(line);
    await new Promise((r) => setTimeout(r, 50));
  }
  s.line('');
}

describe('the triage new wizard in a terminal', () => {
  it('files a complex issue: rubric questions, review, then both issues', async () => {
    const s = wizard();
    await answerCustomer(s);
    await pick(s, 'What kind of request is it?', 1);
    await pick(s, 'Which best describes the impact?', 3); // core-broken
    await s.expect('High (P1), Prioritized');
    await s.expect('Keep this priority?');
    s.line('');
    await s.expect('Title');
    s.line('Wizard export times out');
    await describeReport(s, ['Exports time out after 30s at globex.com', 'Started on Monday']);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    await s.expect(/Linear: http\S+/);
    expect(await s.exit()).toBe(0);

    const issue = issueTitled('Wizard export times out')!;
    expect(issue.priority).toBe(2);
    expect(stateOf(issue.stateId)).toBe('Todo');
    const gh = githubTitled('Wizard export times out')!;
    expect(gh.body).not.toContain('globex.com');
    expect(emu.github.state.comments.filter((c) => c.issue_number === gh.number)).toHaveLength(1);
  });

  it('files a quick fix assigned to the engineer and shows the branch', async () => {
    const s = wizard();
    await answerCustomer(s, 'Initech', '');
    await pick(s, 'What kind of request is it?', 0);
    await pick(s, 'Which best describes the impact?', 10); // polish
    await s.expect('Keep this priority?');
    s.line('');
    await s.expect('Title');
    s.line('Wizard typo on invoice page');
    await describeReport(s, ['Says recieve']);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    await s.expect(/Open your PR from branch: sam\/sup-\d+-wizard-typo-on-invoice-page/);
    expect(await s.exit()).toBe(0);
    const issue = issueTitled('Wizard typo on invoice page')!;
    expect(emu.linear.state.users.find((u) => u.id === issue.assigneeId)?.email).toBe('sam@acme.example');
  });

  it('files a feature in the Backlog', async () => {
    const s = wizard();
    await answerCustomer(s, 'Initech', '');
    await pick(s, 'What kind of request is it?', 2);
    await pick(s, 'Which best describes the impact?', 4); // ops-essential: High, but a feature
    await s.expect('High (P1), Backlog');
    await s.expect('Keep this priority?');
    s.line('');
    await s.expect('Title');
    s.line('Wizard SAML for admins');
    await describeReport(s, ['Needed for their audit']);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    await s.expect('Feature request filed in the Backlog');
    expect(await s.exit()).toBe(0);
    expect(stateOf(issueTitled('Wizard SAML for admins')!.stateId)).toBe('Backlog');
  });

  it('overrides the priority with a reason', async () => {
    const s = wizard(['--customer', 'Initech', '--type', 'complex']);
    await pick(s, 'Which best describes the impact?', 10); // polish → Low
    await s.expect('Keep this priority?');
    s.line('n');
    await s.expect('Priority');
    s.write(KEY.up.repeat(2)); // Low → High
    s.write(KEY.enter);
    await s.expect('instead of the rubric');
    s.line('Renewal at risk this week');
    await s.expect('Title');
    s.line('Wizard override colours');
    await describeReport(s, ['Chart colours are wrong']);
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    expect(await s.exit()).toBe(0);
    const issue = issueTitled('Wizard override colours')!;
    expect(issue.priority).toBe(2);
    expect(issue.description).toContain('Renewal at risk this week');
    expect(issue.description).toContain('set by hand');
  });

  it('edits a field from the review, then files', async () => {
    const s = wizard(['--customer', 'Initech', '--type', 'complex', '--impact', 'performance']);
    await s.expect('Title');
    s.line('Wizard first title');
    await describeReport(s, ['Dashboard takes 20s']);
    await pick(s, 'Ready to file?', 2); // Edit or change something…
    await pick(s, 'What do you want to change?', 0); // the title
    await s.expect('Title');
    s.write(KEY.backspace.repeat(40));
    s.line('Wizard edited title');
    await s.expect('Ready to file?');
    s.write(KEY.enter);
    expect(await s.exit()).toBe(0);
    expect(issueTitled('Wizard edited title')).toBeDefined();
    expect(issueTitled('Wizard first title')).toBeUndefined();
  });

  it('Ctrl-C at the first question files nothing and says so', async () => {
    const s = wizard();
    await s.expect('Customer (company name)');
    s.write(KEY.ctrlC);
    await s.expect('Cancelled: nothing was filed');
    expect(await s.exit()).toBe(130);
  });

  it('Ctrl-C files nothing, saves the draft, and --recover restores it', async () => {
    const before = emu.linear.state.issues.length;
    const s = wizard(['--customer', 'Initech', '--type', 'complex', '--impact', 'performance']);
    await s.expect('Title');
    s.line('Wizard recovered report');
    await describeReport(s, ['Reports page is slow since the upgrade']);
    await s.expect('Ready to file?');
    s.write(KEY.ctrlC);
    await s.expect('Cancelled: nothing was filed');
    await s.expect(/Recover it with:\s+triage new --recover (\S+)/);
    expect(await s.exit()).toBe(130);
    expect(emu.linear.state.issues.length).toBe(before);

    const drafts = await readdir(join(home, 'state', 'drafts'));
    expect(drafts).toHaveLength(1);
    const r = wizard(['--recover', join(home, 'state', 'drafts', drafts[0]!)]);
    await r.expect('Reports page is slow since the upgrade');
    await r.expect('Ready to file?');
    r.write(KEY.enter);
    expect(await r.exit()).toBe(0);
    expect(issueTitled('Wizard recovered report')!.description).toContain('Reports page is slow since the upgrade');
  });
});
