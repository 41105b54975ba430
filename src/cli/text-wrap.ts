/**
 * Word wrapping for text triage prints on a terminal: lines break between words, and only a word longer than
 * the whole width (a URL, a hash) is cut, so the terminal never has to wrap a line itself mid-word.
 */

/** Display columns of plain text: code points (no ANSI codes expected here). */
export function columnsOf(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** One paragraph (no newlines) in lines of at most `width` columns; `indent` starts every line after the first. */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const room = Math.max(1, width);
  if (columnsOf(text) <= room) return [text];
  const out: string[] = [];
  let line = '';
  const push = () => {
    out.push(line);
    line = indent;
  };
  for (const word of text.split(' ')) {
    const gap = line === '' || line === indent ? '' : ' ';
    if (columnsOf(line) + gap.length + columnsOf(word) <= room) {
      line += gap + word;
      continue;
    }
    if (line !== '' && line !== indent) push();
    let rest = word;
    // A single word wider than a line: cut it, as nothing else can make it fit.
    while (columnsOf(line) + columnsOf(rest) > room) {
      const chars = Array.from(rest);
      const take = Math.max(1, room - columnsOf(line));
      line += chars.slice(0, take).join('');
      rest = chars.slice(take).join('');
      push();
    }
    line += rest;
  }
  if (line !== '' && line !== indent) out.push(line);
  return out;
}
