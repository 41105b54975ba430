import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, PtySession } from '../support/pty.js';
import { baseEnv } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';

/**
 * The description step of the wizard: typed or pasted inline by default, whatever EDITOR says (npm exports
 * EDITOR=vi to every script it runs, so README's first command would otherwise open vi); the editor only when
 * the engineer asks for it, with Ctrl-E or TRIAGE_EDITOR=1.
 */

const WAIT_MS = 30_000;
const PROMPT = "The customer's report";
const FLAGS = ['new', '--sandbox', '--customer', 'Initech', '--type', 'complex', '--impact', 'performance'];

async function session(extraEnv: Record<string, string> = {}): Promise<{ s: PtySession; home: string }> {
  const home = await tempHome();
  const env = { ...baseEnv(home), TERM: 'xterm-256color', ...extraEnv };
  const s = new PtySession(FLAGS, { env, cwd: home });
  await s.expect('Title', WAIT_MS);
  s.line('Reports are slow');
  return { s, home };
}

/** An "editor" that appends a line to the file it is given, as a person would type it. */
async function appendingEditor(home: string): Promise<string> {
  const file = join(home, 'fake-editor.sh');
  await writeFile(file, '#!/bin/sh\nprintf "added in the editor\\n" >> "$1"\n');
  await chmod(file, 0o755);
  return file;
}

async function reviewShows(s: PtySession, ...texts: string[]): Promise<void> {
  await s.expect('Ready to file?', WAIT_MS);
  for (const text of texts) expect(s.text).toContain(text);
  s.write(KEY.ctrlC);
  expect(await s.exit(WAIT_MS)).toBe(130);
}

describe('the description in the wizard', () => {
  it('is typed inline with npm\'s EDITOR=vi in the environment and no choice made', async () => {
    const { s } = await session({ EDITOR: 'vi', npm_config_editor: 'vi', npm_lifecycle_event: 'npx' });
    await s.expect(PROMPT, WAIT_MS);
    await s.expect('Ctrl-E', WAIT_MS);
    s.line('Exports take minutes since Monday');
    s.line('Only for large accounts');
    s.line('');
    await reviewShows(s, 'Exports take minutes since Monday', 'Only for large accounts');
  }, 90_000);

  it('keeps every line typed faster than the screen redraws', async () => {
    const { s } = await session();
    await s.expect(PROMPT, WAIT_MS);
    s.write('first line\rsecond line\rthird line\rfourth line\r\r');
    await reviewShows(s, 'first line', 'second line', 'third line', 'fourth line');
  }, 90_000);

  it('keeps the blank lines of pasted text (bracketed paste); only an empty line typed ends it', async () => {
    const { s } = await session();
    await s.expect(PROMPT, WAIT_MS);
    s.write('\x1b[200~Pasted paragraph one\r\rPasted paragraph two\r\x1b[201~');
    s.write('typed after the paste\r');
    s.write('\r');
    await s.expect('Ready to file?', WAIT_MS);
    expect(s.text).toMatch(/Pasted paragraph one[\s\S]*Pasted paragraph two[\s\S]*typed after the paste/);
    s.write(KEY.ctrlC);
    expect(await s.exit(WAIT_MS)).toBe(130);
  }, 90_000);

  it('Ctrl-E hands what was typed to the editor the engineer set', async () => {
    const home = await tempHome();
    const editor = await appendingEditor(home);
    const env = { ...baseEnv(home), TERM: 'xterm-256color', EDITOR: editor };
    const s = new PtySession(FLAGS, { env, cwd: home });
    await s.expect('Title', WAIT_MS);
    s.line('Reports are slow');
    await s.expect(PROMPT, WAIT_MS);
    s.line('typed before the editor');
    s.write('\x05');
    await reviewShows(s, 'typed before the editor', 'added in the editor');
  }, 90_000);

  it('TRIAGE_EDITOR=1 opens the editor at once', async () => {
    const home = await tempHome();
    const editor = await appendingEditor(home);
    const env = { ...baseEnv(home), TERM: 'xterm-256color', EDITOR: editor, TRIAGE_EDITOR: '1' };
    const s = new PtySession(FLAGS, { env, cwd: home });
    await s.expect('Title', WAIT_MS);
    s.line('Reports are slow');
    await reviewShows(s, 'added in the editor');
  }, 90_000);

  it('Ctrl-C at the description files nothing and says so', async () => {
    const { s } = await session();
    await s.expect(PROMPT, WAIT_MS);
    s.line('half a sentence');
    s.write(KEY.ctrlC);
    expect(await s.exit(WAIT_MS)).toBe(130);
    expect(s.text).toMatch(/nothing was filed/);
  }, 90_000);
});

describe('triage new --json > file in a terminal', () => {
  it('runs the wizard on the terminal and writes only the JSON result to the file', async () => {
    const { default: pty } = await import('@lydell/node-pty');
    const { BIN } = await import('../support/run-bin.js');
    const { readFile } = await import('node:fs/promises');
    const { stripAnsi } = await import('../support/pty.js');
    const home = await tempHome();
    const out = join(home, 'result.json');
    const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const command = [process.execPath, BIN, ...FLAGS, '--json'].map(quote).join(' ') + ` > ${quote(out)}`;
    const proc = pty.spawn('/bin/sh', ['-c', command], { name: 'xterm-256color', cols: 80, rows: 24, cwd: home, env: { ...baseEnv(home), TERM: 'xterm-256color' } });
    let screen = '';
    proc.onData((d) => (screen += d));
    const exited = new Promise<number>((resolve) => proc.onExit(({ exitCode }) => resolve(exitCode)));
    const waitFor = async (text: string) => {
      const started = Date.now();
      while (!stripAnsi(screen).includes(text)) {
        if (Date.now() - started > WAIT_MS) throw new Error(`timed out waiting for ${text}:\n${stripAnsi(screen)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitFor('Title');
    proc.write('Reports are slow\r');
    await waitFor(PROMPT);
    proc.write('Exports take minutes\r\r');
    await waitFor('Ready to file?');
    proc.write('\r');
    expect(await exited).toBe(0);
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result.ok).toBe(true);
    expect(result.linear.url).toMatch(/^https?:\/\//);
  }, 90_000);
});
