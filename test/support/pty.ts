import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
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
 * The built binary in a real pseudo-terminal (80×40 unless told), driven by keystrokes. `expect` waits for text
 * to appear after the last match, so a test reads like the conversation it checks; `screen()` is what the
 * engineer sees at that moment, rendered by a headless xterm from the same bytes (cursor moves, erases and
 * wrapping included), so a test can assert that a screen fits.
 */
export class PtySession {
  private output = '';
  private cursor = 0;
  private exitInfo: { exitCode: number; signal?: number } | undefined;
  private readonly exitWaiters: Array<() => void> = [];
  private readonly proc: pty.IPty;
  private readonly terminal: xterm.Terminal;
  readonly cols: number;
  readonly rows: number;

  /** `file` runs another program than the built binary (a shell, to test completion as a user gets it). */
  constructor(args: string[], options: { env: Record<string, string>; cwd: string; cols?: number; rows?: number; file?: string }) {
    this.cols = options.cols ?? 80;
    this.rows = options.rows ?? 40;
    this.terminal = new xterm.Terminal({ cols: this.cols, rows: this.rows, allowProposedApi: true, scrollback: 10_000 });
    this.proc = pty.spawn(options.file ?? process.execPath, options.file ? args : [BIN, ...args], {
      name: 'xterm-256color',
      cols: this.cols,
      rows: this.rows,
      cwd: options.cwd,
      env: options.env,
    });
    this.proc.onData((data) => {
      this.output += data;
      this.terminal.write(data);
    });
    this.proc.onExit((info) => {
      this.exitInfo = info;
      for (const waiter of this.exitWaiters.splice(0)) waiter();
    });
  }

  /** Every byte written so far, escape codes included (to check what colours were drawn). */
  get raw(): string {
    return this.output;
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

  /**
   * The visible screen, one string per row (trailing blanks trimmed), once the terminal has drawn everything
   * received so far. `wrapped[i]` says row i continues row i - 1 because the line was wider than the screen.
   */
  async screen(): Promise<{ lines: string[]; wrapped: boolean[] }> {
    await new Promise<void>((resolve) => this.terminal.write('', resolve));
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    const wrapped: boolean[] = [];
    for (let row = 0; row < this.rows; row += 1) {
      const line = buffer.getLine(buffer.viewportY + row);
      lines.push(line ? line.translateToString(true) : '');
      wrapped.push(line?.isWrapped ?? false);
    }
    return { lines, wrapped };
  }

  /** Every row the terminal has shown, scrollback included, joined back where the terminal wrapped them. */
  async transcript(): Promise<string[]> {
    await new Promise<void>((resolve) => this.terminal.write('', resolve));
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < buffer.length; row += 1) {
      const line = buffer.getLine(row);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return lines;
  }

  /**
   * Lines the terminal had to wrap because they were wider than the screen (so a word may have been cut in
   * two), scrollback included: what was drawn should come out empty.
   */
  async overflowing(): Promise<string[]> {
    await new Promise<void>((resolve) => this.terminal.write('', resolve));
    const buffer = this.terminal.buffer.active;
    const out: string[] = [];
    let head = '';
    let wrapped = false;
    for (let row = 0; row <= buffer.length; row += 1) {
      const line = row < buffer.length ? buffer.getLine(row) : undefined;
      if (line?.isWrapped) {
        head += `⏎${line.translateToString(true)}`;
        wrapped = true;
        continue;
      }
      if (wrapped) out.push(head);
      head = line?.translateToString(true) ?? '';
      wrapped = false;
    }
    return out;
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
