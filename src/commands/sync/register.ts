import { Option, type Command } from 'commander';
import { offers } from '../../cli/option-values.js';
import { DIRECTIONS } from './options.js';
import type { CommandSetup } from '../../cli/command-setup.js';
import type { SyncFlags } from './options.js';

const EXAMPLES = `
Examples:
  # See what is out of line between Pylon and Linear, change nothing
  $ triage sync --dry-run

  # Apply the plan without asking (cron, CI); Linear follows Pylon
  $ triage sync --yes

  # Let changes made in Linear flow back to Pylon too
  $ triage sync --direction both --yes

  # A scheduled check: exit 1 when anything is out of line
  $ triage sync --check --since 7d

  # Plan and results as JSON for a script
  $ triage sync --yes --json > sync.json

How it decides (per pair, against the last priority both sides agreed on, kept in the Linear
attachment that links the ticket): changed only in Pylon → Linear follows; changed only in Linear →
drift, Pylon follows only with --direction both; changed on both → conflict, never touched; never
synced → the source of truth (pylon.sync.sourceOfTruth, default Pylon) wins.

With oncall.resolveOnDone, a run that may write also resolves the PagerDuty
incidents of paged filings (in this machine's journal) whose Linear issue is
now Done or Canceled.

Needs PYLON_API_TOKEN and LINEAR_API_KEY.
Exit codes: 0 ok, 1 a change failed or --check found something out of line, 2 usage or config error
(or changes to apply with no terminal and no --yes), 4 authentication, 130 cancelled.`;

export function registerSync(program: Command, setup: CommandSetup): void {
  program
    .command('sync')
    .description('Keep priorities aligned between Pylon tickets and their linked Linear issues (three-way, never bounces)')
    .option('--since <when>', 'also sync closed tickets updated since: 30d, 12h, 2w or a date (default: pylon.sync.since, 30d)')
    .addOption(offers(new Option('--direction <direction>', 'pylon-to-linear (default) or both: whether changes made in Linear are written to Pylon'), DIRECTIONS))
    .option('--dry-run', 'show the plan; change nothing')
    .option('--yes', 'apply without asking')
    .option('--check', 'exit 1 when anything is out of line (with --yes: after applying what it can)')
    .option('--json', 'print the plan and the results as JSON on stdout')
    .option('--config <path>', 'config file to use instead of searching for .triagerc')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: SyncFlags) => {
      const { syncCommand } = await import('./command.js');
      await syncCommand(setup.context(), flags);
    });
}
