import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { wrapWords } from './text-wrap.js';

/**
 * A description typed (or pasted) in the terminal. One readline interface reads every line, so text pasted
 * faster than prompts redraw is never lost, and bracketed paste (which terminals wrap around pasted text)
 * lets a pasted log or email keep its blank lines: only an empty line *typed* ends the text, or Ctrl-D.
 * Ctrl-E hands what was typed so far to the engineer's editor instead. Ctrl-C cancels.
 */

export type MultilineOutcome = { kind: 'text'; text: string } | { kind: 'editor'; text: string } | { kind: 'cancelled' };

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

interface Key {
  name?: string;
  ctrl?: boolean;
}

export function readMultiline(input: {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  message: string;
  /** Text a recovered draft or a Pylon ticket already holds: Enter on the first line keeps it. */
  initial?: string;
  signal?: AbortSignal;
}): Promise<MultilineOutcome> {
  const { stdin, stderr } = input;
  const terminal = Boolean(stderr.isTTY && stdin.isTTY);
  const hint = input.initial ? 'Enter keeps the text above; or type a new one, an empty line ends it · Ctrl-E: editor' : 'an empty line ends it · Ctrl-E: your editor';
  const width = Math.max(20, stderr.columns ?? 80);
  if (input.initial) {
    const shown = input.initial.trimEnd().split('\n').flatMap((l) => wrapWords(l, width - 4));
    stderr.write(`${shown.map((l) => `  │ ${l}`.trimEnd()).join('\n')}\n`);
  }
  stderr.write(`${wrapWords(`? ${input.message} (${hint})`, width, '  ').join('\n')}\n`);
  if (terminal) stderr.write(PASTE_ON);

  return new Promise<MultilineOutcome>((resolve) => {
    const lines: string[] = [];
    let pasting = false;
    let settled = false;
    const rl = createInterface({ input: stdin, output: stderr, terminal, prompt: '… ' });
    const finish = (outcome: MultilineOutcome) => {
      if (settled) return;
      settled = true;
      stdin.removeListener('keypress', onKeypress);
      input.signal?.removeEventListener('abort', onAbort);
      if (terminal) stderr.write(PASTE_OFF);
      rl.close();
      resolve(outcome);
    };
    const text = () => lines.join('\n').replace(/\n+$/, '');
    const onKeypress = (_s: string | undefined, key: Key | undefined) => {
      if (!key) return;
      if (key.name === 'paste-start') pasting = true;
      else if (key.name === 'paste-end') pasting = false;
      else if (key.ctrl && key.name === 'e') finish({ kind: 'editor', text: [...lines, rl.line].filter((l, i, all) => i < all.length - 1 || l).join('\n') || (input.initial ?? '') });
    };
    const onAbort = () => finish({ kind: 'cancelled' });
    stdin.on('keypress', onKeypress);
    input.signal?.addEventListener('abort', onAbort, { once: true });

    rl.on('line', (line) => {
      if (line.trim() === '' && !pasting) {
        if (lines.length === 0 && input.initial !== undefined) return finish({ kind: 'text', text: input.initial });
        if (lines.length === 0) return rl.prompt();
        return finish({ kind: 'text', text: text() });
      }
      lines.push(line.replace(/\s+$/, ''));
      if (!pasting) rl.prompt();
    });
    rl.on('SIGINT', () => finish({ kind: 'cancelled' }));
    // Ctrl-D, or the end of piped input: what was typed is the text.
    rl.on('close', () => finish({ kind: 'text', text: lines.length ? text() : (input.initial ?? '') }));
    rl.prompt();
  });
}
