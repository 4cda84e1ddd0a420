# bash completion for plc, the plan compiler: its commands, its options, their values,
# and .fp plans. Installed as share/bash-completion/completions/plc.
_plc() {
  local cur prev words cword
  _init_completion -s 2>/dev/null || {
    cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
  }
  local commands="compile check fmt diff lsp watch"
  local opts="-o --output= --format= -q --quiet -Werror -Werror=all --error-limit=
    -ferror-limit= --diagnostics= --emit= -h --help --version --"
  # the value of an option, written --opt=value or --opt value
  local opt=$prev val=$cur
  if [[ $cur == --*=* ]]; then opt=${cur%%=*}; val=${cur#*=}; fi
  case $opt in
    -o|--output) COMPREPLY=($(compgen -d -- "$val")); return ;;
    --format)
      local done=${val%,*} last=${val##*,}
      [[ $val == *,* ]] && done="$done," || done=""
      COMPREPLY=($(compgen -P "$done" -W "xlsx txt md" -- "$last")); return ;;
    --diagnostics) COMPREPLY=($(compgen -W "text json" -- "$val")); return ;;
    --emit) COMPREPLY=($(compgen -W "json ast" -- "$val")); return ;;
    --error-limit) COMPREPLY=($(compgen -W "0 10 20 50 100" -- "$val")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
    return
  fi
  # the first word may be a command; after it, or instead of it, plans
  local i has_command=""
  for ((i = 1; i < cword; i++)); do
    [[ " $commands " == *" ${words[i]} "* ]] && has_command=1
  done
  COMPREPLY=($(compgen -f -X '!*.fp' -- "$cur") $(compgen -d -- "$cur"))
  [[ $cword -eq 1 && -z $has_command ]] && COMPREPLY+=($(compgen -W "$commands" -- "$cur"))
  compopt -o filenames 2>/dev/null
}
complete -F _plc plc
