import { CancelledError } from '../errors.js';
import { throwIfInterrupted } from './interrupts.js';
import type { Streams } from './io.js';
import { colourlessOutput } from './colourless-output.js';
import { readMultiline } from './multiline-input.js';
import { runPager } from './pager.js';

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
  /**
   * Multi-line text, typed or pasted in the terminal; the engineer's editor only when they ask for it (Ctrl-E
   * at the prompt, or TRIAGE_EDITOR=1). An EDITOR in the environment alone is no such choice: npm exports
   * EDITOR=vi to everything it runs, so `npx triage new` would drop a newcomer into vi.
   */
  editor(message: string, options?: { default?: string; postfix?: string }): Promise<string>;
  /** Long text to read, one screen at a time (a pager), or printed whole where there is none. */
  page(text: string): Promise<void>;
}

/** @inquirer/prompts bound to the context's streams: prompts are drawn on stderr so stdout stays data. */
export function createInquirerPrompter(
  streams: Streams,
  env: Readonly<Record<string, string | undefined>>,
  options: { signal?: AbortSignal; colour: boolean },
): Prompter {
  const { signal } = options;
  // A SIGTERM (or Ctrl-C outside raw mode) ends the prompt: the run then stops and says what it did.
  // A getter: a prompt ends its output stream when it is done, so each one gets a fresh colourless view.
  const context = {
    input: streams.stdin,
    get output() {
      return options.colour ? streams.stderr : colourlessOutput(streams.stderr);
    },
    clearPromptOnDone: false,
    ...(signal ? { signal } : {}),
  };
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
  const editorChosen = ['1', 'true', 'yes'].includes((env.TRIAGE_EDITOR ?? '').trim().toLowerCase());
  const hasEditor = Boolean(env.VISUAL?.trim() || env.EDITOR?.trim());

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
      const { editor } = await load();
      const openEditor = (text: string | undefined) =>
        guard(() => editor({ message, default: text, postfix: options?.postfix ?? '.md', waitForUserInput: false }, context));
      if (editorChosen && hasEditor) return openEditor(options?.default);
      const typed = await readMultiline({ stdin: streams.stdin, stderr: streams.stderr, message, ...(options?.default !== undefined ? { initial: options.default } : {}), ...(signal ? { signal } : {}) });
      if (typed.kind === 'cancelled') {
        if (signal) throwIfInterrupted(signal);
        throw new CancelledError('Cancelled');
      }
      if (typed.kind === 'text') return typed.text;
      if (hasEditor) return openEditor(typed.text);
      streams.stderr.write('No editor is set (export VISUAL or EDITOR); go on typing here.\n');
      const more = await readMultiline({ stdin: streams.stdin, stderr: streams.stderr, message, ...(typed.text ? { initial: typed.text } : {}), ...(signal ? { signal } : {}) });
      if (more.kind === 'cancelled') throw new CancelledError('Cancelled');
      return more.text;
    },
    async page(text) {
      if (!runPager(text.endsWith('\n') ? text : `${text}\n`, streams.stderr, env)) streams.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
