import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';

export interface ResumeFlags {
  json?: boolean;
  config?: string;
}

const EXAMPLES = `
Examples:
  # List filings that stopped part-way
  $ triage resume

  # Finish one (an unambiguous prefix of the id is enough)
  $ triage resume 3f0c2a

Filings are journaled under $XDG_STATE_HOME/triage/filings (TRIAGE_STATE_DIR overrides it).
Resuming never repeats a completed step and never creates a second issue, link or comment. A filing that
created nothing is planned again from the current config (a fixed repo, team or label takes effect).`;

export function registerResume(program: Command, setup: CommandSetup): void {
  program
    .command('resume')
    .description('Finish a filing that stopped part-way, or list the unfinished ones')
    .argument('[filing-id]', 'the filing to finish (an unambiguous prefix is enough)')
    .option('--json', 'print the result (or the list) as JSON on stdout')
    .option('--config <path>', 'config file to use instead of searching for .triagerc (a filing that created nothing is planned again with it)')
    .addHelpText('after', EXAMPLES)
    .action(async (id: string | undefined, flags: ResumeFlags) => {
      const { resumeCommand } = await import('./command.js');
      await resumeCommand(setup.context(), id, flags);
    });
}
