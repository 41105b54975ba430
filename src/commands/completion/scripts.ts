import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CommandInfo {
  name: string;
  description: string;
  flags: Array<{ flag: string; description: string; takesValue: boolean; choices?: string[] }>;
}

/** Values worth completing for flags whose values are a fixed list. */
const FLAG_CHOICES: Record<string, string[]> = {
  '--type': ['quick-fix', 'complex', 'feature'],
  '--priority': ['urgent', 'high', 'medium', 'low'],
  '--target': ['github', 'linear'],
  '--direction': ['pylon-to-linear', 'both'],
};

/** The command tree as plain data, read from commander so completion never falls out of date. */
export function describeTree(program: Command): { global: CommandInfo; commands: CommandInfo[] } {
  const info = (cmd: Command, name: string): CommandInfo => ({
    name,
    description: cmd.description(),
    flags: cmd.options
      .filter((o) => o.long)
      .map((o) => {
        const flag = o.long!;
        const entry: CommandInfo['flags'][number] = { flag, description: o.description, takesValue: o.required || o.optional };
        if (FLAG_CHOICES[flag]) entry.choices = FLAG_CHOICES[flag];
        return entry;
      }),
  });
  return { global: info(program, ''), commands: program.commands.map((c) => info(c, c.name())) };
}

const quote = (text: string) => text.replace(/'/g, "'\\''");

export function completionScript(shell: Shell, tree: ReturnType<typeof describeTree>): string {
  if (shell === 'bash') return bash(tree);
  if (shell === 'zsh') return zsh(tree);
  return fish(tree);
}

function bash({ global, commands }: ReturnType<typeof describeTree>): string {
  const cases = commands
    .map((c) => `    ${c.name}) opts='${[...c.flags, ...global.flags].map((f) => f.flag).join(' ')} --help' ;;`)
    .join('\n');
  const choiceCases = Object.entries(FLAG_CHOICES)
    .map(([flag, values]) => `    ${flag}) COMPREPLY=( $(compgen -W '${values.join(' ')}' -- "$cur") ); return ;;`)
    .join('\n');
  return `# bash completion for triage
_triage() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${choiceCases}
  esac
  cmd=""
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) cmd="$word"; break ;; esac
  done
  if [ -z "$cmd" ]; then
    COMPREPLY=( $(compgen -W '${commands.map((c) => c.name).join(' ')} ${global.flags.map((f) => f.flag).join(' ')} --help --version' -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts='--help' ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -o default -F _triage triage
`;
}

function zsh({ global, commands }: ReturnType<typeof describeTree>): string {
  const flagSpec = (f: CommandInfo['flags'][number]) => {
    const desc = quote(f.description).replace(/[[\]:]/g, ' ');
    if (!f.takesValue) return `'${f.flag}[${desc}]'`;
    return f.choices ? `'${f.flag}[${desc}]:value:(${f.choices.join(' ')})'` : `'${f.flag}[${desc}]:value:_files'`;
  };
  const subcommands = commands.map((c) => `'${c.name}:${quote(c.description).replace(/:/g, ' ')}'`).join(' ');
  const cases = commands
    .map((c) => `      ${c.name}) _arguments ${[...c.flags, ...global.flags].map(flagSpec).join(' ')} ;;`)
    .join('\n');
  return `#compdef triage
# zsh completion for triage
_triage() {
  local line state
  _arguments -C ${global.flags.map(flagSpec).join(' ')} '1: :->cmd' '*:: :->args'
  case $state in
    cmd) local -a cmds; cmds=(${subcommands}); _describe 'command' cmds ;;
    args)
      case $line[1] in
${cases}
      esac ;;
  esac
}
compdef _triage triage
`;
}

function fish({ global, commands }: ReturnType<typeof describeTree>): string {
  const lines = ['# fish completion for triage', 'complete -c triage -f'];
  const names = commands.map((c) => c.name).join(' ');
  for (const c of commands) lines.push(`complete -c triage -n 'not __fish_seen_subcommand_from ${names}' -a ${c.name} -d '${quote(c.description)}'`);
  for (const f of global.flags) lines.push(`complete -c triage -l ${f.flag.slice(2)} -d '${quote(f.description)}'`);
  for (const c of commands) {
    for (const f of c.flags) {
      const values = f.choices ? ` -x -a '${f.choices.join(' ')}'` : f.takesValue ? ' -r' : '';
      lines.push(`complete -c triage -n '__fish_seen_subcommand_from ${c.name}' -l ${f.flag.slice(2)}${values} -d '${quote(f.description)}'`);
    }
  }
  return `${lines.join('\n')}\n`;
}
