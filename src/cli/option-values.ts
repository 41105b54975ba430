import type { Argument, Option } from 'commander';

/**
 * The fixed values an option or argument takes, kept with it so shell completion is generated from the command
 * tree. Not commander's `.choices()`: that would reject values before the command sees them, and the commands
 * accept more than the list (`--priority High`, a team's own rubric impacts) and say what is valid in their own
 * words. Commander's `argChoices`, where someone does use `.choices()`, count too.
 */
const VALUES = new WeakMap<Option | Argument, readonly string[]>();

export function offers<T extends Option | Argument>(target: T, values: readonly string[]): T {
  VALUES.set(target, values);
  return target;
}

export function offeredValues(target: Option | Argument): readonly string[] | undefined {
  return VALUES.get(target) ?? target.argChoices;
}
