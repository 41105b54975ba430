import { Writable } from 'node:stream';
import type { OutputStream } from './io.js';

// Select Graphic Rendition: colours, bold, dim, underline. Cursor movement and erasing are other CSI finals.
// eslint-disable-next-line no-control-regex -- escape codes are what it removes
const SGR = /\x1b\[[0-9;:]*m/g;
// An escape sequence cut off at the end of a write: held back until the rest arrives.
// eslint-disable-next-line no-control-regex -- as above
const PARTIAL_CSI = /\x1b(\[[0-9;:?]*)?$/;

/**
 * The terminal stream with every colour and style code removed, for --no-color and NO_COLOR. The prompt
 * library colours by itself (node:util styleText, which reads only NO_COLOR and stdout, never our flag), and
 * each prompt would need its own theme for every style it has; filtering what it writes keeps any prompt
 * plain, whatever it draws. Cursor moves and erases pass through, so redrawing still works. The stream
 * answers for the terminal (isTTY, columns, rows, resize) and never ends it: a prompt ends its output when done,
 * so each prompt gets its own.
 */
export function colourlessOutput(target: OutputStream): OutputStream {
  let pending = '';
  const out = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      const text = pending + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      const cut = PARTIAL_CSI.exec(text);
      pending = cut ? cut[0] : '';
      const ready = (cut ? text.slice(0, cut.index) : text).replace(SGR, '');
      // Passed on at once, not after the terminal's callback: triage writes to the same terminal directly too,
      // and a write held back here would be drawn after text that followed it.
      if (ready) target.write(ready);
      done();
    },
    final(done) {
      if (pending) target.write(pending.replace(SGR, ''));
      pending = '';
      done();
    },
  }) as OutputStream;
  const onResize = () => out.emit('resize');
  target.on('resize', onResize);
  out.once('finish', () => target.off('resize', onResize));
  Object.defineProperties(out, {
    isTTY: { get: () => target.isTTY, enumerable: true },
    columns: { get: () => target.columns, enumerable: true },
    rows: { get: () => target.rows, enumerable: true },
  });
  const tty = target as OutputStream & { getWindowSize?: () => [number, number] };
  if (tty.getWindowSize) Object.assign(out, { getWindowSize: () => tty.getWindowSize!() });
  return out;
}
