import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, pipedEnv, runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let home: string;
beforeAll(async () => {
  home = await tempHome();
});

describe('triage redact through the built binary', () => {
  const token = `ghp_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'A').slice(0, 36)}`;
  const email = ['nora.quinn', 'globex.com'].join('@');
  const log = `2026-11-26T10:00:00Z ERROR export failed for ${email} (Globex Corporation)\nAuthorization: token ${token}\ntrace_id=4bf92f3577b34da6a3ce929d0e0e4736 host=db1.globex.com\n`;

  it('filters stdin to stdout, keeping what an engineer needs', async () => {
    const run = await runBin(['redact', '--customer', 'Globex Corporation', '--customer-domain', 'globex.com'], { env: baseEnv(home), stdin: log });
    expect(run.code, run.stderr).toBe(0);
    for (const gone of [token, email, 'Globex', 'db1.globex.com']) expect(run.stdout).not.toContain(gone);
    for (const kept of ['2026-11-26T10:00:00Z ERROR export failed', 'trace_id=4bf92f3577b34da6a3ce929d0e0e4736', 'Authorization:']) expect(run.stdout).toContain(kept);
  });

  it('--json gives findings with kinds and offsets, never values', async () => {
    const file = join(home, 'app.log');
    await writeFile(file, log);
    const run = await runBin(['redact', '--file', file, '--json', '--customer', 'Globex Corporation'], { env: baseEnv(home), stdin: 'devnull' });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.findings.length).toBeGreaterThanOrEqual(3);
    for (const f of out.findings) expect(Object.keys(f).sort()).toEqual(['confidence', 'end', 'kind', 'replacement', 'rule', 'start', 'why']);
    expect(run.stdout).not.toContain(token);
    expect(run.stdout).not.toContain(email);
  });

  it('--explain keeps stdout the redacted text and says on stderr why each thing went, in 80 columns', async () => {
    const secret = randomBytes(12).toString('hex');
    const har = `{"headers": [{"name": "x-session-key", "value": "${secret}"}]}\nGeburtsdatum: 03.03.1985\n`;
    const run = await runBin(['redact', '--explain'], { env: pipedEnv(home), stdin: har });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('{"headers": [{"name": "x-session-key", "value": "[SECRET_1]"}]}\nGeburtsdatum: [DOB_1]\n');
    expect(run.stderr).toContain('2 findings');
    expect(run.stderr).toContain('record key "x-session-key" names a secret');
    expect(run.stderr).toContain('names a date of birth');
    for (const line of run.stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(run.stderr).not.toContain(secret);
    expect(run.stderr).not.toContain('1985');
  });

  it('--target linear keeps the customer name', async () => {
    const run = await runBin(['redact', '--target', 'linear', '--customer', 'Globex Corporation'], { env: baseEnv(home), stdin: log });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Globex Corporation');
    expect(run.stdout).not.toContain(token);
  });

  it('an unknown --target is a usage error', async () => {
    const run = await runBin(['redact', '--target', 'slack'], { env: baseEnv(home), stdin: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Valid targets: github, linear');
  });
});

describe('learning and convenience commands', () => {
  it('triage rubric prints the rules in force', async () => {
    const run = await runBin(['rubric', '--config', '.triagerc.example.json'], { env: baseEnv(home), cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Urgent (P0) · Linear priority 1 · Prioritized (Todo)');
    expect(run.stdout).toContain('core-broken');
    expect(run.stdout).toContain('A feature request always goes to the Backlog');
  });

  it('triage rubric --json works without any config', async () => {
    const run = await runBin(['rubric', '--json'], { env: baseEnv(home), cwd: home });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.source).toBe('built-in defaults');
    expect(out.impacts).toHaveLength(12);
  });

  it.each(['bash', 'zsh', 'fish'])('triage completion %s names every command', async (shell) => {
    const run = await runBin(['completion', shell], { env: baseEnv(home) });
    expect(run.code).toBe(0);
    for (const command of ['new', 'resume', 'redact', 'rubric', 'sandbox', 'doctor']) expect(run.stdout).toContain(command);
    expect(run.stdout).toContain(shell === 'fish' ? '-l impact' : '--impact');
    expect(run.stdout).toContain('quick-fix complex feature');
  });

  it('the bash completion script is valid bash', async () => {
    const run = await runBin(['completion', 'bash'], { env: baseEnv(home) });
    const check = spawnSync('bash', ['-n'], { input: run.stdout, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  it('completion for an unknown shell lists the valid ones', async () => {
    const run = await runBin(['completion', 'tcsh'], { env: baseEnv(home) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Valid shells: bash, zsh, fish');
  });
});
