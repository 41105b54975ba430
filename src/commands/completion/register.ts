import { Argument, type Command } from 'commander';
import { offers } from '../../cli/option-values.js';
import { SHELLS } from './shells.js';
import type { CommandSetup } from '../../cli/command-setup.js';

const EXAMPLES = `
Examples:
  # bash: add to ~/.bashrc
  $ source <(triage completion bash)

  # zsh: add to ~/.zshrc
  $ source <(triage completion zsh)

  # fish
  $ triage completion fish > ~/.config/fish/completions/triage.fish`;

export function registerCompletion(program: Command, setup: CommandSetup): void {
  program
    .command('completion')
    .description('Print a shell completion script for bash, zsh or fish')
    .addArgument(offers(new Argument('<shell>', 'bash, zsh or fish'), SHELLS))
    .addHelpText('after', EXAMPLES)
    .action(async (shell: string) => {
      const { completionCommand } = await import('./command.js');
      completionCommand(setup.context(), program, shell);
    });
}
