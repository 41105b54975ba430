import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinearEmulator, createLinearState, type LinearEmulator } from '../../src/sandbox/linear/emulator.js';
import { fakeToken } from '../support/tokens.js';
import { runCli, tempHome } from '../support/run-cli.js';

/**
 * A workspace of more than one page: 140 issues on the immediate list across two configured teams, and others
 * it must leave out (Low or no priority, done or cancelled, a team the config does not name).
 */
const TOKEN = fakeToken('lin_api_');
const ON_LIST = 140;
const CUSTOMERS = Array.from({ length: 14 }, (_, i) => ({ name: `Customer ${i}`, domains: [`c${i}.example`] }));
const PRIORITY_CYCLE = [3, 1, 2, 3, 2];
const PYLON_901 = '00000000-0000-4000-8000-000000000901';

interface Seeded {
  identifier: string;
  priority: number;
  createdAt: string;
}

function workspace() {
  const issues: Array<Record<string, unknown>> = [];
  const seeded: Seeded[] = [];
  const counters: Record<string, number> = { SUP: 0, ENG: 0, OPS: 0 };
  const add = (team: string, priority: number, day: number, extra: Record<string, unknown> = {}) => {
    counters[team]! += 1;
    const createdAt = new Date(Date.UTC(2026, 9, 1) + day * 3_600_000).toISOString();
    issues.push({ teamId: team, title: `${team} issue ${counters[team]}`, priority, createdAt, updatedAt: createdAt, stateId: 'Todo', ...extra });
    return { identifier: `${team}-${counters[team]}`, priority, createdAt };
  };
  for (let i = 0; i < ON_LIST; i++) {
    // Created out of order on purpose: the list sorts by age, not by the order Linear returns.
    seeded.push(add(i % 3 === 0 ? 'ENG' : 'SUP', PRIORITY_CYCLE[i % PRIORITY_CYCLE.length]!, (i * 37) % ON_LIST, i % 4 === 0 ? { stateId: 'In Progress' } : {}));
  }
  add('SUP', 4, 1);
  add('SUP', 0, 2);
  add('SUP', 1, 3, { stateId: 'Done' });
  add('ENG', 2, 4, { stateId: 'Canceled' });
  add('OPS', 1, 5);
  return { issues, seeded };
}

let emu: LinearEmulator;
let linearUrl: string;
let seeded: Seeded[];
let config: string;
let home: string;

beforeAll(async () => {
  const ws = workspace();
  seeded = ws.seeded;
  const state = createLinearState({
    users: [{ email: 'sam@acme.example', name: 'Sam Rivera', admin: true }],
    apiKeys: [{ key: TOKEN, userId: 'sam@acme.example' }],
    teams: [{ key: 'SUP' }, { key: 'ENG' }, { key: 'OPS' }],
    issues: ws.issues as never,
    customers: CUSTOMERS,
    attachments: [
      { issueId: 'SUP-1', url: 'https://github.com/acme/app/issues/42', title: 'GitHub acme/app#42' },
      { issueId: 'SUP-1', url: 'https://app.usepylon.com/issues?issueNumber=900', title: 'Pylon #900' },
      { id: PYLON_901, issueId: 'SUP-1', url: 'https://app.usepylon.com/issues?issueNumber=901', title: 'Pylon #901' },
    ],
    // SUP-1: two Pylon tickets, one of which came with a customer request; SUP-2: more requests than a page reads.
    customerNeeds: [
      { customerId: 'Customer 0', issueId: 'SUP-1', attachmentId: PYLON_901 },
      ...CUSTOMERS.slice(0, 13).map((c) => ({ customerId: c.name, issueId: 'SUP-2' })),
      { customerId: 'Customer 0', issueId: 'SUP-2' },
    ],
  });
  emu = createLinearEmulator({ state });
  linearUrl = `${await emu.start()}/graphql`;
  home = await tempHome();
  config = join(home, 'teams.json');
  await writeFile(
    config,
    JSON.stringify({
      routing: {
        routes: [{ name: 'engineering', match: { areas: ['api'] }, linear: { team: 'ENG' } }],
        default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } },
      },
    }),
  );
});

afterAll(async () => {
  await emu.stop();
});

function immediate(args: string[], columns?: number | null) {
  return runCli(['immediate', '--config', config, ...args], {
    ...(columns === undefined ? {} : { columns }),
    env: { LINEAR_API_KEY: TOKEN, LINEAR_API_URL: linearUrl },
    home,
    overrides: { now: () => new Date('2026-11-26T12:00:00Z') },
  });
}

const expectedOrder = () =>
  [...seeded].sort((a, b) => a.priority - b.priority || Date.parse(a.createdAt) - Date.parse(b.createdAt)).map((s) => s.identifier);

describe('triage immediate over more than one page', () => {
  it('lists every open Urgent/High/Medium issue of the configured teams, by priority then age, in paged reads', async () => {
    const start = emu.server.requests.length;
    const run = await immediate(['--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.teams).toEqual(['SUP', 'ENG']);
    expect(out.count).toBe(ON_LIST);
    expect(out.issues.map((i: { identifier: string }) => i.identifier)).toEqual(expectedOrder());
    const count = (p: number) => seeded.filter((s) => s.priority === p).length;
    expect(out.summary).toEqual({ urgent: count(1), high: count(2), medium: count(3) });

    // Two pages of a hundred, and one bulk read of the requests of the one issue with more than a page holds.
    const requests = emu.server.requests.slice(start);
    const named = (name: string) => requests.filter((r) => String((r.body as { query?: string }).query).includes(name)).length;
    expect(named('triageImmediate')).toBe(2);
    expect(named('triageCustomerNeedsOf')).toBe(1);
    expect(requests).toHaveLength(3);
    for (const r of requests.filter((x) => String((x.body as { query?: string }).query).includes('triageImmediate'))) {
      expect((r.body as { variables: { first: number } }).variables.first).toBe(100);
    }
  });

  it('counts the customers asking and finds the GitHub link', async () => {
    const out = JSON.parse((await immediate(['--json'])).stdout);
    const row = (id: string) => out.issues.find((i: { identifier: string }) => i.identifier === id);
    expect(row('SUP-1')).toMatchObject({ customers: 2, customerNeeds: 1, pylonTickets: 2, github: { repo: 'acme/app', number: 42, url: 'https://github.com/acme/app/issues/42' } });
    expect(row('SUP-2')).toMatchObject({ customers: 13, customerNeeds: 14, customersAtLeast: false, github: null });
    expect(row('SUP-3')).toMatchObject({ customers: 0, status: expect.any(String), ageDays: expect.any(Number) });
  });

  it('--team narrows the list', async () => {
    const out = JSON.parse((await immediate(['--team', 'eng', '--json'])).stdout);
    expect(out.teams).toEqual(['ENG']);
    expect(out.issues.every((i: { team: string }) => i.team === 'ENG')).toBe(true);
    expect(out.count).toBe(seeded.filter((s) => s.identifier.startsWith('ENG')).length);
  });

  it('--markdown is a table to paste, one row per issue, in order', async () => {
    const run = await immediate(['--markdown']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| Issue | Title | Priority | Status | Age | Customers | GitHub |');
    expect(lines[1]).toBe('|---|---|---|---|---:|---:|---|');
    const rows = lines.filter((l) => l.startsWith('| ['));
    expect(rows).toHaveLength(ON_LIST);
    expect(rows.map((r) => /^\| \[([A-Z]+-\d+)\]/.exec(r)![1])).toEqual(expectedOrder());
    expect(run.stdout).toContain('[acme/app#42](https://github.com/acme/app/issues/42)');
    expect(lines.at(-1)).toMatch(/^140 open issues in SUP, ENG: \d+ Urgent, \d+ High, \d+ Medium\.$/);
  });

  it('text fits 80 columns', async () => {
    const run = await immediate([], null);
    expect(run.code, run.stderr).toBe(0);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(run.stdout.split('\n')[0]).toMatch(/^Issue\s+Priority\s+Status\s+Age\s+Asks\s+GitHub\s+Title$/);
  });

  it('--json with --markdown is a usage error', async () => {
    const run = await immediate(['--json', '--markdown']);
    expect(run.code).toBe(2);
  });
});
