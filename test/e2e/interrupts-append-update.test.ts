import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EmulatorServer, RecordedRequest } from '../../src/sandbox/http/emulator-server.js';
import { demoLinearIssueId } from '../../src/sandbox/seed/demo-workspace.js';
import { useEmulators, type Emulators } from '../support/emulators.js';
import { BIN, baseEnv, runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';
import { until } from '../support/until.js';

/**
 * The two other kinds of journaled writes, stopped by every signal at every step, then `triage resume`:
 * a feature request appended to an open ticket (Linear comment, customer request, GitHub comment) and a
 * customer update posted with `triage update`. Exactly one of every object afterwards, counted from the
 * emulators, whether the held request lands after the client died or landed and its answer was lost.
 */

const CONFIG = fileURLToPath(new URL('../../.triagerc.example.json', import.meta.url));
const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';
const MODES: Array<{ signal: Signal; committed: boolean }> = [
  { signal: 'SIGINT', committed: false },
  { signal: 'SIGTERM', committed: true },
  { signal: 'SIGKILL', committed: false },
  { signal: 'SIGKILL', committed: true },
];

/** A customer not yet asking for SUP-8 in the demo workspace. */
const CUSTOMER = 'Umbrella Corp';

/** Runs `args`, holds the first request `match` picks, stops the process with `signal`, then resumes it. */
async function interruptThenResume(args: string[], hold: { server: (e: Emulators) => EmulatorServer; match: (r: RecordedRequest) => boolean }, mode: { signal: Signal; committed: boolean }): Promise<void> {
  const home = await tempHome();
  const env = { ...baseEnv(home), ...emu.env };
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let arrived = false;
  const server = hold.server(emu);
  server.injectFault({ match: hold.match, afterHandling: mode.committed, until: held, onMatch: () => (arrived = true) });
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
  try {
    await until(() => arrived, `the held request\n${stderr}`);
    child.kill(mode.signal);
    const exit = await exited;
    if (mode.signal === 'SIGKILL') expect(exit.signal).toBe('SIGKILL');
    else {
      expect(exit.code, stderr).toBe(mode.signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toMatch(/triage resume [0-9a-f-]{36}/);
    }
  } finally {
    release();
    server.clearFaults();
    child.kill('SIGKILL');
  }
  await until(() => server.inFlight === 0, 'the held request to finish');
  const filings = (await readdir(join(home, 'state', 'filings'))).filter((n) => n.endsWith('.json'));
  expect(filings).toHaveLength(1);
  const resumed = await runBin(['resume', filings[0]!.replace(/\.json$/, ''), '--json'], { env, stdin: 'devnull', timeoutMs: 60_000 });
  expect(resumed.code, resumed.stderr).toBe(0);
}

const sup8 = () => emu.linear.state.issues.find((i) => i.number === 8)!;

describe('a signal at every step of an append, then triage resume: exactly one of every object', () => {
  const STEPS = [
    { step: 'Linear comment', server: (e: Emulators) => e.linear.server, match: (r: RecordedRequest) => r.operation === 'commentCreate' },
    { step: 'GitHub comment', server: (e: Emulators) => e.github.server, match: (r: RecordedRequest) => r.method === 'POST' && /^\/repos\/acme\/app\/issues\/\d+\/comments$/.test(r.path) },
  ];
  let n = 0;
  const cases = STEPS.flatMap((s) => MODES.map((m) => [s.step, m.signal, m.committed ? 'landed, answer lost' : 'lands after the client died', s, m] as const));

  it.each(cases)('%s, %s (%s)', async (_name, _signal, _how, step, mode) => {
    n += 1;
    const marker = `append-case-${n}-${Date.now()}`;
    const umbrella = emu.linear.state.customers.find((c) => c.name === CUSTOMER)!;
    const needs = () => emu.linear.state.customerNeeds.filter((x) => x.issueId === sup8().id && x.customerId === umbrella.id).length;
    const needsBefore = needs();
    await interruptThenResume(
      ['new', '--config', CONFIG, '--title', `PDF export for dashboards (${marker})`, '--body', `They want PDFs for the board: ${marker}`, '--type', 'feature', '--impact', 'nice-to-have', '--customer', CUSTOMER, '--append-to', 'SUP-8', '--json'],
      step,
      mode,
    );
    const linearComments = emu.linear.state.comments.filter((c) => c.issueId === sup8().id && c.body.includes(marker));
    expect(linearComments, 'Linear comments').toHaveLength(1);
    const githubComments = emu.github.state.comments.filter((c) => c.repo === 'acme/app' && c.body.includes(marker));
    expect(githubComments, 'GitHub comments').toHaveLength(1);
    // Each request is recorded as one customer request (Linear keeps one per request, not per customer).
    expect(needs() - needsBefore, 'customer requests recorded').toBe(1);
  }, 120_000);
});

describe('a signal while triage update posts, then triage resume: exactly one message', () => {
  it.each(MODES.map((m) => [m.signal, m.committed ? 'landed, answer lost' : 'lands after the client died', m] as const))('%s (%s)', async (_signal, _how, mode) => {
    const issue = emu.linear.state.issues.find((i) => i.id === demoLinearIssueId(1043))!;
    const ticket = emu.pylon!.state.issues.find((i) => i.number === 1043)!;
    const notes = () => emu.pylon!.state.messages.filter((m) => m.issue_id === ticket.id && m.message_html.includes('triage-update:')).length;
    const before = notes();
    // A change since the last update, so this run's update is a new one.
    issue.priority = issue.priority === 1 ? 2 : 1;
    await interruptThenResume(['update', `SUP-${issue.number}`, '--note', '--config', CONFIG, '--json'], { server: (e) => e.pylon!.server, match: (r) => r.method === 'POST' && /\/note$/.test(r.path) }, mode);
    expect(notes(), 'notes on the ticket').toBe(before + 1);
  }, 120_000);
});
