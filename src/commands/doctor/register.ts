import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';

export interface DoctorFlags {
  json?: boolean;
  config?: string;
}

export function registerDoctor(program: Command, setup: CommandSetup): void {
  program
    .command('doctor')
    .description('Check the set-up: config, tokens, and that the teams, states, labels, repos and fields it names exist')
    .option('--json', 'print the checks as JSON on stdout')
    .option('--config <path>', 'config file to check instead of searching for .triagerc')
    .addHelpText('after', '\nExamples:\n  $ triage doctor\n  $ triage doctor --sandbox\n  $ triage doctor --json | jq \'.checks[] | select(.ok | not)\'\n\nExit code 0 only when every check passes.')
    .action(async (flags: DoctorFlags) => {
      const { doctorCommand } = await import('./command.js');
      await doctorCommand(setup.context(), flags);
    });
}
