import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { KEY, PtySession } from '../support/pty.js';
import { baseEnv } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';
import { fakeToken } from '../support/tokens.js';

/** `--no-page` in a terminal: the wizard asks why on-call is not paged, and the answer is what Linear records. */

const CONFIG = fileURLToPath(new URL('../../.triagerc.example.json', import.meta.url));
const WAIT_MS = 30_000; // a loaded 2-core machine draws prompts slowly; nothing here measures time
const emu = useEmulators();
let home: string;

beforeEach(async () => {
  home = await tempHome();
});

function urgentWithoutPage(title: string): PtySession {
  const env = { ...baseEnv(home), ...emu.env, TERM: 'xterm-256color' };
  const args = ['new', '--config', CONFIG, '--title', title, '--body', 'Checkout is down for every customer', '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Globex Corporation', '--no-page', '--yes'];
  return new PtySession(args, { env, cwd: home });
}

const PROMPT = 'Why is on-call not being paged for this Urgent issue?';

describe('--no-page in the wizard', () => {
  it('asks for the reason; it is recorded on the Linear issue, redacted, and nobody is paged', async () => {
    const title = 'Outage, on-call already on the bridge';
    const secret = fakeToken('ghp_', 18);
    const s = urgentWithoutPage(title);
    await s.expect(PROMPT, WAIT_MS);
    s.line(`on the bridge with jane.doe@globex.com already, bot ${secret}`);
    await s.expect(/Linear: http\S+/, WAIT_MS);
    expect(await s.exit(WAIT_MS)).toBe(0);
    expect(s.text).toMatch(/NOT paged/);

    const issue = emu.linear.state.issues.find((i) => i.title === title)!;
    const comments = emu.linear.state.comments.filter((c) => c.issueId === issue.id);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('on the bridge');
    expect(comments[0]!.body).not.toContain(secret);
    const dedupKeys = emu.pagerduty.state.incidents.map((i) => i.dedupKey);
    expect(emu.pagerduty.state.incidents.filter((i) => i.summary.includes('bridge'))).toEqual([]);
    expect(emu.slack.state.messages.filter((m) => dedupKeys.some((k) => m.text.includes(k)) && m.text.includes('bridge'))).toEqual([]);
  }, 90_000);

  it('an empty answer records the default reason', async () => {
    const title = 'Outage, reason left empty';
    const s = urgentWithoutPage(title);
    await s.expect(PROMPT, WAIT_MS);
    s.write(KEY.enter);
    await s.expect(/Linear: http\S+/, WAIT_MS);
    expect(await s.exit(WAIT_MS)).toBe(0);
    const issue = emu.linear.state.issues.find((i) => i.title === title)!;
    const comments = emu.linear.state.comments.filter((c) => c.issueId === issue.id);
    expect(comments.map((c) => c.body).join('\n')).toMatch(/no reason given/);
  }, 90_000);

  it('Ctrl-C at the question files nothing and says so (130)', async () => {
    const title = 'Outage, interrupted at the reason';
    const s = urgentWithoutPage(title);
    await s.expect(PROMPT, WAIT_MS);
    s.write(KEY.ctrlC);
    expect(await s.exit(WAIT_MS)).toBe(130);
    expect(s.text).toMatch(/[Nn]othing (was )?filed/);
    expect(emu.linear.state.issues.filter((i) => i.title === title)).toEqual([]);
  }, 90_000);
});
