import pty from '@lydell/node-pty';
import { BIN } from './run-bin.js';

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  down: '\x1b[B',
  up: '\x1b[A',
  ctrlC: '\x03',
  backspace: '\x7f',
} as const;

// Prompts redraw with cursor movement and colour codes; tests match on the plain text.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[>=]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * The built binary in a real pseudo-terminal (80 columns), driven by keystrokes. `expect` waits for text
 * to appear after the last match, so a test reads like the conversation it checks.
 */
export class PtySession {
  private output = '';
  private cursor = 0;
  private exitInfo: { exitCode: number; signal?: number } | undefined;
  private readonly exitWaiters: Array<() => void> = [];
  private readonly proc: pty.IPty;

  constructor(args: string[], options: { env: Record<string, string>; cwd: string; cols?: number }) {
    this.proc = pty.spawn(process.execPath, [BIN, ...args], {
      name: 'xterm-256color',
      cols: options.cols ?? 80,
      rows: 40,
      cwd: options.cwd,
      env: options.env,
    });
    this.proc.onData((data) => {
      this.output += data;
    });
    this.proc.onExit((info) => {
      this.exitInfo = info;
      for (const waiter of this.exitWaiters.splice(0)) waiter();
    });
  }

  get text(): string {
    return stripAnsi(this.output);
  }

  async expect(pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const rest = stripAnsi(this.output).slice(this.cursor);
      const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      if (index >= 0) {
        const length = typeof pattern === 'string' ? pattern.length : (rest.match(pattern)?.[0].length ?? 0);
        this.cursor += index + length;
        return;
      }
      if (this.exitInfo) throw new Error(`process exited (${this.exitInfo.exitCode}) before ${String(pattern)} appeared:\n${this.text}`);
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}:\n${this.text}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  write(keys: string): void {
    this.proc.write(keys);
  }

  /** Types a line of text and presses Enter. */
  line(text: string): void {
    this.proc.write(text);
    this.proc.write(KEY.enter);
  }

  async exit(timeoutMs = 20_000): Promise<number> {
    if (!this.exitInfo) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.proc.kill();
          reject(new Error(`process did not exit:\n${this.text}`));
        }, timeoutMs);
        this.exitWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.exitInfo!.exitCode;
  }
}
