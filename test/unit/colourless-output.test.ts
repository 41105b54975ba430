import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colourlessOutput } from '../../src/cli/colourless-output.js';
import type { OutputStream } from '../../src/cli/io.js';

const ESC = '\x1b';

function terminal(): { target: OutputStream; written: () => string } {
  const target = new PassThrough() as unknown as OutputStream;
  Object.assign(target, { isTTY: true, columns: 72, rows: 20 });
  let text = '';
  target.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { target, written: () => text };
}

async function through(chunks: string[]): Promise<string> {
  const { target, written } = terminal();
  const out = colourlessOutput(target);
  for (const chunk of chunks) await new Promise<void>((resolve) => out.write(chunk, () => resolve()));
  await new Promise<void>((resolve) => out.end(resolve));
  return written();
}

describe('colourlessOutput', () => {
  it.each([
    ['a colour and its reset', [`${ESC}[36manswer${ESC}[39m`], 'answer'],
    ['bold, dim and 256/true colour forms', [`${ESC}[1m${ESC}[2mx${ESC}[22m ${ESC}[38;5;208my${ESC}[38:2::255:0:0mz${ESC}[0m`], 'x yz'],
    ['a code cut between writes', [`${ESC}[3`, `6mhi${ESC}`, `[39m!`], 'hi!'],
    ['an escape alone at the end of a write', [`a${ESC}`, `[1mb`], 'ab'],
  ])('removes %s', async (_label, chunks, expected) => {
    expect(await through(chunks)).toBe(expected);
  });

  it('keeps cursor moves, erases and bracketed paste, which redraw the prompt', async () => {
    const moves = `${ESC}[2K${ESC}[1A${ESC}[G${ESC}[?25l${ESC}[?2004h`;
    expect(await through([`${moves}${ESC}[31m?${ESC}[39m`])).toBe(`${moves}?`);
  });

  it('answers for the terminal and never ends it', async () => {
    const { target } = terminal();
    const out = colourlessOutput(target);
    expect([out.isTTY, out.columns, out.rows]).toEqual([true, 72, 20]);
    Object.assign(target, { columns: 50 });
    let resized = 0;
    out.on('resize', () => (resized += 1));
    target.emit('resize');
    expect([out.columns, resized]).toEqual([50, 1]);
    await new Promise<void>((resolve) => out.end(resolve));
    expect(target.writableEnded).toBe(false);
  });
});
