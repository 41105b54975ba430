import { describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;
const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

async function inbox(args: string[], env: Record<string, string> = emu.env) {
  return runCli(['inbox', '--config', CONFIG, ...args], { env, home: await tempHome() });
}

const numbers = (stdout: string) => JSON.parse(stdout).tickets.map((t: { number: number }) => t.number);

describe('triage inbox', () => {
  it("lists the engineer's open Pylon tickets that no issue tracks yet, newest first, found by their Linear email", async () => {
    const run = await inbox(['--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    // 1041–1047 are assigned to the engineer too, but linked to Linear; 1052 is closed.
    expect(numbers(run.stdout)).toEqual([1051, 1048]);
    expect(out).toMatchObject({ scope: 'me', assignee: { name: 'Sam Rivera', email: 'sam@acme.example' }, count: 2 });
    expect(out.tickets[0]).toMatchObject({ number: 1051, customer: { name: 'Initech' }, state: 'new', linkedTo: [], command: 'triage new --pylon 1051' });
    expect(out.tickets[0].url).toMatch(/1051/);
    expect(typeof out.tickets[0].ageHours).toBe('number');
  });

  it('the text is a table with customer and age on stdout; the count and how to start on stderr', async () => {
    const run = await inbox([]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Ticket\s+Age\s+State\s+Customer\s+Title$/);
    expect(lines[1]).toMatch(/^#1051\s+\S+\s+new\s+Initech\s+Question about data retention/);
    expect(lines[2]).toMatch(/^#1048\s+\S+\s+waiting on you\s+Initech\s+Scheduled reports/);
    expect(lines).toHaveLength(3);
    expect(run.stderr).toContain('2 tickets assigned to Sam Rivera, not yet in Linear');
    expect(run.stderr).toContain('triage new --pylon <number>');
  });

  it("--assignee lists a colleague's, --unassigned nobody's, --all every open untracked ticket", async () => {
    expect(numbers((await inbox(['--assignee', 'SAM@acme.example', '--json'])).stdout)).toEqual([1051, 1048]);
    expect(numbers((await inbox(['--unassigned', '--json'])).stdout)).toEqual([1049]);
    expect(numbers((await inbox(['--all', '--json'])).stdout)).toEqual([1051, 1049, 1048]);
    expect(numbers((await inbox(['--all', '--limit', '2', '--json'])).stdout)).toEqual([1051, 1049]);
  });

  it('an empty queue says so, and is not an error', async () => {
    // Erin's only open ticket (1050) already has a GitHub issue: triaged.
    const run = await inbox(['--assignee', 'erin@acme.example']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Nothing waits for triage: no tickets assigned to Erin Park');
  });

  it.each([
    [['--all', '--unassigned'], '--unassigned and --all choose whose queue to list: pass one of them'],
    [['--limit', 'ten'], '--limit ten: give a whole number from 1 to 500'],
    [['--limit', '0'], '--limit 0'],
    [['--assignee', 'nobody@example.com'], 'No Pylon user has the email nobody@example.com'],
  ])('%j is a usage error: %s', async (args, message) => {
    const run = await inbox(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('without a Linear key it cannot tell who you are, and says to pass --assignee', async () => {
    const { LINEAR_API_KEY: _key, ...env } = emu.env;
    const run = await inbox([], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot tell whose queue this is');
    expect(run.stderr).toContain('--assignee');
    expect(numbers((await inbox(['--assignee', 'sam@acme.example', '--json'], env)).stdout)).toEqual([1051, 1048]);
  });

  it('a bad Pylon token is an authentication error that names no token', async () => {
    const run = await inbox(['--all'], { ...emu.env, PYLON_API_TOKEN: 'not-a-real-token' });
    expect(run.code).toBe(4);
    expect(run.stderr).not.toContain('not-a-real-token');
  });
});
