import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BinOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Text piped to stdin; `null` closes stdin at once; `'devnull'` connects /dev/null. */
  stdin?: string | null | 'devnull';
  timeoutMs?: number;
}

/**
 * A minimal environment: nothing from the developer's shell (tokens, config) leaks into a test. COLUMNS is
 * wide so that tests of what a message says need not follow where it wraps; the tests of layout
 * (fits-80-columns, the pty screens) run at the widths they measure.
 */
export function baseEnv(home: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, NO_COLOR: '1', TRIAGE_STATE_DIR: `${home}/state`, COLUMNS: WIDE };
}

/** See baseEnv. */
export const WIDE = '1000';

/** baseEnv as a user's pipe has it: no COLUMNS, so output is laid out to 80 columns. */
export function pipedEnv(home: string): Record<string, string> {
  const { COLUMNS: _wide, ...env } = baseEnv(home);
  return env;
}

/** Runs the built binary as a real process; fails the test rather than hang. */
export function runBin(args: string[], options: BinOptions = {}): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const stdinMode = options.stdin === 'devnull' ? 'ignore' : 'pipe';
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: options.env ?? {},
      stdio: [stdinMode, 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += String(d)));
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`triage ${args.join(' ')} did not finish within ${options.timeoutMs ?? 20_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (child.stdin) {
      if (typeof options.stdin === 'string' && options.stdin !== 'devnull') child.stdin.end(options.stdin);
      else child.stdin.end();
    }
  });
}
