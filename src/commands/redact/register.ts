import { Option, type Command } from 'commander';
import { offers } from '../../cli/option-values.js';
import { REDACT_TARGETS } from './targets.js';
import type { CommandSetup } from '../../cli/command-setup.js';

export interface RedactFlags {
  file?: string;
  target?: string;
  customer?: string[];
  customerDomain?: string[];
  contact?: string[];
  term?: string[];
  json?: boolean;
  explain?: boolean;
  config?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  # Clean a log before pasting it anywhere
  $ kubectl logs api-7d9f | triage redact --customer "Globex Corporation" --customer-domain globex.com

  # The internal (Linear) policy keeps the customer's name
  $ triage redact --file ticket.txt --target linear --contact "Jane Doe <jane@globex.com>"

  # Why each thing was removed (stderr), the clean text still on stdout
  $ triage redact --file har.json --explain > clean.json

  # Findings as JSON (kinds and offsets, never the values): how many of each kind
  $ triage redact --file app.log --json | jq -r '.findings[].kind' | sort | uniq -c`;

export function registerRedact(program: Command, setup: CommandSetup): void {
  program
    .command('redact')
    .description('Strip secrets, personal data and customer identity from text (stdin or --file) and print the rest')
    .option('--file <path>', 'read this file instead of stdin')
    .addOption(offers(new Option('--target <target>', 'github (strict: may be public) or linear (internal: keeps the customer name)').default('github'), REDACT_TARGETS))
    .option('--customer <name>', 'customer (company) name to redact (repeatable)', collect)
    .option('--customer-domain <domain>', "customer's domain (repeatable)", collect)
    .option('--contact <contact>', 'a contact: email, name, or "Name <email>" (repeatable)', collect)
    .option('--term <text>', 'any other string to redact (repeatable)', collect)
    .option('--json', 'print {text, findings} as JSON; findings carry kind, offsets and replacement, never the value')
    .option('--explain', 'after the text, list on stderr each finding: where, kind, rule family and why (never the value)')
    .option('--config <path>', 'config file for extra patterns and the allow-list (optional)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: RedactFlags) => {
      const { redactCommand } = await import('./command.js');
      await redactCommand(setup.context(), flags);
    });
}
