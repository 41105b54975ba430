import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/cli/text-wrap.js';
import { pipedEnv, runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

/**
 * Every command's text output, run for real against the sandbox with stdout and stderr piped (so laid out to
 * 80 columns), measured line by line. JSON, Markdown tables and the redacted text itself are data, not
 * layout, and are not measured; everything meant to be read at a terminal is.
 */
const WIDTH = 80;

let home: string;
let env: Record<string, string>;
let ticket: string;

beforeAll(async () => {
  home = await tempHome();
  env = { ...pipedEnv(home), TRIAGE_SANDBOX: '1' };
  ticket = join(home, 'ticket.txt');
  const long = 'The export to CSV times out after thirty seconds for every workspace with more than ten thousand rows, and the customer says this blocks their monthly reporting to the board.';
  await writeFile(ticket, `${long}\n\n${long} ${long}\n\nSteps:\n1. ${long}\n- ${long}\n> ${long}\nCall me at +1 415 555 0100 or write to nora.quinn@globex.com.\n`);
});

type Case = { name: string; args: string[]; stdin?: string; measureStdout?: boolean };

const file = (type: string, impact: string, ...more: string[]) => ['new', '--title', `A ${type} request: export to CSV times out for large workspaces with many rows`, '--body-file', '@ticket', '--type', type, '--impact', impact, '--customer', 'Globex Corporation', '--customer-domain', 'globex.com', ...more];

// In order: later runs see what earlier ones filed and synced.
const CASES: Case[] = [
  { name: 'rubric', args: ['rubric'] },
  { name: 'inbox', args: ['inbox'] },
  { name: 'inbox of everyone', args: ['inbox', '--all'] },
  { name: 'inbox of nobody known', args: ['inbox', '--assignee', 'someone.with.a.rather.long.address@acme.example'] },
  { name: 'doctor in the sandbox', args: ['doctor'] },
  { name: 'doctor with nothing set up', args: ['doctor', '--no-sandbox-env'] },
  { name: 'sync plan', args: ['sync', '--dry-run'] },
  { name: 'sync applied', args: ['sync', '--yes'] },
  { name: 'sync after', args: ['sync', '--dry-run'] },
  { name: 'immediate', args: ['immediate'] },
  { name: 'followups of everyone', args: ['followups', '--all'] },
  { name: 'followups of mine', args: ['followups'] },
  { name: 'update draft', args: ['update', 'SUP-1'] },
  { name: 'update of a missing issue', args: ['update', 'SUP-999'] },
  { name: 'new complex, dry run', args: file('complex', 'core-broken', '--dry-run') },
  { name: 'new quick fix, dry run', args: file('quick-fix', 'significant-bug', '--dry-run') },
  { name: 'new feature, dry run, with candidates', args: file('feature', 'workflow-blocker', '--dry-run') },
  { name: 'new urgent outage, dry run, paging', args: file('complex', 'outage', '--dry-run') },
  { name: 'new complex, filed', args: file('complex', 'performance', '--yes', '--no-input') },
  { name: 'new feature that stops on candidates', args: file('feature', 'polish', '--no-input') },
  { name: 'new with a flag missing', args: ['new', '--title', 'x', '--no-input'] },
  { name: 'new with an unknown impact', args: ['new', '--title', 'x', '--body', 'y', '--type', 'complex', '--impact', 'everything-is-on-fire', '--customer', 'Initech', '--no-input'] },
  { name: 'redact --explain', args: ['redact', '--explain', '--customer-domain', 'globex.com'], stdin: 'password=hunter2hunter2\nwrite to nora.quinn@globex.com\nborn 03/03/1985\n', measureStdout: false },
  { name: 'resume with nothing to resume', args: ['resume'] },
];

/** A link is never cut (it would stop working): a line that is only a short label and one URL may run long. */
const LINK_LINE = /^\s*(?:[\w ]{1,12}: )?https?:\/\/\S+$/;

function overflowing(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => columnsOf(line) > WIDTH && !LINK_LINE.test(line))
    .map((line) => `${columnsOf(line)}: ${line}`);
}

describe('every command fits 80 columns when piped', () => {
  it.each(CASES)('$name', async ({ args, stdin, measureStdout }) => {
    const argv = args.map((a) => (a === '@ticket' ? ticket : a)).filter((a) => a !== '--no-sandbox-env');
    const runEnv = args.includes('--no-sandbox-env') ? pipedEnv(home) : env;
    const run = await runBin(argv, { env: runEnv, cwd: home, stdin: stdin ?? 'devnull', timeoutMs: 30_000 });
    // Something was said: a case that printed nothing would measure nothing.
    expect(`${run.stdout}${run.stderr}`.trim().length, `${args.join(' ')} printed nothing`).toBeGreaterThan(0);
    expect(run.signal).toBeNull();
    const long = [...(measureStdout === false ? [] : overflowing(run.stdout)), ...overflowing(run.stderr)];
    expect(long, `${args.join(' ')}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`).toEqual([]);
  }, 40_000);
});
