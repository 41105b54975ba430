import type { Readable, Writable } from 'node:stream';
import { Chalk, type ChalkInstance } from 'chalk';
import { columnsOf, truncate, wrapBlock, wrapWords } from './text-wrap.js';

export type InputStream = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
export type OutputStream = Writable & { isTTY?: boolean; columns?: number; rows?: number };

export interface Streams {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Prose stops widening here: lines much longer than this are hard to read, however wide the terminal. */
export const PROSE_MAX_COLUMNS = 100;

/**
 * The width for output that is not a terminal (a pipe, a file, a CI log): COLUMNS when it is set, as `ls` and
 * most tools read it, else 80.
 */
export function pipedColumns(env: Readonly<Record<string, string | undefined>>): number {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n >= 20 && n <= 10_000 ? n : 80;
}

export interface ColorInput {
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  /** `--no-color` */
  noColorFlag?: boolean;
}

/**
 * Colour follows the terminal: off when not a TTY, when NO_COLOR is set or with --no-color;
 * FORCE_COLOR forces it (FORCE_COLOR=0 turns it off, as the convention says).
 */
export function colorLevel({ env, isTTY, noColorFlag }: ColorInput): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return (env.TERM ?? '').includes('256') ? 2 : 1;
}

/** All output goes through here: data to stdout, everything else (progress, prompts, warnings) to stderr. */
export class IO {
  readonly color: ChalkInstance;

  constructor(
    readonly streams: Streams,
    options: { colorLevel: 0 | 1 | 2 | 3; debug?: boolean; pipedColumns?: number },
  ) {
    this.color = new Chalk({ level: options.colorLevel });
    this.debugEnabled = options.debug ?? false;
    this.piped = options.pipedColumns ?? 80;
  }

  private readonly piped: number;

  /** A terminal's own width, capped for prose; a pipe's width as COLUMNS sets it (80 by default). */
  private widthOf(stream: OutputStream, prose: boolean): number {
    if (stream.isTTY && stream.columns) return prose ? Math.min(Math.max(20, stream.columns), PROSE_MAX_COLUMNS) : Math.max(20, stream.columns);
    return this.piped;
  }

  debugEnabled: boolean;

  /**
   * Whether prompts are possible at all: the engineer types on stdin and reads the prompts on stderr. stdout
   * may go elsewhere: `triage new --json > result.json` in a terminal runs the wizard and writes only JSON.
   */
  get interactive(): boolean {
    return Boolean(this.streams.stdin.isTTY && this.streams.stderr.isTTY);
  }

  get columns(): number {
    return this.streams.stderr.columns ?? this.streams.stdout.columns ?? 80;
  }

  /** Columns that tables on stdout may take (80 when stdout is not a terminal). */
  get outWidth(): number {
    return this.widthOf(this.streams.stdout, false);
  }

  /** Columns that prose on stdout is wrapped to: the terminal's, up to a readable maximum. */
  get outProse(): number {
    return this.widthOf(this.streams.stdout, true);
  }

  /** Columns that messages on stderr are wrapped to. */
  get errProse(): number {
    return this.widthOf(this.streams.stderr, true);
  }

  /** The terminal's height where the prompts are drawn (24 when it is not a terminal). */
  get rows(): number {
    return this.streams.stderr.rows ?? 24;
  }

  /** Data: what a script pipes on. */
  out(text: string): void {
    this.streams.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  json(value: unknown): void {
    this.wroteJson = true;
    this.streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Whether a JSON result was printed: a failure then adds no second object. */
  wroteJson = false;

  /** Everything else: messages for the person at the terminal. */
  err(text: string): void {
    this.streams.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /**
   * What a long operation is doing ("… Creating the Linear issue"), for a person watching a terminal. A pipe,
   * a cron log or CI gets nothing: the result and the warnings say what happened (--debug has the rest).
   */
  progress(text: string): void {
    if (this.streams.stderr.isTTY) this.err(this.color.dim(truncate(`… ${text}`, this.errProse)));
  }

  /** A message for the engineer, wrapped on words to stderr's width. */
  info(text: string): void {
    this.err(wrapBlock(text, this.errProse));
  }

  success(text: string): void {
    this.err(this.marked(this.color.green('✓'), text));
  }

  warn(text: string): void {
    this.err(this.marked(this.color.yellow('!'), text));
  }

  /** `✓ text` with later lines under the text, not under the mark. */
  marked(mark: string, text: string): string {
    const lead = ' '.repeat(columnsOf(mark) + 1);
    return text
      .split('\n')
      .map((line, i) => wrapWords(line, this.errProse, lead, i === 0 ? `${mark} ` : lead).join('\n'))
      .join('\n');
  }

  /** `--debug` only. Callers pass text that was already stripped of tokens and customer data. */
  debug(text: string): void {
    if (this.debugEnabled) this.err(this.color.dim(`[debug] ${text}`));
  }
}
