import type { Argument, Command, Option } from 'commander';
import { offeredValues } from '../../cli/option-values.js';

/** What a flag's value completes to: nothing to offer (free text), file names, or a fixed list. */
export type ValueKind = { kind: 'text' } | { kind: 'files' } | { kind: 'words'; words: readonly string[] };

export interface FlagInfo {
  /** `--impact`, or `-v` for a short alias. */
  name: string;
  description: string;
  /** Undefined for a switch. */
  value?: ValueKind;
  /** May be given more than once (collected into a list). */
  repeatable: boolean;
}

export interface ArgInfo {
  name: string;
  words?: readonly string[];
}

export interface CommandInfo {
  name: string;
  description: string;
  flags: FlagInfo[];
  args: ArgInfo[];
}

/** The program as plain data for the completion scripts. */
export interface CompletionTree {
  program: string;
  /** Flags of the program itself: accepted before a command and after it. */
  global: FlagInfo[];
  commands: CommandInfo[];
}

// A value named like a path completes file names; any other value is free text.
const PATH_VALUE = /^[<[](path|file|dir|directory)(\.\.\.)?[>\]]$/;

function valueOf(option: Option): ValueKind | undefined {
  if (!option.required && !option.optional) return undefined;
  const words = offeredValues(option);
  if (words?.length) return { kind: 'words', words };
  const placeholder = option.flags.split(/[ ,|]+/).find((part) => /^[<[]/.test(part)) ?? '';
  return PATH_VALUE.test(placeholder) ? { kind: 'files' } : { kind: 'text' };
}

function flagsOf(options: readonly Option[]): FlagInfo[] {
  return options.flatMap((option) => {
    const value = valueOf(option);
    // A custom parser without fixed values is how this program collects repeatable flags (--label a --label b).
    const repeatable = Boolean(option.parseArg) && !option.argChoices;
    return [option.short, option.long]
      .filter((name): name is string => Boolean(name))
      .map((name) => ({ name, description: option.description, repeatable, ...(value ? { value } : {}) }));
  });
}

function argsOf(args: readonly Argument[]): ArgInfo[] {
  return args.map((arg) => {
    const words = offeredValues(arg);
    return { name: arg.name(), ...(words?.length ? { words } : {}) };
  });
}

/**
 * The command tree read from commander, with the help command and help flags commander adds itself, so
 * every command, flag and fixed value registered anywhere is completed without being listed here.
 */
export function describeTree(program: Command): CompletionTree {
  const help = program.createHelp();
  const subcommands = help.visibleCommands(program);
  const names = subcommands.map((c) => c.name());
  return {
    program: program.name(),
    global: flagsOf(help.visibleOptions(program)),
    commands: subcommands.map((command) => {
      const args = argsOf(command.registeredArguments);
      // `triage help <command>`: commander's own help command takes a command name.
      if (command.name() === 'help' && args[0] && !args[0].words) args[0] = { ...args[0], words: names.filter((n) => n !== 'help') };
      return {
        name: command.name(),
        description: command.description(),
        flags: flagsOf(help.visibleOptions(command)),
        args,
      };
    }),
  };
}

/** The flags a command accepts: its own, then the program's that it does not redefine. */
export function flagsFor(tree: CompletionTree, command: CommandInfo): FlagInfo[] {
  const own = new Set(command.flags.map((f) => f.name));
  return [...command.flags, ...tree.global.filter((f) => !own.has(f.name))];
}
