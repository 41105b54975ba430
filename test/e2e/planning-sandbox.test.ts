import { describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

/** Nothing but PATH and a fresh HOME: no config, no tokens, no state. */
function freshEnv(home: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, NO_COLOR: '1' };
}

describe('the sprint list and customer updates in the sandbox', () => {
  it('triage immediate shows a useful list that fits 80 columns, Urgent first', async () => {
    const home = await tempHome();
    const run = await runBin(['immediate', '--sandbox'], { env: freshEnv(home), cwd: home, stdin: 'devnull' });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^SUP-\d+\s+Urgent\s/);
    expect(lines.filter((l) => /^SUP-\d+ /.test(l)).length).toBeGreaterThanOrEqual(10);
    expect(lines.at(-1)).toMatch(/^\d+ open issues in SUP: \d+ Urgent, \d+ High, \d+ Medium$/);
  });

  it('triage update drafts an update for a demo issue', async () => {
    const home = await tempHome();
    const run = await runBin(['update', 'SUP-8', '--sandbox'], { env: freshEnv(home), cwd: home, stdin: 'devnull' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"Export dashboards to PDF": it is in our product Backlog');
  });
});
