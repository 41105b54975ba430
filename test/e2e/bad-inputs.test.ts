import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulators, type Emulators } from '../support/emulators.js';
import { baseEnv, runBin } from '../support/run-bin.js';
import { fakeToken } from '../support/tokens.js';

/**
 * Every bad input gets a clear answer: one row per input (flags, config files, environment, service answers,
 * the file system), each run through the built binary against the emulators. Every row checks its documented
 * exit code, a message that names the input and the fix, no stack trace, no token anywhere in the output, and
 * that nothing was filed (emulator state before and after).
 */

const EXAMPLE = fileURLToPath(new URL('../../.triagerc.example.json', import.meta.url));
const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

const BASE = ['--title', 'Export to CSV times out', '--body', 'The export spins forever.', '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation'];
const WRONG_LINEAR_KEY = fakeToken('lin_api_');
const WRONG_GITHUB_TOKEN = fakeToken('ghp_', 18);
const HTML_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{font:14px}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p><script>var x=1;</script></body></html>';

interface Row {
  name: string;
  args: string[];
  /** Variables to set on top of the emulators' (undefined removes one). */
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Files written into the working directory before the run. */
  files?: Record<string, string | Buffer>;
  /** Faults injected for this row only. */
  faults?: (emu: Emulators) => void;
  code: number;
  /** Each must appear on stderr: the input named, and the fix. */
  says: Array<string | RegExp>;
  /** Must not appear on stderr (raw pages, internals). */
  never?: Array<string | RegExp>;
}

const bad = (name: string, args: string[], code: number, says: Row['says'], extra: Partial<Row> = {}): Row => ({ name, args, code, says, ...extra });

const ROWS: Row[] = [
  // Flags of triage new
  bad('unknown --type', ['new', ...BASE, '--type', 'bug'], 2, ['Unknown --type "bug"', 'Valid types: quick-fix, complex, feature']),
  bad('unknown --priority', ['new', ...BASE, '--priority', 'extreme', '--reason', 'x'], 2, ['Unknown --priority "extreme"', 'urgent, high, medium, low']),
  bad('unknown --impact', ['new', ...BASE, '--impact', 'apocalypse'], 2, ['Unknown --impact "apocalypse"', 'Valid impacts', 'triage rubric']),
  bad('--priority without --reason', ['new', ...BASE, '--priority', 'high', '--no-input'], 2, ['--reason']),
  bad('--reason without --priority', ['new', ...BASE, '--reason', 'because'], 2, ['--reason', 'pass --priority too']),
  bad('--body and --body-file together', ['new', ...BASE, '--body-file', 'report.txt'], 2, ['--body or --body-file, not both'], { files: { 'report.txt': 'x' } }),
  bad('--body-file that does not exist', ['new', ...without(BASE, '--body'), '--body-file', 'missing.txt'], 2, ['--body-file missing.txt: no such file', 'text file']),
  bad('--body-file that is a directory', ['new', ...without(BASE, '--body'), '--body-file', 'logs'], 2, ['--body-file logs: is a directory'], { files: { 'logs/a.txt': 'x' } }),
  bad('--body-file that is empty', ['new', ...without(BASE, '--body'), '--body-file', 'empty.txt'], 2, ['--body-file empty.txt: the file is empty'], { files: { 'empty.txt': '' } }),
  bad('--body-file - with empty stdin', ['new', ...without(BASE, '--body'), '--body-file', '-'], 2, ['--body-file -: stdin was empty', '--body'], { stdin: '', never: ['Missing --body'] }),
  bad('--eta that is not a date', ['new', ...BASE, '--eta', 'tomorrow'], 2, ['--eta tomorrow', 'YYYY-MM-DD', '3d']),
  bad('--eta of zero days', ['new', ...BASE, '--eta', '0d'], 2, ['--eta 0d', 'at least 1 business day']),
  bad('--append-to that is not an identifier', ['new', ...BASE, '--type', 'feature', '--append-to', 'twelve'], 2, ['--append-to twelve', 'like SUP-12']),
  bad('--append-to with --new', ['new', ...BASE, '--type', 'feature', '--append-to', 'SUP-1', '--new'], 2, ['--append-to', '--new', 'pass one of them']),
  bad('--append-to on a complex issue', ['new', ...BASE, '--append-to', 'SUP-1'], 2, ['--append-to is for feature requests', '--type feature']),
  bad('--reply without --pylon', ['new', ...BASE, '--reply'], 2, ['--reply', '--pylon <ticket>']),
  bad('--reply with --note', ['new', ...BASE, '--pylon', '1030', '--reply', '--note'], 2, ['--reply', '--note', 'pass one of them']),
  bad('unknown --priority-source', ['new', ...BASE, '--pylon', '1030', '--priority-source', 'coin'], 2, ['Unknown --priority-source "coin"', 'rubric, pylon']),
  bad('--priority-source without --pylon', ['new', ...BASE, '--priority-source', 'pylon'], 2, ['--priority-source only applies with --pylon']),
  bad('required flags missing without a terminal', ['new', '--type', 'complex', '--no-input'], 2, ['Missing --title', '--body or --body-file', '--customer', '--no-input was given']),
  bad('--pylon ticket that does not exist', ['new', '--pylon', '99999', '--type', 'complex', '--impact', 'core-broken'], 2, ['--pylon 99999: Pylon has no ticket', 'number shown in Pylon'], { never: ['request_id'] }),
  bad('an unknown flag', ['new', ...BASE, '--titel', 'x'], 2, [/unknown option '--titel'/, /--title/]),
  bad('--recover file that does not exist', ['new', '--recover', 'draft.json', '--no-input'], 2, ['--recover draft.json: no such draft file', 'drafts/']),
  bad('--recover file that is not a draft', ['new', '--recover', 'draft.json', '--no-input'], 2, ['--recover draft.json: not a triage draft'], { files: { 'draft.json': '{"hello": 1}' } }),
  // Other commands' flags
  bad('redact --target that does not exist', ['redact', '--target', 'slack'], 2, ['Unknown --target "slack"', 'Valid targets: github, linear'], { stdin: 'x' }),
  bad('redact --file that does not exist', ['redact', '--file', 'nope.log'], 2, ['--file nope.log: no such file']),
  bad('completion for an unknown shell', ['completion', 'tcsh'], 2, ['Valid shells: bash, zsh, fish']),
  bad('immediate --team that Linear does not have', ['immediate', '--team', 'NOPE'], 2, ['Unknown --team NOPE', 'Known teams: SUP'], { never: ['Nothing on the immediate list'] }),
  bad('immediate --team that is not a key', ['immediate', '--team', 'two words'], 2, ['--team TWO WORDS', 'Linear team key']),
  bad('immediate --json with --markdown', ['immediate', '--json', '--markdown'], 2, ['--json and --markdown', 'pass one of them']),
  bad('sandbox --port out of range', ['sandbox', '--port', '80'], 2, ['--port 80', 'use a port between 1024 and']),
  // Config files
  bad('--config that does not exist', ['new', ...BASE, '--config', 'nope.json'], 2, ['Config file not found: nope.json', '--config path']),
  bad('--config that is a JavaScript file', ['new', ...BASE, '--config', 'triage.config.js'], 2, ['only JSON and YAML', 'must not execute code'], { files: { 'triage.config.js': 'module.exports = {}' } }),
  bad('.triagerc.json with a trailing comma', ['new', ...BASE], 2, ['.triagerc.json:3:40: syntax error', 'trailing comma'], {
    files: { '.triagerc.json': '{\n  "linear": {\n    "states": { "prioritized": "Todo", }\n  }\n}\n' },
    never: ['while parsing'],
  }),
  bad('.triagerc.json cut short', ['new', ...BASE], 2, [/\.triagerc\.json:1:\d+: syntax error/], { files: { '.triagerc.json': '{ "routing": ' } }),
  bad('.triagerc.yaml with a broken list', ['new', ...BASE], 2, ['.triagerc.yaml:3:3: syntax error', 'YAML'], { files: { '.triagerc.yaml': 'linear:\n  states: [\n  - x\n' } }),
  bad('an empty config file', ['new', ...BASE], 2, ['is empty', '.triagerc.example.json'], { files: { '.triagerc.json': '' } }),
  bad('a config field that does not exist', ['new', ...BASE], 2, ['unknown field(s) "teams"', 'configuration reference'], { files: { '.triagerc.json': config({ teams: [] }) } }),
  bad('a repo that is not owner/name', ['new', ...BASE], 2, ['routing.default.github.repo', 'must be "owner/name"'], { files: { '.triagerc.json': config({}, { github: { repo: 'app' } }) } }),
  bad('a Linear team that does not exist', ['new', ...BASE], 2, ['Linear team "NOPE"', 'routing.default.linear.team'], { files: { '.triagerc.json': config({}, { linear: { team: 'NOPE' } }) } }),
  bad('a workflow state the team does not have', ['new', ...BASE], 2, ['no workflow state "Doing"', 'linear.states.prioritized'], { files: { '.triagerc.json': config({ linear: { states: { prioritized: 'Doing' } } }) } }),
  bad('a GitHub repo that does not exist', ['new', ...BASE], 2, ['GitHub repository acme/nope was not found', 'routing.default.github.repo'], { files: { '.triagerc.json': config({}, { github: { repo: 'acme/nope' } }) } }),
  bad('a template that does not parse', ['new', ...BASE], 2, ['templates.etaComment', 'not a valid template'], { files: { '.triagerc.json': config({ templates: { etaComment: '{{#open}} never closed' } }) } }),
  bad('an extra pattern that is not a regular expression', ['new', ...BASE], 2, ['redaction.extraPatterns.0.pattern', 'not a valid regular expression'], { files: { '.triagerc.json': config({ redaction: { extraPatterns: [{ kind: 'x', pattern: '([' }] } }) } }),
  bad('an ETA of -1 business days', ['new', ...BASE], 2, ['eta.businessDays.high'], { files: { '.triagerc.json': config({ eta: { businessDays: { high: -1 } } }) } }),
  bad('two priorities on one Pylon option', ['new', ...BASE], 2, ['pylon.priorityField.values', 'its own Pylon option'], { files: { '.triagerc.json': config({ pylon: { priorityField: { values: { urgent: 'high' } } } }) } }),
  bad('no config anywhere', ['new', ...BASE], 2, ['No triage config found', 'Copy .triagerc.example.json'], { files: { '.triagerc.json': null as unknown as string } }),
  // Environment
  bad('LINEAR_API_KEY unset', ['new', ...BASE], 4, ['LINEAR_API_KEY is not set', 'export LINEAR_API_KEY'], { env: { LINEAR_API_KEY: undefined } }),
  bad('GITHUB_TOKEN unset', ['new', ...BASE], 4, ['GITHUB_TOKEN or GH_TOKEN is not set', 'export GITHUB_TOKEN'], { env: { GITHUB_TOKEN: undefined } }),
  bad('PYLON_API_TOKEN unset with --pylon', ['new', ...BASE, '--pylon', '1030'], 4, ['PYLON_API_TOKEN is not set'], { env: { PYLON_API_TOKEN: undefined } }),
  bad('a Linear key that Linear rejects', ['new', ...BASE], 4, ['Linear rejected the API key in LINEAR_API_KEY', 'triage doctor'], { env: { LINEAR_API_KEY: WRONG_LINEAR_KEY } }),
  bad('a GitHub token that GitHub rejects', ['new', ...BASE], 4, ['GitHub rejected the token in GITHUB_TOKEN'], { env: { GITHUB_TOKEN: WRONG_GITHUB_TOKEN } }),
  bad('LINEAR_API_URL that is not a URL', ['new', ...BASE], 2, ['LINEAR_API_URL="not a url" is not a valid URL', 'unset it'], { env: { LINEAR_API_URL: 'not a url' } }),
  bad('GITHUB_API_URL without a scheme', ['new', ...BASE], 2, ['GITHUB_API_URL="api.github.com" is not a valid URL'], { env: { GITHUB_API_URL: 'api.github.com' } }),
  bad('PYLON_API_URL with another scheme', ['new', ...BASE, '--pylon', '1030'], 2, ['PYLON_API_URL="ftp://pylon.example" is not a valid URL'], { env: { PYLON_API_URL: 'ftp://pylon.example' } }),
  bad('LINEAR_API_URL where nothing listens', ['new', ...BASE], 1, ['Cannot reach Linear at http://127.0.0.1:4/graphql (connection refused). Check LINEAR_API_URL.'], { env: { LINEAR_API_URL: 'http://127.0.0.1:4/graphql' }, never: ['triageTeam', 'ECONNREFUSED'] }),
  bad('GITHUB_API_URL where nothing listens', ['new', ...BASE], 1, ['Cannot reach GitHub at http://127.0.0.1:4 (connection refused). Check GITHUB_API_URL.'], { env: { GITHUB_API_URL: 'http://127.0.0.1:4' } }),
  bad('PYLON_API_URL where nothing listens', ['new', ...BASE, '--pylon', '1030'], 1, ['Cannot reach Pylon at http://127.0.0.1:4 (connection refused). Check PYLON_API_URL.'], { env: { PYLON_API_URL: 'http://127.0.0.1:4' } }),
  bad('LINEAR_API_URL at a host that does not exist', ['immediate'], 1, ['Cannot reach Linear at http://linear.invalid/graphql (host not found). Check LINEAR_API_URL.'], { env: { LINEAR_API_URL: 'http://linear.invalid/graphql' } }),
  bad('TRIAGE_STATE_DIR below a file', ['new', ...BASE], 2, ['Cannot write to the state directory', 'TRIAGE_STATE_DIR'], { env: { TRIAGE_STATE_DIR: '@cwd/not-a-dir/state' }, files: { 'not-a-dir': 'a file' }, never: ['Unexpected error', 'mkdir'] }),
  // Service answers
  bad('Linear behind a proxy that answers an HTML 502 page', ['immediate'], 1, ['Linear at', 'HTTP 502', 'an HTML page titled "502 Bad Gateway"'], {
    faults: (e) => e.linear.server.injectFault({ match: () => true, times: 10, status: 502, headers: { 'content-type': 'text/html' }, body: HTML_PAGE }),
    never: ['<html', '<script', 'DOCTYPE'],
  }),
  bad('GitHub behind a proxy that answers an HTML 400 page', ['new', ...BASE], 1, ['GitHub repository lookup failed: HTTP 400', 'an HTML page titled "502 Bad Gateway"'], {
    faults: (e) => e.github.server.injectFault({ match: (r) => r.method === 'GET', times: 10, status: 400, headers: { 'content-type': 'text/html' }, body: HTML_PAGE }),
    never: ['<html', '<script'],
  }),
  bad('Pylon behind a proxy that answers an HTML 500 page', ['new', ...BASE, '--pylon', '1030'], 1, ['Pylon', 'HTTP 500', 'an HTML page titled "502 Bad Gateway"'], {
    faults: (e) => e.pylon!.server.injectFault({ match: () => true, times: 20, status: 500, headers: { 'content-type': 'text/html' }, body: HTML_PAGE }),
    never: ['<html', '<script'],
  }),
];

function without(args: string[], flag: string): string[] {
  const i = args.indexOf(flag);
  return i === -1 ? args : [...args.slice(0, i), ...args.slice(i + 2)];
}

/** The example config with top-level fields and default-route fields replaced. */
function config(top: Record<string, unknown>, route: { linear?: Record<string, unknown>; github?: Record<string, unknown> } = {}): string {
  return JSON.stringify({
    routing: { default: { linear: { team: 'SUP', ...route.linear }, github: { repo: 'acme/app', ...route.github } } },
    ...top,
  });
}

function snapshot(e: Emulators) {
  return {
    linearIssues: e.linear.state.issues.length,
    attachments: e.linear.state.attachments.length,
    githubIssues: Object.values(e.github.state.issues).reduce((n, list) => n + list.length, 0),
    githubComments: e.github.state.comments.length,
    pylonMessages: e.pylon!.state.messages.length,
    pylonLinks: e.pylon!.state.issues.reduce((n, i) => n + (i.external_issues?.length ?? 0), 0),
  };
}

const STACK = /^\s+at\s.+:\d+:\d+\)?$/m;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'triage-bad-inputs-'));
});

describe('every bad input gets a clear answer and files nothing', () => {
  it('covers at least 60 inputs', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS.map((row, i) => [row.name, i] as const))('%s', async (_name, index) => {
    const row = ROWS[index]!;
    const dir = join(root, `row-${index}`);
    const home = join(dir, 'home');
    const cwd = join(dir, 'work');
    await mkdir(home, { recursive: true });
    await mkdir(cwd, { recursive: true });
    const files = row.files ?? {};
    if (!('.triagerc.json' in files) && !('.triagerc.yaml' in files)) await copyFile(EXAMPLE, join(cwd, '.triagerc.json'));
    for (const [name, content] of Object.entries(files)) {
      if (content === null) continue;
      await mkdir(join(cwd, name, '..'), { recursive: true });
      await writeFile(join(cwd, name), content);
    }
    const env: Record<string, string> = { ...baseEnv(home), ...emu.env };
    for (const [key, value] of Object.entries(row.env ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value.replace('@cwd', cwd);
    }
    const before = snapshot(emu);
    row.faults?.(emu);
    let run;
    try {
      run = await runBin(row.args, { env, cwd, stdin: row.stdin ?? 'devnull', timeoutMs: 30_000 });
    } finally {
      for (const e of [emu.linear, emu.github, emu.pylon!]) e.server.clearFaults();
    }
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, run.stderr).toBe(row.code);
    for (const text of row.says) {
      if (typeof text === 'string') expect(run.stderr).toContain(text);
      else expect(run.stderr).toMatch(text);
    }
    for (const text of row.never ?? []) {
      if (typeof text === 'string') expect(run.stderr).not.toContain(text);
      else expect(run.stderr).not.toMatch(text);
    }
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr).not.toContain('Unexpected error');
    for (const token of [...Object.values(emu.tokens), WRONG_LINEAR_KEY, WRONG_GITHUB_TOKEN]) expect(output).not.toContain(token);
    expect(snapshot(emu)).toEqual(before);
  });
});
