import { CancelledError } from '../errors.js';
import { throwIfInterrupted } from './interrupts.js';
import type { Streams } from './io.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

/** The questions triage can ask. Commands depend on this, never on the prompt library, so tests can script it. */
export interface Prompter {
  select<T extends string>(message: string, choices: ReadonlyArray<Choice<T>>, options?: { default?: T }): Promise<T>;
  input(message: string, options?: { default?: string; required?: boolean; validate?: (value: string) => string | true }): Promise<string>;
  confirm(message: string, options?: { default?: boolean }): Promise<boolean>;
  /** Multi-line text: the engineer's $EDITOR when set, else typed in the terminal. */
  editor(message: string, options?: { default?: string; postfix?: string }): Promise<string>;
}

/** @inquirer/prompts bound to the context's streams: prompts are drawn on stderr so stdout stays data. */
export function createInquirerPrompter(streams: Streams, env: Readonly<Record<string, string | undefined>>, signal?: AbortSignal): Prompter {
  // A SIGTERM (or Ctrl-C outside raw mode) ends the prompt: the run then stops and says what it did.
  const context = { input: streams.stdin, output: streams.stderr, clearPromptOnDone: false, ...(signal ? { signal } : {}) };
  const load = () => import('@inquirer/prompts');
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        if (signal) throwIfInterrupted(signal);
        throw new CancelledError('Cancelled');
      }
      throw error;
    }
  };
  const hasEditor = Boolean(env.VISUAL || env.EDITOR);

  return {
    async select(message, choices, options) {
      const { select } = await load();
      return guard(() =>
        select({ message, choices: choices.map((c) => ({ ...c })), default: options?.default, pageSize: 12, loop: false }, context),
      );
    },
    async input(message, options) {
      const { input } = await load();
      return guard(() =>
        input({ message, default: options?.default, required: options?.required, validate: options?.validate }, context),
      );
    },
    async confirm(message, options) {
      const { confirm } = await load();
      return guard(() => confirm({ message, default: options?.default }, context));
    },
    async editor(message, options) {
      const { editor, input } = await load();
      if (hasEditor) {
        return guard(() => editor({ message, default: options?.default, postfix: options?.postfix ?? '.md', waitForUserInput: false }, context));
      }
      return guard(() => readLines(input, message, options?.default, context));
    },
  };
}

/**
 * Without an editor the description is typed line by line; an empty line ends it. Keyboard only, no mouse,
 * and it fits an 80-column terminal.
 */
async function readLines(
  input: typeof import('@inquirer/prompts').input,
  message: string,
  initial: string | undefined,
  context: object,
): Promise<string> {
  const lines: string[] = [];
  const first = await input({ message: `${message} (finish with an empty line)`, default: initial?.split('\n')[0] }, context);
  if (!first.trim()) return initial ?? '';
  lines.push(first);
  for (;;) {
    const line = await input({ message: '…' }, context);
    if (!line.trim()) break;
    lines.push(line);
  }
  return lines.join('\n');
}
