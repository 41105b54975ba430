import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/main.js';
import type { ContextInit } from '../../src/context.js';
import { WIDE } from './run-bin.js';
import { captureStreams } from './streams.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  home?: string;
  overrides?: Partial<ContextInit>;
  /** COLUMNS for the run; null leaves it unset, as a user's pipe has it (80). Default: wide, see baseEnv. */
  columns?: number | null;
}

export async function tempHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'triage-home-'));
}

/** Runs triage in-process with captured stdio: fast, and failures show both streams. */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
  const io = captureStreams(options.stdin === undefined ? {} : { stdin: options.stdin });
  const home = options.home ?? (await tempHome());
  const code = await main({
    argv,
    // Wide unless a test sets COLUMNS: what a message says, not where it wraps (see baseEnv).
    env: { ...(options.columns === null ? {} : { COLUMNS: options.columns === undefined ? WIDE : String(options.columns) }), ...options.env, TRIAGE_STATE_DIR: options.env?.TRIAGE_STATE_DIR ?? join(home, 'state') },
    cwd: options.cwd ?? home,
    streams: io.streams,
    platform: 'linux',
    home,
    overrides: { retryBaseMs: 5, githubWriteSpacingMs: 0, sleep: async () => {}, ...options.overrides },
  });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}
