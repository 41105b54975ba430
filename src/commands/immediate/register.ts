import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';
import type { ImmediateFlags } from './options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  # The sprint-planning list: open Urgent, High and Medium issues of the configured teams
  $ triage immediate

  # Only team SUP, as a Markdown table to paste into the planning doc
  $ triage immediate --team SUP --markdown > immediate.md

  # As JSON for a script (counts per priority, every issue with its customers and GitHub link)
  $ triage immediate --json | jq '.issues[] | select(.customers > 1) | .identifier'

Ordered by priority (Urgent, High, Medium), then age (oldest first). "Asks" counts the customers
asking: each customer with a Linear customer request once, plus each linked Pylon ticket no request
accounts for. Reads a page of 100 issues per request, never one request per issue.
Exit codes: 0 ok, 1 failure, 2 usage or config error, 4 authentication.`;

export function registerImmediate(program: Command, setup: CommandSetup): void {
  program
    .command('immediate')
    .description('The sprint-planning list: open Urgent, High and Medium issues by priority then age, with customers asking and GitHub links')
    .option('--team <key>', 'only this Linear team (repeatable; default: every team the routing config names)', collect)
    .option('--markdown', 'print a Markdown table (to paste into the planning doc)')
    .option('--json', 'print the list as JSON on stdout')
    .option('--config <path>', 'config file to use instead of searching for .triagerc')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ImmediateFlags) => {
      const { immediateCommand } = await import('./command.js');
      await immediateCommand(setup.context(), flags);
    });
}
