import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';

const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the example config is edited freely per test
async function configWith(edit: (config: Record<string, any>) => void): Promise<{ home: string; file: string }> {
  const home = await tempHome();
  const config = JSON.parse(await readFile(new URL('../../.triagerc.example.json', import.meta.url), 'utf8'));
  edit(config);
  const file = join(home, '.triagerc.json');
  await writeFile(file, JSON.stringify(config));
  return { home, file };
}

describe('triage doctor', () => {
  it('passes when everything the config names exists', async () => {
    const { home, file } = await configWith(() => {});
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.stdout).not.toContain('✗');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`✓ Config: ${file} is valid`);
    expect(run.stdout).toContain('✓ Linear states in SUP: Todo, Backlog');
    expect(run.stdout).toContain('✓ Linear labels in SUP');
    expect(run.stdout).toContain('✓ Linear people: dana@acme.example, erin@acme.example');
    expect(run.stdout).toContain('✓ Pylon token accepted');
    expect(run.stdout).toContain('✓ Pylon priority field: "priority" has urgent, high, medium, low');
  });

  it('--json lists every check', async () => {
    const { home, file } = await configWith(() => {});
    const run = await runCli(['doctor', '--config', file, '--json'], { env: emu.env, home });
    const out = JSON.parse(run.stdout);
    expect(out.ok).toBe(true);
    expect(out.checks.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Config', 'Linear token', 'Linear token accepted', 'GitHub token', 'GitHub token accepted', 'GitHub repo acme/app']));
  });

  it('a missing token: one line naming the variable, with its fix', async () => {
    const { home, file } = await configWith(() => {});
    const run = await runCli(['doctor', '--config', file], { env: { ...emu.env, LINEAR_API_KEY: '' }, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Linear token: LINEAR_API_KEY is not set');
    expect(run.stdout).toMatch(/fix: Create a personal API key in Linear/);
  });

  it('a rejected token: says which service and variable, never the token', async () => {
    const { home, file } = await configWith(() => {});
    const bad = `${emu.tokens.github}x`;
    const run = await runCli(['doctor', '--config', file], { env: { ...emu.env, GITHUB_TOKEN: bad }, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ GitHub token accepted: GitHub rejected the token in GITHUB_TOKEN (or GH_TOKEN)');
    expect(run.stdout + run.stderr).not.toContain(bad);
  });

  it('an unknown team, state, label and person', async () => {
    const { home, file } = await configWith((c) => {
      c.routing.routes[0].linear.team = 'NOPE';
      c.routing.routes[0].linear.assignee = 'ghost@acme.example';
      c.linear.states.prioritized = 'Doing';
      c.routing.default.linear.labels = ['Customer', 'Nonexistent'];
    });
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Linear team NOPE: not found, or this key cannot see it');
    expect(run.stdout).toMatch(/✗ Linear states in SUP: missing "Doing" \(team has .*Todo/);
    expect(run.stdout).toContain('✗ Linear labels in SUP: missing "Nonexistent"');
    expect(run.stdout).toContain('✗ Linear people: no Linear user for ghost@acme.example');
  });

  it('a feature project that does not exist', async () => {
    const { home, file } = await configWith((c) => {
      c.linear.featureProject = 'Wishlist';
    });
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Linear feature project: no project "Wishlist"');
  });

  it('an unknown repo', async () => {
    const { home, file } = await configWith((c) => {
      c.routing.default.github.repo = 'acme/missing';
    });
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ GitHub repo acme\/missing: GitHub repository lookup failed: 404 Not Found/);
  });

  it('a Pylon priority field that does not match: names the slug and lists what Pylon has', async () => {
    const { home, file } = await configWith((c) => {
      c.pylon.priorityField.values.urgent = 'p0';
    });
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Pylon priority field: pylon\.priorityField\.values\.urgent is "p0", not an option of Pylon's "priority" field\. Its options: urgent/);
  });

  it('a Pylon field slug that does not exist', async () => {
    const { home, file } = await configWith((c) => {
      c.pylon.priorityField.slug = 'severity';
    });
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Pylon priority field: Pylon has no issue custom field with slug "severity"');
  });

  it('an invalid config is one failed line, not a crash', async () => {
    const home = await tempHome();
    const file = join(home, '.triagerc.json');
    await writeFile(file, '{"routing": 1}');
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ Config: Invalid config ${file}`);
  });
});
