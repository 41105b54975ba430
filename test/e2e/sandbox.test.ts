import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

/** Nothing but PATH and a fresh HOME: no config, no tokens, no state. */
function freshEnv(home: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, NO_COLOR: '1' };
}

async function sandboxState(home: string) {
  return JSON.parse(await readFile(join(home, '.local', 'state', 'triage', 'sandbox', 'state.json'), 'utf8'));
}

describe('the sandbox, from a fresh HOME', () => {
  it("README's first command files a practice ticket end to end, with no config and no tokens", async () => {
    const home = await tempHome();
    const run = await runBin(
      ['new', '--sandbox', '--title', 'Practice: CSV export times out', '--body', 'Exports over 100k rows time out for nora.quinn@globex.com', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', '--customer-domain', 'globex.com', '--yes'],
      { env: freshEnv(home), cwd: home, stdin: 'devnull' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Linear: https:\/\/linear\.sandbox\.invalid\/acme\/issue\/SUP-\d+/);

    const state = await sandboxState(home);
    const issue = state.linear.issues.find((i: { title: string }) => i.title === 'Practice: CSV export times out');
    expect(issue).toBeDefined();
    const gh = state.github.issues['acme/app'].find((i: { title: string }) => i.title === 'Practice: CSV export times out');
    expect(gh.body).not.toContain('nora.quinn');
    expect(gh.body).not.toContain('globex');
  });

  it('keeps state between runs, and --reset starts fresh', async () => {
    const home = await tempHome();
    const env = freshEnv(home);
    const file = (title: string) =>
      runBin(['new', '--sandbox', '--title', title, '--body', 'b', '--type', 'feature', '--impact', 'polish', '--customer', 'Initech', '--no-github'], { env, cwd: home, stdin: 'devnull' });
    expect((await file('First practice')).code).toBe(0);
    expect((await file('Second practice')).code).toBe(0);
    const titles = (await sandboxState(home)).linear.issues.map((i: { title: string }) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['First practice', 'Second practice']));

    const reset = await runBin(['sandbox', '--reset', '--port', '4780'], { env, cwd: home, stdin: 'devnull', timeoutMs: 3000 }).catch((e: Error) => e);
    // `triage sandbox` runs until interrupted; the state is reset as soon as it starts.
    expect(reset).toBeInstanceOf(Error);
    const after = (await sandboxState(home)).linear.issues.map((i: { title: string }) => i.title);
    expect(after).not.toContain('First practice');
  });

  it('triage doctor passes against the sandbox', async () => {
    const home = await tempHome();
    const run = await runBin(['doctor', '--sandbox'], { env: freshEnv(home), cwd: home, stdin: 'devnull' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('✓ Config:');
    expect(run.stdout).toContain('✓ Linear token accepted: authenticated as Sam Rivera <sam@acme.example>');
    expect(run.stdout).toContain('✓ GitHub repo acme/app');
    expect(run.stdout).not.toContain('✗');
  });
});
