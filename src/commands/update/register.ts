import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';
import type { UpdateFlags } from './options.js';

const EXAMPLES = `
Examples:
  # Draft an update for the customer(s) of SUP-12 from its current state (printed, not sent)
  $ triage update SUP-12

  # Post it as a reply on every Pylon ticket linked to SUP-12
  $ triage update SUP-12 --reply

  # Post it as an internal note instead, and get the result as JSON
  $ triage update SUP-12 --note --json

The draft follows the issue: its state (in progress, in the Backlog, done, cancelled), its priority, the
GitHub link, and the ETA triage posted on the GitHub issue. It is redacted with the GitHub policy and is
posted only with --reply or --note (journaled: a fault never posts it twice; finish with triage resume).
Templates: templates.customerUpdate.{status,done,canceled} in the config.
Exit codes: 0 ok, 1 failure, 2 usage (unknown issue, no Pylon ticket to post to), 3 posted part-way, 4 authentication.`;

export function registerUpdate(program: Command, setup: CommandSetup): void {
  program
    .command('update')
    .description("Draft the customer update for a Linear issue from its current state, and post it to its Pylon tickets")
    .argument('<issue>', 'the Linear issue identifier, e.g. SUP-12')
    .option('--reply', 'post the update as a reply to the customer on each linked Pylon ticket')
    .option('--note', 'post the update as an internal note on each linked Pylon ticket')
    .option('--json', 'print the draft (and what was posted) as JSON on stdout')
    .option('--config <path>', 'config file to use instead of searching for .triagerc')
    .addHelpText('after', EXAMPLES)
    .action(async (issue: string, flags: UpdateFlags) => {
      const { updateCommand } = await import('./command.js');
      await updateCommand(setup.context(), issue, flags);
    });
}
