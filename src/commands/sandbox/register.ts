import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';

export interface SandboxFlags {
  reset?: boolean;
  port?: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  # Practise without any account: files into a local demo workspace
  $ triage new --sandbox

  # Keep the demo services running and point other shells at them
  $ triage sandbox
  $ triage sandbox --reset      # start again from the demo workspace

The sandbox keeps its state in $XDG_STATE_HOME/triage/sandbox between runs. Its tokens are fixed
demo values, and its links point at *.sandbox.invalid: nothing reaches a real service.`;

export function registerSandbox(program: Command, setup: CommandSetup): void {
  program
    .command('sandbox')
    .description('Run local emulators of Linear, GitHub and Pylon with a demo workspace, for practice and trials')
    .option('--reset', 'throw away the saved sandbox state and start from the demo workspace')
    .option('--port <port>', 'first of five ports to listen on (Linear, GitHub, Pylon, PagerDuty, Slack)', '4680')
    .option('--json', 'print the endpoints and tokens as JSON on stdout once started')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: SandboxFlags) => {
      const { sandboxCommand } = await import('./command.js');
      await sandboxCommand(setup.context(), flags);
    });
}
