#!/bin/sh
# completion.sh: the bash completion (completion/plc.bash) offers the commands, the
# options, each option's values and .fp plans; run in bash without bash-completion.
command -v bash >/dev/null 2>&1 || { echo "completion: bash is not installed, skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/plan2024.fp" "$tmp/notes.txt"; mkdir "$tmp/out"
cd "$tmp" || exit 1
bash -c '
. "$0"
fail() { echo "FAIL: completing \"$*\" gave: ${COMPREPLY[*]}"; exit 1; }
complete_line() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _plc; }
has() { local w; for w in "${COMPREPLY[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }
complete_line plc ch;            has check || fail plc ch
complete_line plc pl;            has plan2024.fp || fail plc pl
complete_line plc no;            has notes.txt && fail "plc no (a .txt is not a plan)"
complete_line plc --fo;          has --format= || fail plc --fo
complete_line plc --format=x;    has --format=xlsx || has xlsx || fail plc --format=x
complete_line plc --format=xlsx,t; has xlsx,txt || fail plc --format=xlsx,t
complete_line plc --diagnostics j; has json || fail plc --diagnostics j
complete_line plc --emit=a;      has ast || fail plc --emit=a
complete_line plc -o o;          has out || fail plc -o o
complete_line plc -W;            has -Werror=all || fail plc -W
complete_line plc check p;       has plan2024.fp || fail plc check p
echo "completion: commands, options, their values and plans complete"
' "$OLDPWD/completion/plc.bash"
