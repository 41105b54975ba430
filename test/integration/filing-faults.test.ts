import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fault, RecordedRequest } from '../../src/sandbox/http/emulator-server.js';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { linearRateLimitedFault } from '../../src/sandbox/linear/emulator.js';
import { secondaryRateLimitFault } from '../../src/sandbox/github/emulator.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;

const emu = useEmulators();

type Step = 'linearIssue' | 'githubIssue' | 'linearLink' | 'etaComment';

const WRITES: Record<Step, { service: 'linear' | 'github'; match: (r: RecordedRequest) => boolean }> = {
  linearIssue: { service: 'linear', match: (r) => r.operation === 'issueCreate' },
  githubIssue: { service: 'github', match: (r) => r.method === 'POST' && /\/issues$/.test(r.path) },
  linearLink: { service: 'linear', match: (r) => r.operation === 'attachmentCreate' },
  etaComment: { service: 'github', match: (r) => r.method === 'POST' && /\/comments$/.test(r.path) },
};

/**
 * The faults a network really produces. Those that happen after the service did the work (a 502 from a
 * proxy, a dropped connection, a timeout) are the ones that make blind retries create duplicates.
 */
const FAULTS: Record<string, Omit<Fault, 'match'>> = {
  'HTTP 500': { status: 500 },
  'HTTP 502 after the write': { status: 502, afterHandling: true },
  '429 with Retry-After': { status: 429, retryAfter: 1 },
  'dropped connection after the write': { drop: true, afterHandling: true },
  'timeout after the write': { hang: true, afterHandling: true },
};

const TIMEOUT_MS = 800;

async function file(home: string, title: string, extraArgs: string[] = []) {
  return runCli(
    ['new', '--config', CONFIG, '--title', title, '--body', 'Export times out after 30s', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', '--json', ...extraArgs],
    { env: emu.env, home, overrides: { timeoutMs: TIMEOUT_MS, retryBaseMs: 1, githubWriteSpacingMs: 0, sleep: async () => {} } },
  );
}

async function resume(home: string, id?: string) {
  return runCli(['resume', ...(id ? [id] : []), '--json'], { env: emu.env, home, overrides: { timeoutMs: TIMEOUT_MS, retryBaseMs: 1, githubWriteSpacingMs: 0, sleep: async () => {} } });
}

async function journalRecords(home: string) {
  const dir = join(home, 'state', 'filings');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8'))));
}

/** Exactly one of everything for this title, and the journal says complete. */
async function expectFiledOnce(home: string, title: string): Promise<void> {
  const linear = emu.linear.state.issues.filter((i) => i.title === title);
  expect(linear, 'Linear issues').toHaveLength(1);
  const github = (emu.github.state.issues['acme/app'] ?? []).filter((i) => i.title === title);
  expect(github, 'GitHub issues').toHaveLength(1);
  const links = emu.linear.state.attachments.filter((a) => a.issueId === linear[0]!.id);
  expect(links.map((a) => a.url), 'link attachments').toHaveLength(1);
  const comments = emu.github.state.comments.filter((c) => c.repo === 'acme/app' && c.issue_number === github[0]!.number);
  expect(comments.length, 'ETA comments').toBeLessThanOrEqual(1);
  expect(comments.length, 'ETA comments').toBe(1);
  const records = await journalRecords(home);
  expect(records.map((r) => r.status)).toEqual(['complete']);
}

describe('a fault at every write step, then resume: exactly one of everything', () => {
  const cases = (Object.keys(WRITES) as Step[]).flatMap((step) => Object.keys(FAULTS).map((fault) => [step, fault] as const));

  it.each(cases)('%s: %s', async (step, faultName) => {
    const home = await tempHome();
    const title = `Fault ${step} ${faultName}`;
    const write = WRITES[step];
    const server = emu[write.service].server;
    // Twice: the first attempt and the guarded retry both fail, so the filing must stop and be resumed.
    server.injectFault({ ...FAULTS[faultName]!, match: write.match, times: faultName.startsWith('429') ? 1 : 2 });
    try {
      const first = await file(home, title);
      if (first.code === 1) {
        // The very first write was refused twice: nothing exists, so no journal entry and nothing to resume.
        expect(first.stderr).toMatch(/[Nn]othing was filed\.?\n(?:.*\n)*.*Run the same command again/);
        expect(first.stderr).not.toContain('triage resume');
        expect(await journalRecords(home)).toEqual([]);
        server.clearFaults();
        const again = await file(home, title);
        expect(again.code, again.stderr).toBe(0);
      } else if (first.code !== 0) {
        expect(first.code, first.stderr).toBe(3);
        expect(first.stderr).toMatch(/Finish it with: triage resume [0-9a-f-]{36}/);
        const id = /triage resume ([0-9a-f-]{36})/.exec(first.stderr)![1]!;
        const listed = await resume(home);
        expect(JSON.parse(listed.stdout).unfinished.map((u: { filingId: string }) => u.filingId)).toEqual([id]);
        const second = await resume(home, id);
        expect(second.code, second.stderr).toBe(0);
      }
    } finally {
      server.clearFaults();
    }
    await expectFiledOnce(home, title);
  });
});

describe("each service's own rate-limit answer is honoured, not treated as a failure", () => {
  const cases = [
    ['linearIssue', 'Linear RATELIMITED as HTTP 400', () => linearRateLimitedFault({ match: WRITES.linearIssue.match, retryAfter: 1 })],
    ['linearLink', 'Linear RATELIMITED as HTTP 400', () => linearRateLimitedFault({ match: WRITES.linearLink.match, retryAfter: 1 })],
    ['githubIssue', 'GitHub secondary rate limit (403 + Retry-After)', () => secondaryRateLimitFault({ match: WRITES.githubIssue.match, retryAfter: 1 })],
    ['etaComment', 'GitHub secondary rate limit (403 + Retry-After)', () => secondaryRateLimitFault({ match: WRITES.etaComment.match, retryAfter: 1 })],
  ] as const;

  it.each(cases)('%s: %s', async (step, name, fault) => {
    const home = await tempHome();
    const title = `Rate limit ${step} ${name}`;
    const server = emu[WRITES[step].service].server;
    const before = server.count(WRITES[step].match);
    server.injectFault(fault());
    try {
      const run = await file(home, title);
      expect(run.code, run.stderr).toBe(0);
    } finally {
      server.clearFaults();
    }
    // Refused once, then done: the retry was made, and only once.
    expect(server.count(WRITES[step].match) - before).toBe(2);
    await expectFiledOnce(home, title);
  });
});

describe('secrets stay home', () => {
  it('tokens and original values appear in no journal, debug output or error message', async () => {
    const home = await tempHome();
    const secret = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'.split('').reverse().join('')}`;
    const email = ['jane.doe', 'globex-mail.com'].join('@');
    emu.linear.server.injectFault({ status: 500, match: WRITES.linearLink.match, times: 2 });
    let run;
    try {
      run = await runCli(
        ['--debug', 'new', '--config', CONFIG, '--title', 'Leak check', '--body', `Key ${secret} from ${email} failed`, '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation'],
        { env: emu.env, home, overrides: { timeoutMs: TIMEOUT_MS, retryBaseMs: 1, githubWriteSpacingMs: 0, sleep: async () => {} } },
      );
    } finally {
      emu.linear.server.clearFaults();
      emu.github.server.clearFaults();
    }
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('[debug]');
    const journal = JSON.stringify(await journalRecords(home));
    for (const value of [secret, email, emu.tokens.linear, emu.tokens.github]) {
      expect(run.stdout + run.stderr, 'output').not.toContain(value);
      expect(journal, 'journal').not.toContain(value);
    }
    const resumed = await runCli(['--debug', 'resume', /triage resume (\S+)/.exec(run.stderr)?.[1] ?? 'none'], { env: emu.env, home });
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const value of [secret, email, emu.tokens.linear, emu.tokens.github]) expect(resumed.stdout + resumed.stderr).not.toContain(value);
  });
});
