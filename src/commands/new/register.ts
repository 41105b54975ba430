import type { Command } from 'commander';
import type { CommandSetup } from '../../cli/command-setup.js';
import type { NewFlags } from './options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  # File a complex issue: Linear + GitHub, linked, with an ETA comment
  $ triage new --title "Export to CSV times out for large workspaces" \\
      --body-file ticket.txt --type complex --impact core-broken \\
      --customer "Globex Corporation" --customer-domain globex.com --area exports

  # See exactly what would be filed (redacted), without credentials or network
  $ triage new --title "Dark mode for reports" --body "Customer asks for dark mode" \\
      --type feature --impact nice-to-have --customer "Initech" --dry-run

  # Override the rubric (a reason is required) and print JSON for a script
  $ cat ticket.txt | triage new --title "Login loop on SSO" --body-file - --type quick-fix \\
      --priority urgent --reason "CEO demo in an hour" --customer "Umbrella" --json

  # Start from Pylon ticket #4812; Pylon's priority is updated to the rubric's, and both are linked back
  $ triage new --pylon 4812 --type complex --impact significant-bug --json

  # In a terminal, plain \`triage new\` asks for everything it needs
  $ triage new

Impacts (--impact) and the priority each earns: run \`triage rubric\`.
Exit codes: 0 filed, 1 failure, 2 usage or config error, 3 partially filed, 4 authentication, 130 cancelled.`;

export function registerNew(program: Command, setup: CommandSetup): void {
  program
    .command('new')
    .description('File a customer request: applies the priority rubric, redacts, and creates a linked Linear issue and GitHub issue')
    .option('--pylon <ticket>', 'start from a Pylon ticket (its id or number): prefills title, report, customer, contacts, priority')
    .option('--priority-source <side>', 'with --pylon, which priority stands when the rubric and Pylon disagree: rubric (default) or pylon')
    .option('--title <text>', 'issue title')
    .option('--body <text>', "the customer's report")
    .option('--body-file <path>', 'read the report from a file ("-" for stdin)')
    .option('--type <type>', 'request type: quick-fix, complex or feature')
    .option('--impact <impact>', 'the rubric impact (e.g. outage, core-broken, performance, polish)')
    .option('--priority <priority>', 'set the priority by hand: urgent, high, medium or low (needs --reason)')
    .option('--reason <text>', 'why the priority is set by hand')
    .option('--customer <name>', 'customer (company) name: kept in Linear, never sent to GitHub')
    .option('--customer-domain <domain>', "customer's domain, redacted everywhere it appears (repeatable)", collect)
    .option('--contact <contact>', 'a contact: email, name, or "Name <email>" (repeatable)', collect)
    .option('--term <text>', 'any other string that must not leave this machine (repeatable)', collect)
    .option('--area <area>', 'product area, used for routing (e.g. exports)')
    .option('--label <name>', 'extra label for both issues (repeatable)', collect)
    .option('--steps <text>', 'steps to reproduce')
    .option('--expected <text>', 'expected behaviour')
    .option('--actual <text>', 'actual behaviour')
    .option('--eta <when>', 'estimated completion: YYYY-MM-DD or business days like 3d (default: the ETA policy)')
    .option('--no-github', 'file in Linear only')
    .option('--dry-run', 'show what would be filed (redacted); no network, no credentials')
    .option('--json', 'print the result as JSON on stdout')
    .option('--yes', 'do not ask for confirmation')
    .option('--no-input', 'never prompt; fail if a required flag is missing')
    .option('--config <path>', 'config file to use instead of searching for .triagerc')
    .option('--recover <file>', 'start from a draft saved when an earlier run was cancelled')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: NewFlags) => {
      const { newCommand } = await import('./command.js');
      await newCommand(setup.context(), flags);
    });
}
