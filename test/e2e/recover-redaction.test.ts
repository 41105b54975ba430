import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { KEY, PtySession } from '../support/pty.js';
import { baseEnv, runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';
import { fakeToken } from '../support/tokens.js';

/**
 * A draft saved by a cancelled wizard and picked up with --recover redacts exactly as the original run would
 * have: the customer's domains, contacts and terms travel with it, so the contact's name does not reach GitHub.
 */

const WAIT_MS = 30_000;
const CONTEXT = ['--customer', 'Globex Corporation', '--customer-domain', 'globex.com', '--contact', 'Jane Doe', '--contact', 'Sam Okafor', '--term', 'Project Falcon'];
const WHAT = ['--type', 'complex', '--impact', 'performance'];

interface DryRun {
  plan: { linear: { title: string; description: string }; github: { title: string; body: string } };
}

/**
 * What is filed: the filing id differs between runs, nothing else may. (The counts of what was removed do
 * differ: the draft on disk is already redacted with the Linear policy, so a recovered run finds less to take.)
 */
function comparable(run: DryRun) {
  const strip = (text: string) => text.replace(/<!-- triage-filing:[0-9a-f-]+ -->/, '<!-- triage-filing -->');
  return {
    linear: { title: run.plan.linear.title, description: strip(run.plan.linear.description) },
    github: { title: run.plan.github.title, body: strip(run.plan.github.body) },
  };
}

it('a recovered draft produces byte-identical redaction to the original run', async () => {
  const home = await tempHome();
  const env = { ...baseEnv(home), TERM: 'xterm-256color' };
  const secret = fakeToken('ghp_', 18);
  const title = 'Project Falcon exports slow for Jane Doe';
  const lines = [
    'Jane Doe (jane.doe@globex.com) and Sam Okafor say Project Falcon exports take minutes.',
    `They pasted the key ${secret} and their admin sarah.lee@globex.com asked for an update.`,
    'Call Sam on +1 415 555 0134.',
  ];

  const s = new PtySession(['new', '--sandbox', ...CONTEXT, ...WHAT], { env, cwd: home });
  await s.expect('Title', WAIT_MS);
  s.line(title);
  await s.expect("The customer's report", WAIT_MS);
  for (const line of lines) {
    s.line(line);
    await new Promise((r) => setTimeout(r, 50));
  }
  s.line('');
  await s.expect('Ready to file?', WAIT_MS);
  s.write(KEY.ctrlC);
  await s.expect(/Recover it with:\s+triage new --recover (\S+)/, WAIT_MS);
  expect(await s.exit(WAIT_MS)).toBe(130);
  const drafts = await readdir(join(home, 'state', 'drafts'));
  expect(drafts).toHaveLength(1);
  const draft = join(home, 'state', 'drafts', drafts[0]!);

  const original = await runBin(['new', '--sandbox', '--dry-run', '--json', '--title', title, '--body', lines.join('\n'), ...CONTEXT, ...WHAT], { env: baseEnv(home), stdin: 'devnull' });
  expect(original.code, original.stderr).toBe(0);
  const recovered = await runBin(['new', '--sandbox', '--dry-run', '--json', '--recover', draft], { env: baseEnv(home), stdin: 'devnull' });
  expect(recovered.code, recovered.stderr).toBe(0);

  const before = comparable(JSON.parse(original.stdout) as DryRun);
  const after = comparable(JSON.parse(recovered.stdout) as DryRun);
  expect(after).toEqual(before);
  // And what that means: nothing of the customer's identity or secrets reaches GitHub from the draft either.
  for (const value of ['Jane Doe', 'Sam Okafor', 'Project Falcon', 'globex.com', 'Globex', secret, '555 0134']) {
    expect(after.github.title + after.github.body, value).not.toContain(value);
  }
}, 120_000);
