import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { fakeToken } from '../support/tokens.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;
const emu = useEmulators();
const fast = { timeoutMs: 500, retryBaseMs: 1, githubWriteSpacingMs: 0, sleep: async () => {} };

function file(home: string, title: string, env: Record<string, string> = emu.env, extra: string[] = []) {
  return runCli(['new', '--config', CONFIG, '--title', title, '--body', 'Export times out after 30s', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', ...extra], {
    env,
    home,
    overrides: fast,
  });
}

async function journalFiles(home: string): Promise<string[]> {
  return (await readdir(join(home, 'state', 'filings')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
}

const linearIssues = (title: string) => emu.linear.state.issues.filter((i) => i.title === title);
const githubIssues = (title: string) => (emu.github.state.issues['acme/app'] ?? []).filter((i) => i.title === title);

describe('preconditions are checked before anything is created', () => {
  it('a token without write access to the repo is refused with exit 4 naming GITHUB_TOKEN; nothing filed, no journal entry', async () => {
    const home = await tempHome();
    const token = fakeToken('ghp_', 18);
    emu.github.state.users.push({ login: 'read-only-rita', id: 90_001, name: 'Rita', email: null, type: 'User' });
    emu.github.state.tokens.push({ token, login: 'read-only-rita' });
    const title = 'Read-only token';
    const run = await file(home, title, { ...emu.env, GITHUB_TOKEN: token });
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toContain('GITHUB_TOKEN');
    expect(run.stderr).toContain('permissions.push');
    expect(run.stderr).toMatch(/nothing was filed/i);
    expect(run.stderr).not.toContain('triage resume');
    expect(run.stdout + run.stderr).not.toContain(token);
    expect(linearIssues(title)).toHaveLength(0);
    expect(await journalFiles(home)).toEqual([]);
  });

  it('an unknown repository names the repo and the config field; nothing filed, no journal entry', async () => {
    const home = await tempHome();
    const config = JSON.parse(await readFile(CONFIG, 'utf8'));
    config.routing.default.github.repo = 'acme/no-such-repo';
    const path = join(home, 'triagerc.json');
    await writeFile(path, JSON.stringify(config));
    const title = 'Unknown repo';
    const run = await runCli(['new', '--config', path, '--title', title, '--body', 'x', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation'], { env: emu.env, home, overrides: fast });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('acme/no-such-repo');
    expect(run.stderr).toContain('github.repo');
    expect(run.stderr).not.toContain('triage resume');
    expect(linearIssues(title)).toHaveLength(0);
    expect(await journalFiles(home)).toEqual([]);
  });

  it('a refused connection before the first write leaves no journal entry and says what to do', async () => {
    const home = await tempHome();
    const title = 'Refused connection';
    const run = await file(home, title, { ...emu.env, GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/nothing was filed/i);
    expect(run.stderr).not.toContain('triage resume');
    expect(linearIssues(title)).toHaveLength(0);
    expect(await journalFiles(home)).toEqual([]);
  });
});

describe('resume of a filing that created nothing', () => {
  /** A filing whose Linear create got no answer, then edited to be certain nothing exists (as after a 500). */
  async function strandedFiling(home: string, title: string): Promise<string> {
    emu.linear.server.injectFault({ hang: true, match: (r) => r.operation === 'issueCreate', times: 2 });
    try {
      const run = await file(home, title);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toMatch(/Linear issue may have been created/);
    } finally {
      emu.linear.server.clearFaults();
    }
    const [name] = await journalFiles(home);
    expect(linearIssues(title)).toHaveLength(0);
    return join(home, 'state', 'filings', name!);
  }

  it('is planned again from the current config, not the frozen plan', async () => {
    const home = await tempHome();
    const title = 'Replanned on resume';
    const path = await strandedFiling(home, title);
    const record = JSON.parse(await readFile(path, 'utf8'));
    record.attempted = {};
    // The plan was made with a config that routed to a repository that is wrong.
    record.plan.github.repo = 'acme/no-such-repo';
    await writeFile(path, JSON.stringify(record));
    const resumed = await runCli(['resume', record.id, '--config', CONFIG], { env: emu.env, home, overrides: fast });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('planned again from the current config');
    expect(linearIssues(title)).toHaveLength(1);
    expect(githubIssues(title)).toHaveLength(1);
    expect(linearIssues(title)[0]!.id).toBe(record.id);
  });

  it('an entry from before re-planning is turned into a draft and removed, never filed from its stale plan', async () => {
    const home = await tempHome();
    const title = 'Old entry, nothing created';
    const path = await strandedFiling(home, title);
    const record = JSON.parse(await readFile(path, 'utf8'));
    record.attempted = {};
    delete record.source;
    await writeFile(path, JSON.stringify(record));
    const resumed = await runCli(['resume', record.id], { env: emu.env, home, overrides: fast });
    expect(resumed.code, resumed.stderr).toBe(2);
    const draft = /triage new --recover (\S+)/.exec(resumed.stderr)?.[1];
    expect(draft, resumed.stderr).toBeDefined();
    expect(JSON.parse(await readFile(draft!, 'utf8')).title).toBe(title);
    expect(await journalFiles(home)).toEqual([]);
    expect(linearIssues(title)).toHaveLength(0);
  });
});
