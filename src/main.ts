import type { Streams } from './cli/io.js';
import { colorLevel, pipedColumns } from './cli/io.js';
import { fileSystemError } from './cli/fs-errors.js';
import { wrapBlock, wrapWords } from './cli/text-wrap.js';
import { resolvePaths } from './cli/paths.js';
import { buildProgram, type GlobalFlags } from './cli/program.js';
import { Context, type ContextInit } from './context.js';
import type { Interrupts } from './cli/interrupts.js';
import { CandidatesFoundError, errorCode, ExitCode, PartialFilingError, TriageError } from './errors.js';
import { readVersion } from './version.js';
import type { Env } from './services/credentials.js';
import type { OpenSandbox } from './sandbox/open-sandbox.js';

export interface MainInput {
  argv: string[];
  env: Env;
  cwd: string;
  streams: Streams;
  platform: NodeJS.Platform;
  home: string;
  /** Resolves on Ctrl-C / SIGTERM; for long-running commands (`triage sandbox`). */
  waitForInterrupt?: () => Promise<void>;
  processInfo?: { pid: number; isAlive(pid: number): boolean };
  /** Aborts on the first SIGINT/SIGTERM (bin/triage.js); filings stop between steps and report what exists. */
  interrupts?: Interrupts;
  /** For in-process tests: anything the Context accepts beyond the basics. */
  overrides?: Partial<ContextInit>;
}

/**
 * The one place that turns a run into an exit code. Commands throw typed errors; this prints them
 * (message, then a hint) on stderr and returns the documented code.
 */
export async function main(input: MainInput): Promise<number> {
  const { streams, env } = input;
  let context: Context | undefined;
  let debug = false;
  let noColor = false;
  let sandbox: OpenSandbox | undefined;
  const paths = resolvePaths({ env, platform: input.platform, home: input.home });
  const setup = {
    context(): Context {
      context ??= new Context({
        streams,
        env: sandbox ? { ...env, ...sandbox.env } : env,
        cwd: input.cwd,
        paths,
        colorLevel: colorLevel({ env, isTTY: Boolean(streams.stderr.isTTY), noColorFlag: noColor }),
        debug,
        ...(sandbox ? { config: sandbox.config, services: sandbox.services } : {}),
        ...(input.waitForInterrupt ? { waitForInterrupt: input.waitForInterrupt } : {}),
        ...(input.processInfo ? { processInfo: input.processInfo } : {}),
        ...(input.interrupts ? { interrupts: input.interrupts } : {}),
        ...input.overrides,
      });
      return context;
    },
  };
  const program = buildProgram(readVersion(), setup, {
    out: (s) => streams.stdout.write(s),
    err: (s) => streams.stderr.write(s),
    // The terminal's width, or for a pipe COLUMNS (else 80), as every other command's output.
    columns: streams.stdout.isTTY && streams.stdout.columns ? streams.stdout.columns : pipedColumns(env),
  });
  program.hook('preAction', async (root, action) => {
    const flags = root.opts<GlobalFlags>();
    debug = Boolean(flags.debug) || env.TRIAGE_DEBUG === '1';
    noColor = flags.color === false;
    const wantsSandbox = Boolean(flags.sandbox) || env.TRIAGE_SANDBOX === '1';
    if (wantsSandbox && action.name() !== 'sandbox') {
      const { openSandbox } = await import('./sandbox/open-sandbox.js');
      sandbox = await openSandbox({ stateDir: paths.stateDir, fetch: input.overrides?.fetch ?? globalThis.fetch });
    }
  });

  try {
    await program.parseAsync(input.argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    const ctx = setup.context();
    const failure = fileSystemError(error, paths.stateDir) ?? error;
    const code = report(failure, ctx, debug);
    if (wantsJson(input.argv) && !ctx.io.wroteJson) ctx.io.json(failureJson(failure));
    return code;
  } finally {
    await sandbox?.close();
  }
}

function report(error: unknown, ctx: Context, debug: boolean): number {
  const { io } = ctx;
  const c = io.color;
  const commander = error as { code?: string; exitCode?: number };
  if (typeof commander.code === 'string' && commander.code.startsWith('commander.')) {
    // Help and version are successes; commander already printed its own message for the rest.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(commander.code)) return ExitCode.ok;
    return ExitCode.usage;
  }
  if (error instanceof TriageError) {
    io.err(io.marked(c.red('✗'), error.message));
    if (error instanceof PartialFilingError) {
      const under = ' '.repeat(11);
      for (const item of error.created) io.err(wrapWords(`${item.what}${item.url ? `  ${item.url}` : ''}`, io.errProse, under, `  ${c.green('created')}  `).join('\n'));
      for (const item of error.pending) io.err(wrapWords(item, io.errProse, under, `  ${c.yellow('pending')}  `).join('\n'));
    }
    if (error.hint) io.err(c.dim(wrapBlock(error.hint, io.errProse)));
    if (debug && error.cause instanceof Error) io.debug(`caused by ${error.cause.name}: ${error.cause.message.split('\n')[0]}`);
    return error.exitCode;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  io.err(io.marked(c.red('✗'), `Unexpected error: ${err.message.split('\n')[0]}`));
  if (debug && err.stack) io.debug(err.stack);
  else io.err(c.dim('Run again with --debug for details.'));
  return ExitCode.failure;
}

/** `--json` anywhere before a `--`: the command was asked for data, so a failure is data too. */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * The one object `--json` prints on a failed exit (README, "Scripted use"): what went wrong, and for a filing that
 * stopped part-way its id, what exists, what is left and the command that finishes it. Messages hold no tokens.
 */
export function failureJson(error: unknown) {
  const triage = error instanceof TriageError ? error : undefined;
  const message = triage ? triage.message : `Unexpected error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  const partial = error instanceof PartialFilingError ? error : undefined;
  return {
    ok: false,
    error: { code: errorCode(error), message, hint: triage?.hint ?? null },
    filingId: partial?.filingId ?? null,
    created: partial ? partial.created.map((c) => ({ what: c.what, url: c.url ?? null })) : [],
    pending: partial ? [...partial.pending] : [],
    resume: partial?.filingId ? `triage resume ${partial.filingId}` : null,
    ...(error instanceof CandidatesFoundError ? { choiceNeeded: true, candidates: error.candidates } : {}),
  };
}
