import { columnsOf, wrapWords } from './text-wrap.js';

/**
 * Help text fitted to the terminal (80 columns when it is not one): examples and notes are written once, in
 * whatever length reads well, and broken here. A comment line wraps as more comment lines; a command line
 * breaks between arguments (never inside a quoted one) with a `\` continuation, so it still pastes into a
 * shell; prose wraps on word boundaries under its own indentation.
 */
export function fitHelp(text: string, width = 80): string {
  const lines = text.split('\n');
  if (lines.every((line) => line.length <= width)) return text;
  return joinProse(lines, width)
    .flatMap((line) => (line.length <= width ? [line] : fitLine(line, width)))
    .join('\n');
}

/**
 * Unindented prose written with line breaks at another width is rejoined into its sentences before it is
 * wrapped again, so it does not come out ragged. A line that ends a sentence (or is blank) ends the run.
 */
function joinProse(lines: string[], width: number): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1 && run.some((l) => l.length > width)) out.push(run.join(' '));
    else out.push(...run);
    run = [];
  };
  for (const line of lines) {
    const prose = line.length > 0 && !/^\s/.test(line) && !/:$/.test(line);
    if (!prose) {
      flush();
      out.push(line);
      continue;
    }
    run.push(line);
    if (/[.)]$/.test(line)) flush();
  }
  flush();
  return out;
}

function fitLine(line: string, width: number): string[] {
  const comment = /^(\s*)# (.*)$/.exec(line);
  if (comment) return wrapWords(comment[2]!, width, `${comment[1]}# `, `${comment[1]}# `);
  const command = /^(\s*)\$ (.*)$/.exec(line);
  if (command) return breakCommand(command[2]!, width, command[1]!);
  const indent = /^\s*/.exec(line)![0];
  return wrapWords(line.slice(indent.length).replace(/\s+/g, ' '), width, indent, indent);
}

/** Shell words, quotes kept: `--title "Login loop" --json` → [`--title`, `"Login loop"`, `--json`]. */
function shellWords(text: string): string[] {
  return text.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
}

/** A shell command in lines of `width`, broken between arguments with ` \` continuations, as one pastes it. */
export function breakCommand(text: string, width: number, indent: string, prompt = '$ '): string[] {
  const lines: string[] = [];
  let current = `${indent}${prompt}`;
  let empty = true;
  const more = `${indent}    `;
  for (const word of shellWords(text)) {
    // Room for the word and, should another line follow, its ` \`.
    if (!empty && columnsOf(current) + 1 + columnsOf(word) + 2 > width) {
      lines.push(`${current} \\`);
      current = more;
      empty = true;
    }
    current += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(current);
  return lines;
}
