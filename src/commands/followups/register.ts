import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';
import type { FollowupsFlags } from './options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  # The customers of your issues who are owed an update, each with a drafted update
  $ triage followups

  # The whole team, as a table for the stand-up
  $ triage followups --team SUP --markdown

  # A scheduled job: exit 1 when anyone is owed an update
  $ triage followups --all --check --json

  # Post the drafts (asks reply or note per row in a terminal), or just one ticket's, as an internal note
  $ triage followups --post
  $ triage followups --post --ticket 1041 --note

Owed an update: the issue became Done or Canceled since the customer was last updated, its ETA (triage's ETA
comment on the GitHub issue) has passed, its priority or state changed, or it is Urgent and the customer has
heard nothing for followups.staleUrgentHours. The time and what was said are recorded on the Linear
attachment of each Pylon ticket, so every runner agrees, and a posted update is never posted twice.
With oncall.resolveOnDone, the PagerDuty incidents of paged filings whose issue is Done or Canceled are resolved.
Exit codes: 0 ok, 1 owed updates with --check (or a post failed), 2 usage, 3 posted part-way, 4 authentication.`;

export function registerFollowups(program: Command, setup: CommandSetup): void {
  program
    .command('followups')
    .description('The customers owed an update (done, cancelled, ETA passed, priority or state changed, stale Urgent), with drafts')
    .option('--team <key>', "a Linear team's linked tickets instead of your issues' (repeatable)", collect)
    .option('--all', 'every linked ticket, whoever the issue is assigned to')
    .option('--ticket <number>', 'only this Pylon ticket (repeatable)', collect)
    .option('--post', 'post each draft to its Pylon ticket (journaled, never twice)')
    .option('--reply', 'with --post: as replies to the customer')
    .option('--note', 'with --post: as internal notes')
    .option('--check', 'exit 1 when anyone is owed an update')
    .option('--markdown', 'print a Markdown table (for a stand-up doc)')
    .option('--json', 'print the list as JSON on stdout')
    .option('--config <path>', 'config file to use instead of searching for .triagerc')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: FollowupsFlags) => {
      const { followupsCommand } = await import('./command.js');
      await followupsCommand(setup.context(), flags);
    });
}
