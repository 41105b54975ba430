import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EmulatorServer, RecordedRequest } from '../../src/sandbox/http/emulator-server.js';
import { useEmulators } from '../support/emulators.js';
import { BIN, baseEnv, runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';
import { until } from '../support/until.js';

const CONFIG = fileURLToPath(new URL('../../.triagerc.example.json', import.meta.url));
const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';
type Service = 'linear' | 'github' | 'pylon';

/** The write each step of a filing from a Pylon ticket sends (with --note), in order. */
const STEPS: Array<{ step: string; service: Service; match: (r: RecordedRequest) => boolean }> = [
  { step: 'Linear issue', service: 'linear', match: (r) => r.operation === 'issueCreate' },
  { step: 'GitHub issue', service: 'github', match: (r) => r.method === 'POST' && /^\/repos\/acme\/app\/issues$/.test(r.path) },
  { step: 'Linear → GitHub link', service: 'linear', match: (r) => r.operation === 'attachmentCreate' && r.rawBody.includes('GitHub ') },
  { step: 'ETA comment', service: 'github', match: (r) => r.method === 'POST' && /\/issues\/\d+\/comments$/.test(r.path) },
  { step: 'Pylon priority', service: 'pylon', match: (r) => r.method === 'PATCH' && /^\/issues\/[^/]+$/.test(r.path) },
  { step: 'Pylon link-back', service: 'pylon', match: (r) => r.method === 'POST' && /\/external-issues$/.test(r.path) },
  { step: 'Linear → Pylon link', service: 'linear', match: (r) => r.operation === 'attachmentCreate' && r.rawBody.includes('Pylon #') },
  { step: 'customer update note', service: 'pylon', match: (r) => r.method === 'POST' && /\/note$/.test(r.path) },
];

/**
 * Each signal meets each step in the two ways a client can die mid-request: the write is held before the service
 * handles it (it lands after the client is gone), or it was handled and the answer is held (it landed, the answer
 * was lost). SIGINT and SIGKILL take the first, SIGTERM the second (three processes per step keep the file short).
 */
const MODES: Array<{ signal: Signal; committed: boolean }> = [
  { signal: 'SIGINT', committed: false },
  { signal: 'SIGTERM', committed: true },
  { signal: 'SIGKILL', committed: false },
];

let nextTicket = 7000;

/** A fresh, unlinked Pylon ticket for each case, medium in Pylon (the rubric says high: the priority step runs). */
function newTicket(): { number: number; id: string; title: string } {
  const base = emu.pylon!.state.issues.find((i) => i.number === 1048)!;
  const number = nextTicket++;
  const title = `Interrupted filing ${number}: exports stall at 99%`;
  const id = randomUUID();
  emu.pylon!.state.issues.push({ ...structuredClone(base), id, number, title, body_html: `<p>${title}.</p>`, external_issues: [] });
  return { number, id, title };
}

function server(service: Service): EmulatorServer {
  return emu[service]!.server;
}

function expectExactlyOne(ticket: { id: string; title: string }): void {
  const linear = emu.linear.state.issues.filter((i) => i.title === ticket.title);
  expect(linear, 'Linear issues').toHaveLength(1);
  const github = (emu.github.state.issues['acme/app'] ?? []).filter((i) => i.title === ticket.title);
  expect(github, 'GitHub issues').toHaveLength(1);
  const attachments = emu.linear.state.attachments.filter((a) => a.issueId === linear[0]!.id);
  expect(attachments, 'Linear attachments (GitHub and Pylon)').toHaveLength(2);
  expect(new Set(attachments.map((a) => a.url)).size).toBe(2);
  const comments = emu.github.state.comments.filter((c) => c.repo === 'acme/app' && c.issue_number === github[0]!.number);
  expect(comments, 'ETA comments').toHaveLength(1);
  const pylon = emu.pylon!.state.issues.find((i) => i.id === ticket.id)!;
  expect(pylon.external_issues.filter((l) => l.source === 'linear'), 'Pylon links to Linear').toHaveLength(1);
  expect(pylon.external_issues.filter((l) => l.source === 'github'), 'Pylon links to GitHub').toHaveLength(1);
  const notes = emu.pylon!.state.messages.filter((m) => m.issue_id === ticket.id && m.message_html.includes('triage-update:'));
  expect(notes, 'customer update notes').toHaveLength(1);
}

describe('a signal at every step of a filing, then triage resume: exactly one of every object', () => {
  const cases = STEPS.flatMap((s, index) => MODES.map((m) => [s.step, m.signal, m.committed ? 'landed, answer lost' : 'lands after the client died', index, m] as const));

  it.each(cases)('%s, %s (%s)', async (_name, signal, _how, index, mode) => {
    const home = await tempHome();
    const env = { ...baseEnv(home), ...emu.env };
    const ticket = newTicket();
    const step = STEPS[index]!;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let arrived = false;
    server(step.service).injectFault({ match: step.match, afterHandling: mode.committed, until: held, onMatch: () => (arrived = true) });

    const child = spawn(process.execPath, [BIN, 'new', '--config', CONFIG, '--pylon', String(ticket.number), '--type', 'complex', '--impact', 'core-broken', '--note', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
    try {
      await until(() => arrived, `the ${step.step} request\n${stderr}`);
      child.kill(signal);
      const exit = await exited;
      if (signal === 'SIGKILL') {
        expect(exit.signal).toBe('SIGKILL');
      } else {
        expect(exit.code, stderr).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(stderr).toContain(`Interrupted (${signal})`);
        expect(stderr).toMatch(/pending {2}/);
        expect(stderr).toMatch(/Finish it with: triage resume [0-9a-f-]{36}/);
        if (index > 0) expect(stderr).toMatch(/created {2}Linear issue/);
        const out = JSON.parse(stdout);
        expect(out).toMatchObject({ ok: false, error: { code: 'interrupted' } });
        expect(out.resume).toBe(`triage resume ${out.filingId}`);
        expect(out.pending.length).toBeGreaterThan(0);
        expect(stdout + stderr).not.toContain(emu.tokens.github);
      }
    } finally {
      // The service finishes the request the client no longer waits for.
      release();
      server(step.service).clearFaults();
      child.kill('SIGKILL');
    }
    await until(() => server(step.service).inFlight === 0, 'the held request to finish');

    const filings = (await readdir(join(home, 'state', 'filings'))).filter((n) => n.endsWith('.json'));
    expect(filings).toHaveLength(1);
    const id = filings[0]!.replace(/\.json$/, '');
    const resumed = await runBin(['resume', id, '--json'], { env, stdin: 'devnull' });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ ok: true, filingId: id });
    expectExactlyOne(ticket);
  });
});

describe('a signal before anything was created', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s while the Linear names are resolved: nothing filed, no journal entry, one JSON object', async (signal) => {
    const home = await tempHome();
    const env = { ...baseEnv(home), ...emu.env };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let arrived = false;
    emu.linear.server.injectFault({ match: (r) => /team/i.test(r.operation ?? ''), until: held, onMatch: () => (arrived = true) });
    const title = `Interrupted before filing ${signal}`;
    const child = spawn(process.execPath, [BIN, 'new', '--config', CONFIG, '--title', title, '--body', 'x', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await until(() => arrived, `the team lookup\n${stderr}`);
      child.kill(signal);
      expect(await exited, stderr).toBe(signal === 'SIGINT' ? 130 : 143);
    } finally {
      release();
      emu.linear.server.clearFaults();
    }
    expect(stderr).toContain(`Interrupted (${signal}): nothing was filed`);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'interrupted' }, filingId: null, created: [], pending: [], resume: null });
    expect((await readdir(join(home, 'state', 'filings')).catch(() => [])).filter((n) => n.endsWith('.json'))).toEqual([]);
    expect(emu.linear.state.issues.filter((i) => i.title === title)).toHaveLength(0);
  });
});
