import { flagsFor, type CompletionTree, type FlagInfo } from './tree.js';

const sq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
// _arguments reads [ ] : as syntax inside a description, and a backslash escapes.
const plain = (text: string) => text.replace(/[[\]:\\]/g, ' ').replace(/\s+/g, ' ').trim();

function flagSpec(flag: FlagInfo): string {
  const repeat = flag.repeatable ? '*' : '';
  const desc = `[${plain(flag.description)}]`;
  if (!flag.value) return sq(`${repeat}${flag.name}${desc}`);
  // --flag=[...] takes "--flag value" and "--flag=value" alike (long flags only).
  const name = flag.name.startsWith('--') ? `${flag.name}=` : `${flag.name}+`;
  const label = plain(flag.name.replace(/^-+/, ''));
  const action = flag.value.kind === 'words' ? `(${flag.value.words.join(' ')})` : flag.value.kind === 'files' ? '_files' : ' ';
  return sq(`${repeat}${name}${desc}:${label}:${action}`);
}

/**
 * zsh: _arguments per command. It needs the completion system (compinit); a .zshrc that never loads it gets it
 * loaded here, since `source <(triage completion zsh)` would otherwise fail on a missing compdef. Installed as
 * _triage in $fpath instead, the file is the completion function itself.
 */
export function zshScript(tree: CompletionTree): string {
  const fn = `_${tree.program.replace(/\W/g, '_')}`;
  const commands = tree.commands.map((c) => sq(`${c.name.replace(/:/g, '\\:')}:${plain(c.description)}`)).join(' \\\n      ');
  const cases = tree.commands.map((c) => {
    const specs = flagsFor(tree, c).map(flagSpec);
    c.args.forEach((arg, i) => specs.push(sq(`${i + 1}:${plain(arg.name)}:${arg.words ? `(${arg.words.join(' ')})` : ' '}`)));
    return `      ${c.name})\n        _arguments -s \\\n          ${specs.join(' \\\n          ')} ;;`;
  });
  return `#compdef ${tree.program}
# zsh completion for ${tree.program}, generated from its commands and options by \`${tree.program} completion zsh\`

${fn}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  _arguments -C -s \\
    ${tree.global.map(flagSpec).join(' \\\n    ')} \\
    '1: :->command' \\
    '*:: :->args'
  case $state in
    command)
      local -a commands
      commands=(
      ${commands}
      )
      _describe -t commands 'command' commands ;;
    args)
      case $line[1] in
${cases.join('\n')}
      esac ;;
  esac
}

if [[ $funcstack[1] == ${fn} ]]; then
  # Autoloaded from $fpath by compinit: this file is the function.
  ${fn} "$@"
else
  if (( ! $+functions[compdef] )); then
    # The completion system is not loaded (no compinit in .zshrc): load it, or say why completion cannot work.
    if ! { autoload -Uz compinit && compinit -i; }; then
      print -u2 "${tree.program} completion: zsh's completion system did not load; add 'autoload -Uz compinit && compinit' to ~/.zshrc"
      return 1
    fi
  fi
  compdef ${fn} ${tree.program}
fi
`;
}
