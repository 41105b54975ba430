/**
 * Customer text is hostile input for a terminal: an escape sequence in a ticket can clear the screen, move
 * the cursor over the review, retitle the window or hide a line; a carriage return or backspaces overwrite
 * what was shown; bidirectional overrides make text read differently from what it is. Every such character
 * is made visible and inert (an escape becomes ␛, a bidi override `<U+202E>`), so the review shows exactly
 * what is filed and what is filed cannot act on whoever reads it in a terminal later.
 */

// C0 controls but tab and newline, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g;
// Bidirectional embeddings, overrides and isolates (the "Trojan Source" family), and the line/paragraph
// separators terminals and editors break lines at.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function picture(code: number): string {
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

export function neutralizeControls(text: string): string {
  // Windows and old Mac line ends are line ends, not a return to the start of the line.
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return lines.replace(CONTROLS, (c) => picture(c.charCodeAt(0))).replace(BIDI, (c) => picture(c.charCodeAt(0)));
}

export function hasControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  BIDI.lastIndex = 0;
  return /\r/.test(text) || CONTROLS.test(text) || BIDI.test(text);
}

export type DecodedText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Bytes a report was read from, as text. UTF-8 (with or without a BOM) and UTF-16 with a BOM are certain and
 * decoded; anything else that is not valid UTF-8, or holds NUL bytes (an image, an archive, a core dump), is
 * refused rather than guessed at: a mis-decoded report is filed garbled, and redaction cannot see through it.
 */
export function decodeReport(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { ok: false, problem: 'holds NUL bytes: it looks like a binary file, not text' };
  return decodeWith('utf-8', body);
}

function decodeWith(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: encoding === 'utf-8' ? 'is not UTF-8 text (a binary file, or text in another encoding)' : `is not valid ${encoding.toUpperCase()} text` };
  }
}
