import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';

export interface InboxFlags {
  assignee?: string;
  unassigned?: boolean;
  all?: boolean;
  limit?: string;
  json?: boolean;
  config?: string;
}

const EXAMPLES = `
Examples:
  # Your open Pylon tickets that no Linear issue tracks yet, newest first
  $ triage inbox

  # Start the wizard from the newest of them
  $ triage new --pylon "$(triage inbox --json | jq -r '.tickets[0].number')"

  # Tickets nobody has picked up yet, for a script
  $ triage inbox --unassigned --json

"Yours" are the tickets assigned to the Pylon user with your Linear account's email (Pylon's API
tokens belong to the organization, not to a person); --assignee names someone else.
Exit codes: 0 ok, 1 failure, 2 usage or config error, 4 authentication.`;

export function registerInbox(program: Command, setup: CommandSetup): void {
  program
    .command('inbox')
    .description('Your open Pylon tickets not yet linked to Linear (newest first, with customer and age): what waits for triage')
    .option('--assignee <email>', "someone else's queue: their Pylon email or user id")
    .option('--unassigned', 'open tickets assigned to nobody')
    .option('--all', 'every open ticket not yet linked, whoever has it')
    .option('--limit <n>', 'show at most this many (default 20)')
    .option('--json', 'print the list as JSON on stdout')
    .option('--config <path>', 'config file to use instead of searching for .triagerc')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: InboxFlags) => {
      const { inboxCommand } = await import('./command.js');
      await inboxCommand(setup.context(), flags);
    });
}
