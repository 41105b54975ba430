import { flagsFor, type CompletionTree, type FlagInfo } from './tree.js';

// fish single quotes: only \ and ' are special.
const sq = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;

function flagLine(program: string, condition: string | undefined, flag: FlagInfo): string {
  const parts = ['complete', '-c', program];
  if (condition) parts.push('-n', sq(condition));
  parts.push(flag.name.startsWith('--') ? '-l' : '-s', flag.name.replace(/^-+/, ''));
  if (flag.value?.kind === 'words') parts.push('-x', '-a', sq(flag.value.words.join(' ')));
  else if (flag.value?.kind === 'files') parts.push('-r', '-F');
  else if (flag.value) parts.push('-x');
  parts.push('-d', sq(flag.description));
  return parts.join(' ');
}

/**
 * fish: the command is the first word that is neither a flag nor a flag's value (so `--title completion` is
 * no command), and each positional argument with fixed values is offered only at its own position.
 */
export function fishScript(tree: CompletionTree): string {
  const p = tree.program;
  const fn = `__${p.replace(/\W/g, '_')}`;
  const valued = tree.commands.flatMap((c) => flagsFor(tree, c).filter((f) => f.value).map((f) => `${c.name} ${f.name}`));
  const globalValued = tree.global.filter((f) => f.value).map((f) => ` ${f.name}`);
  const lines = [
    `# fish completion for ${p}, generated from its commands and options by \`${p} completion fish\``,
    '',
    `# $argv[1] command ("" before one), $argv[2] flag: whether the flag takes a value`,
    `function ${fn}_takes_value`,
    `    switch "$argv[1] $argv[2]"`,
    `        case ${[...globalValued, ...valued].map(sq).join(' ') || "''"}`,
    `            return 0`,
    `    end`,
    `    return 1`,
    `end`,
    '',
    `# The command and its positional arguments before the cursor, one a line`,
    `function ${fn}_positionals`,
    `    set -l tokens (commandline -opc)`,
    `    set -l cmd ''`,
    `    set -l i 2`,
    `    set -l dashdash 0`,
    `    while test $i -le (count $tokens)`,
    `        set -l t $tokens[$i]`,
    `        if test $dashdash = 0; and test "$t" = '--'`,
    `            set dashdash 1`,
    `        else if test $dashdash = 0; and string match -q -- '-?*' $t`,
    `            if not string match -q -- '*=*' $t; and ${fn}_takes_value "$cmd" $t`,
    `                set i (math $i + 1)`,
    `            end`,
    `        else`,
    `            test -z "$cmd"; and set cmd $t`,
    `            echo $t`,
    `        end`,
    `        set i (math $i + 1)`,
    `    end`,
    `end`,
    '',
    `# $argv[1] command, $argv[2] position: whether the cursor is on that positional argument of that command`,
    `function ${fn}_at`,
    `    set -l words (${fn}_positionals)`,
    `    test "$words[1]" = "$argv[1]"; and test (count $words) -eq (math $argv[2] + 1)`,
    `end`,
    '',
    `function ${fn}_using`,
    `    set -l words (${fn}_positionals)`,
    `    test (count $words) -gt 0; and test "$words[1]" = "$argv[1]"`,
    `end`,
    '',
    `function ${fn}_no_command`,
    `    test (count (${fn}_positionals)) -eq 0`,
    `end`,
    '',
    `# No file names unless a flag's value is a path.`,
    `complete -c ${p} -f`,
  ];
  for (const c of tree.commands) lines.push(`complete -c ${p} -n ${fn}_no_command -a ${sq(c.name)} -d ${sq(c.description)}`);
  for (const f of tree.global) lines.push(flagLine(p, undefined, f));
  for (const c of tree.commands) {
    lines.push('', `# ${c.name}`);
    const globals = new Set(tree.global.map((f) => f.name));
    for (const f of c.flags.filter((flag) => !globals.has(flag.name))) lines.push(flagLine(p, `${fn}_using ${c.name}`, f));
    c.args.forEach((arg, i) => {
      if (arg.words) lines.push(`complete -c ${p} -n ${sq(`${fn}_at ${c.name} ${i}`)} -a ${sq(arg.words.join(' '))}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
