import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { BIN, baseEnv, runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';
import { until } from '../support/until.js';

const CONFIG = fileURLToPath(new URL('../../.triagerc.example.json', import.meta.url));

const emu = useEmulators();

it('a filing killed between steps is finished by triage resume, with nothing duplicated', async () => {
  const home = await tempHome();
  const title = 'Killed between steps';
  // Hold the GitHub create long enough to kill the process after Linear has answered.
  emu.github.server.injectFault({ delayMs: 10_000, match: (r) => r.method === 'POST' && /\/issues$/.test(r.path), status: 503 });
  const env = { ...baseEnv(home), ...emu.env };
  const child = spawn(process.execPath, [BIN, 'new', '--config', CONFIG, '--title', title, '--body', 'Times out', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  try {
    await until(() => emu.linear.state.issues.some((i) => i.title === title) && emu.github.server.requests.some((r) => r.method === 'POST' && /\/issues$/.test(r.path)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  } finally {
    emu.github.server.clearFaults();
  }

  const filings = (await readdir(join(home, 'state', 'filings'))).filter((n) => n.endsWith('.json'));
  expect(filings).toHaveLength(1);
  const id = filings[0]!.replace(/\.json$/, '');

  const listed = await runBin(['resume'], { env, stdin: 'devnull' });
  expect(listed.code, listed.stderr).toBe(0);
  expect(listed.stdout).toContain(id);
  expect(listed.stdout).toMatch(/pending: GitHub issue/);

  const resumed = await runBin(['resume', id.slice(0, 8)], { env, stdin: 'devnull' });
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(resumed.stdout).toMatch(/GitHub: http\S+\/issues\/\d+/);

  const linear = emu.linear.state.issues.filter((i) => i.title === title);
  const github = (emu.github.state.issues['acme/app'] ?? []).filter((i) => i.title === title);
  expect(linear).toHaveLength(1);
  expect(github).toHaveLength(1);
  expect(emu.linear.state.attachments.filter((a) => a.issueId === linear[0]!.id)).toHaveLength(1);
  expect(emu.github.state.comments.filter((c) => c.repo === 'acme/app' && c.issue_number === github[0]!.number)).toHaveLength(1);

  const again = await runBin(['resume'], { env, stdin: 'devnull' });
  expect(again.stderr).toContain('No unfinished filings.');
});

it('TRIAGE_HTTP_TIMEOUT bounds every request: a GitHub create that never answers is looked for, then made once', async () => {
  const home = await tempHome();
  const title = 'GitHub never answers';
  emu.github.server.injectFault({ hang: true, match: (r) => r.method === 'POST' && /\/issues$/.test(r.path), times: 1 });
  const env = { ...baseEnv(home), ...emu.env, TRIAGE_HTTP_TIMEOUT: '1s' };
  const run = await runBin(['new', '--debug', '--config', CONFIG, '--title', title, '--body', 'Times out', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation'], { env, stdin: 'devnull', timeoutMs: 60_000 });
  emu.github.server.clearFaults();
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(/no answer within 1s/);
  expect((emu.github.state.issues['acme/app'] ?? []).filter((i) => i.title === title)).toHaveLength(1);
  expect(emu.linear.state.issues.filter((i) => i.title === title)).toHaveLength(1);
}, 120_000);

it('a TRIAGE_HTTP_TIMEOUT that is not a duration is exit 2 naming it, before anything is sent', async () => {
  const home = await tempHome();
  const before = emu.linear.server.requests.length;
  const run = await runBin(['new', '--config', CONFIG, '--title', 't', '--body', 'b', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation'], { env: { ...baseEnv(home), ...emu.env, TRIAGE_HTTP_TIMEOUT: 'soon' }, stdin: 'devnull' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('TRIAGE_HTTP_TIMEOUT="soon" is not a request timeout');
  expect(emu.linear.server.requests.length).toBe(before);
});
