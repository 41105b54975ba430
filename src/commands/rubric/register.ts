import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';

export interface RubricFlags {
  json?: boolean;
  config?: string;
}

export function registerRubric(program: Command, setup: CommandSetup): void {
  program
    .command('rubric')
    .description('Show the priority rubric and status rules in force (from your config, or the defaults)')
    .option('--json', 'print the rubric as JSON on stdout')
    .option('--config <path>', 'config file to use instead of searching for .triagerc')
    .addHelpText('after', '\nExamples:\n  $ triage rubric\n  $ triage rubric --json | jq -r \'.impacts[] | select(.priority == "urgent") | .value\'')
    .action(async (flags: RubricFlags) => {
      const { rubricCommand } = await import('./command.js');
      await rubricCommand(setup.context(), flags);
    });
}
