import { Option, type Command } from 'commander';
import { offers } from '../../cli/option-values.js';
import { PRIORITIES, PRIORITY_SOURCES } from '../../core/priority.js';
import { REQUEST_TYPES } from '../../core/request-type.js';
import { DEFAULT_RUBRIC } from '../../core/rubric.js';
import type { CommandSetup } from '../../cli/command-setup.js';
import type { NewFlags } from './options.js';

// The built-in rubric's impacts: a team's own rubric (config) is read only when a command runs, not when the shell completes.
const BUILT_IN_IMPACTS = DEFAULT_RUBRIC.impacts.map((impact) => impact.value);

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  # File a complex issue: Linear + GitHub, linked, with an ETA comment
  $ triage new --title "Export to CSV times out for large workspaces" \\
      --body-file ticket.txt --type complex --impact core-broken \\
      --customer "Globex Corporation" --customer-domain globex.com \\
      --area exports

  # See exactly what would be filed (redacted), without credentials
  $ triage new --title "Dark mode for reports" --body "Dark mode, please" \\
      --type feature --impact nice-to-have --customer "Initech" --dry-run

  # Override the rubric (a reason is required); JSON for a script
  $ cat ticket.txt | triage new --title "Login loop on SSO" \\
      --body-file - --type quick-fix --priority urgent \\
      --reason "CEO demo in an hour" --customer "Umbrella" --json

  # Start from Pylon ticket #4812: Pylon's priority follows the rubric,
  # both sides are linked; --reply posts the customer update on the
  # ticket (--note: as an internal note)
  $ triage new --pylon 4812 --type complex --impact significant-bug \\
      --reply --json

  # A feature request joins an open ticket: comments on SUP-12 and its
  # GitHub issue, records the customer as asking for it; no new ticket
  $ triage new --pylon 4813 --type feature --impact workflow-blocker \\
      --append-to SUP-12

  # A feature request like open tickets stops (exit 2, listing them);
  # --new files it anyway (also for a Pylon ticket already linked)
  $ triage new --title "Export dashboards to PDF" --body "..." \\
      --type feature --impact nice-to-have --customer Initech --new

  # With github.skipForQuickFix set, --github files the GitHub issue
  $ triage new --title "Typo on invoices" --body "..." \\
      --type quick-fix --impact polish --customer Initech --github

  # An Urgent filing pages on-call (oncall.page) once the Linear issue
  # exists; --no-page skips it and records why on the Linear issue
  $ triage new --pylon 4814 --type quick-fix --impact outage \\
      --no-page-reason "on-call already on the bridge"

  # In a terminal, plain \`triage new\` asks for everything it needs
  $ triage new

Feature requests are compared with the routed team's open Linear issues
(and the repo's open GitHub issues) first; a match with score >= 0.5
sharing two or more words is "strong" (see README). After every filing
the customer update is drafted (stderr; "customerUpdate" in --json); it
is posted only with --reply or --note, or when the wizard asks.
Impacts (--impact) and the priority each earns: run \`triage rubric\`.
Exit codes: 0 filed, 1 failure, 2 usage or config error, 3 partially
filed, 4 authentication, 130 cancelled. 3 also when an Urgent filing's
page did not go out (finish it with triage resume); 2 also when a
scripted feature request has strong candidates and neither --append-to
nor --new, or when the --pylon ticket is already linked.`;

export function registerNew(program: Command, setup: CommandSetup): void {
  program
    .command('new')
    .description('File a customer request: applies the priority rubric, redacts, and creates a linked Linear issue and GitHub issue')
    .option('--pylon <ticket>', 'start from a Pylon ticket (its id or number): prefills title, report, customer, contacts, priority')
    .addOption(offers(new Option('--priority-source <side>', 'with --pylon, which priority stands when the rubric and Pylon disagree: rubric (default) or pylon'), PRIORITY_SOURCES))
    .option('--title <text>', 'issue title')
    .option('--body <text>', "the customer's report")
    .option('--body-file <path>', 'read the report from a file ("-" for stdin)')
    .addOption(offers(new Option('--type <type>', 'request type: quick-fix, complex or feature'), REQUEST_TYPES))
    .addOption(offers(new Option('--impact <impact>', 'the rubric impact (e.g. outage, core-broken, performance, polish)'), BUILT_IN_IMPACTS))
    .addOption(offers(new Option('--priority <priority>', 'set the priority by hand: urgent, high, medium or low (needs --reason)'), PRIORITIES))
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
    .option('--github', 'file the GitHub issue even for a quick fix when github.skipForQuickFix is set')
    .option('--no-github', 'file in Linear only (with --append-to: no comment on the GitHub issue)')
    .option('--append-to <issue>', 'feature requests: add this request to an existing Linear issue (e.g. SUP-12) instead of a new ticket')
    .option('--new', 'file a new pair although similar open tickets exist (features) or the Pylon ticket is already linked')
    .option('--reply', 'with --pylon: post the customer update as a reply on the Pylon ticket')
    .option('--note', 'with --pylon: post the customer update as an internal note on the Pylon ticket')
    .option('--no-page', 'an Urgent filing does not page on-call (oncall.page); the reason is recorded on the Linear issue')
    .option('--no-page-reason <text>', 'why on-call is not paged (implies --no-page; the wizard asks when it is missing)')
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
