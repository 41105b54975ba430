import { flagsFor, type CompletionTree, type ValueKind } from './tree.js';

const sq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const valueSpec = (value: ValueKind) => (value.kind === 'words' ? `words ${value.words.join(' ')}` : value.kind);

/**
 * bash: one function that walks the words before the cursor (the command is the first word that is not a flag
 * or a flag's value), then offers the value of the flag being completed, the words of the positional argument
 * there, or the flags. `--flag=value` works whether or not COMP_WORDBREAKS splits at "=".
 */
export function bashScript(tree: CompletionTree): string {
  const fn = `_${tree.program.replace(/\W/g, '_')}`;
  const all = [{ name: '', flags: tree.global, args: [{ name: 'command', words: tree.commands.map((c) => c.name) }] }, ...tree.commands.map((c) => ({ ...c, flags: flagsFor(tree, c) }))];

  const flagCases = all.map((c) => `    ${sq(c.name)}) echo ${sq(c.flags.map((f) => f.name).join(' '))} ;;`);
  const valueCases = all.flatMap((c) => c.flags.filter((f) => f.value).map((f) => `    ${sq(`${c.name} ${f.name}`)}) echo ${sq(valueSpec(f.value!))} ;;`));
  const argCases = all.flatMap((c) => c.args.flatMap((a, i) => (a.words ? [`    ${sq(`${c.name} ${i}`)}) echo ${sq(a.words.join(' '))} ;;`] : [])));

  return `# bash completion for ${tree.program}, generated from its commands and options by \`${tree.program} completion bash\`

# $1 command ("" before one): the flags it takes
${fn}_flags() {
  case "$1" in
${flagCases.join('\n')}
  esac
}

# $1 command, $2 flag: how the flag's value completes ("words ...", "files" or "text"); fails for a switch
${fn}_value() {
  case "$1 $2" in
${valueCases.join('\n')}
    *) return 1 ;;
  esac
}

# $1 command ("" before one), $2 position: the words that positional argument can be; fails when free
${fn}_arg() {
  case "$1 $2" in
${argCases.join('\n')}
    *) return 1 ;;
  esac
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd="" flag="" prefix="" word spec i=1 j pos=0 dashdash=""
  COMPREPLY=()
  [[ $cur == "=" ]] && cur=""
  if [[ $cur == --*=* ]]; then
    flag=\${cur%%=*}; prefix="$flag="; cur=\${cur#*=}
  fi
  while (( i < COMP_CWORD )); do
    word=\${COMP_WORDS[i]}
    if [[ -n $dashdash || $word != -* || $word == - ]]; then
      if [[ -z $cmd ]]; then cmd=$word; else pos=$((pos + 1)); fi
    elif [[ $word == -- ]]; then
      dashdash=1
    elif [[ $word != *=* ]] && ${fn}_value "$cmd" "$word" >/dev/null; then
      # The flag's value: the next word, or the one after "=" when COMP_WORDBREAKS split "--flag=value".
      j=$((i + 1))
      if [[ \${COMP_WORDS[j]} == "=" ]]; then
        if (( j == COMP_CWORD )); then flag=$word; break; fi
        j=$((j + 1))
      fi
      if (( j == COMP_CWORD )); then flag=$word; break; fi
      i=$j
    fi
    i=$((i + 1))
  done
  if [[ -n $flag ]]; then
    spec=$(${fn}_value "$cmd" "$flag") || return 0
    case "$spec" in
      words\\ *) COMPREPLY=( $(compgen -P "$prefix" -W "\${spec#words }" -- "$cur") ) ;;
      files) compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -P "$prefix" -f -- "$cur") ) ;;
    esac
    return 0
  fi
  if [[ -z $dashdash && $cur == -* ]]; then
    COMPREPLY=( $(compgen -W "$(${fn}_flags "$cmd")" -- "$cur") )
    return 0
  fi
  if spec=$(${fn}_arg "$cmd" "$pos"); then
    COMPREPLY=( $(compgen -W "$spec" -- "$cur") )
  elif [[ -z $cur && -z $dashdash ]]; then
    COMPREPLY=( $(compgen -W "$(${fn}_flags "$cmd")" -- "$cur") )
  fi
  return 0
}
complete -F ${fn} ${tree.program}
`;
}
