import { PassThrough, Readable, Writable } from 'node:stream';
import type { Streams } from '../../src/cli/io.js';

export interface CapturedStreams {
  streams: Streams;
  stdout(): string;
  stderr(): string;
}

/** In-memory stdio for running `main()` in-process. Not a TTY unless asked. */
export function captureStreams(options: { stdin?: string; tty?: boolean } = {}): CapturedStreams {
  let out = '';
  let err = '';
  const stdout = Object.assign(
    new Writable({
      write(chunk, _enc, cb) {
        out += String(chunk);
        cb();
      },
    }),
    { isTTY: options.tty ?? false, columns: 80 },
  );
  const stderr = Object.assign(
    new Writable({
      write(chunk, _enc, cb) {
        err += String(chunk);
        cb();
      },
    }),
    { isTTY: options.tty ?? false, columns: 80 },
  );
  const stdin = options.stdin !== undefined ? Readable.from([options.stdin]) : new PassThrough();
  if (options.stdin === undefined) (stdin as PassThrough).end();
  return {
    streams: { stdin: Object.assign(stdin, { isTTY: options.tty ?? false }), stdout, stderr },
    stdout: () => out,
    stderr: () => err,
  };
}
