import { fitHelp } from './help-fit.js';
import { Command, Option } from 'commander';
import type { CommandSetup } from './command-setup.js';
import { registerNew } from '../commands/new/register.js';
import { registerResume } from '../commands/resume/register.js';
import { registerRubric } from '../commands/rubric/register.js';
import { registerRedact } from '../commands/redact/register.js';
import { registerSync } from '../commands/sync/register.js';
import { registerSandbox } from '../commands/sandbox/register.js';
import { registerDoctor } from '../commands/doctor/register.js';
import { registerCompletion } from '../commands/completion/register.js';
import { registerUpdate } from '../commands/update/register.js';
import { registerImmediate } from '../commands/immediate/register.js';
import { registerFollowups } from '../commands/followups/register.js';
import { registerInbox } from '../commands/inbox/register.js';

export interface GlobalFlags {
  debug?: boolean;
  color?: boolean;
  sandbox?: boolean;
}

/**
 * The command tree. Each command module registers its flags here and loads its implementation with
 * `import()` only when it runs, so `triage --help` stays about as fast as starting Node.
 */
export function buildProgram(version: string, setup: CommandSetup, streams: { out: (s: string) => void; err: (s: string) => void; columns?: number }): Command {
  // commander writes only help, version and its own errors here: fitted to the width (prose stops at 100).
  const width = Math.min(Math.max(streams.columns ?? 80, 40), 100);
  const write = { out: (s: string) => streams.out(fitHelp(s, width)), err: (s: string) => streams.err(fitHelp(s, width)) };
  const program = new Command('triage')
    .description('Walks a support engineer through the support process: priority rubric, redaction, and linked Linear + GitHub filing.')
    .version(version, '-v, --version', 'print the version')
    .addOption(new Option('--debug', 'log requests (method, path, status, timing; never tokens or ticket text) to stderr'))
    .addOption(new Option('--no-color', 'turn colour off (NO_COLOR=1 does too; FORCE_COLOR=1 forces it)'))
    .addOption(new Option('--sandbox', 'run against the local demo workspace instead of real services (TRIAGE_SANDBOX=1 too)'))
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: write.out, writeErr: write.err })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Start here:
  $ triage new --sandbox          practise filing against a local demo workspace
  $ triage rubric                 the priority rubric and status rules in force

Environment: LINEAR_API_KEY, GITHUB_TOKEN (or GH_TOKEN), PYLON_API_TOKEN;
LINEAR_API_URL, GITHUB_API_URL, PYLON_API_URL override the endpoints.`,
  );
  registerInbox(program, setup);
  registerNew(program, setup);
  registerResume(program, setup);
  registerRedact(program, setup);
  registerRubric(program, setup);
  registerSync(program, setup);
  registerUpdate(program, setup);
  registerImmediate(program, setup);
  registerFollowups(program, setup);
  registerSandbox(program, setup);
  registerDoctor(program, setup);
  registerCompletion(program, setup);
  for (const command of program.commands) command.configureOutput({ writeOut: write.out, writeErr: write.err }).exitOverride();
  return program;
}
