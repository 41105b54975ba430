import { describe, expect, it, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runBin, baseEnv } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let home: string;

beforeAll(async () => {
  home = await tempHome();
});

describe('the built binary', () => {
  it('prints its version', async () => {
    const run = await runBin(['--version'], { env: baseEnv(home) });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--help lists the commands and how to start', async () => {
    const run = await runBin(['--help'], { env: baseEnv(home) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('new [options]');
    expect(run.stdout).toContain('resume [options] [filing-id]');
    expect(run.stdout).toContain('LINEAR_API_KEY');
  });

  it('new --help shows every flag of the interface contract, with examples', async () => {
    const run = await runBin(['new', '--help'], { env: baseEnv(home) });
    expect(run.code).toBe(0);
    for (const flag of ['--title', '--body ', '--body-file', '--type', '--impact', '--priority', '--reason', '--customer ', '--customer-domain', '--contact', '--term', '--area', '--label', '--eta', '--no-github', '--dry-run', '--json', '--yes', '--no-input', '--config', '--recover']) {
      expect(run.stdout, flag).toContain(flag);
    }
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('Exit codes: 0 filed, 1 failure, 2 usage or config error, 3 partially filed, 4 authentication, 130 cancelled.');
  });

  it('an unknown command is a usage error with a suggestion', async () => {
    const run = await runBin(['nwe'], { env: baseEnv(home) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Did you mean new?');
  });

  it('--dry-run prints the redacted tickets with no token set', async () => {
    const run = await runBin(
      ['new', '--config', '.triagerc.example.json', '--dry-run', '--title', 'Export to CSV times out', '--body', 'Globex Corporation: export times out after 30s',
        '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation', '--area', 'exports'],
      { env: baseEnv(home), cwd: ROOT },
    );
    expect(run.stderr).toContain('Dry run: nothing was filed.');
    expect(run.code).toBe(0);
    const github = run.stdout.slice(run.stdout.indexOf('GitHub issue (acme/app)'));
    expect(github).not.toContain('Globex');
    expect(run.stdout).toContain('Linear issue (team SUP, state Todo, priority 2)');
  });

  it('--dry-run --json parses', async () => {
    const run = await runBin(
      ['new', '--config', '.triagerc.example.json', '--dry-run', '--json', '--title', 't', '--body', 'b', '--type', 'feature', '--impact', 'polish', '--customer', 'Initech'],
      { env: baseEnv(home), cwd: ROOT },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, decision: { priority: 'low', status: 'backlog' } });
  });

  describe('never prompts and never hangs without a terminal', () => {
    it.each([
      ['stdin closed', null],
      ['stdin from /dev/null', 'devnull'],
    ] as const)('%s: names every missing flag, exit 2', async (_label, stdin) => {
      const run = await runBin(['new', '--config', '.triagerc.example.json'], { env: baseEnv(home), cwd: ROOT, stdin, timeoutMs: 10_000 });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Missing --title, --body or --body-file, --type, --impact (or --priority with --reason), --customer (there is no terminal to ask in)');
    });

    it('--no-input says so', async () => {
      const run = await runBin(['new', '--no-input', '--title', 'x'], { env: baseEnv(home), cwd: ROOT, stdin: 'devnull' });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('(--no-input was given)');
    });
  });
});

describe('help fits its width: 80 columns when piped, COLUMNS when set', () => {
  const COMMANDS = ['', 'inbox', 'new', 'resume', 'redact', 'rubric', 'sync', 'update', 'immediate', 'followups', 'sandbox', 'doctor', 'completion'];
  for (const command of COMMANDS) {
    it.each([
      [80, undefined],
      [60, '60'],
    ])(`triage ${command || '(no command)'} --help fits %i columns (COLUMNS=%s)`, async (width, columns) => {
      const home = await tempHome();
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', TRIAGE_STATE_DIR: `${home}/state`, ...(columns ? { COLUMNS: columns } : {}) };
      const run = await runBin([...(command ? [command] : []), '--help'], { env, stdin: 'devnull' });
      expect(run.code).toBe(0);
      const long = run.stdout.split('\n').filter((line) => [...line].length > width);
      expect(long).toEqual([]);
    });
  }
});
