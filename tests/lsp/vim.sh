#!/bin/sh
# vim.sh PLC: the Vim files of editors/vim: a .fp file gets the filetype fp and its
# syntax, and :make (compiler plc) puts the cursor on the character plc names, after
# Chinese text too (plc's column counts characters; Vim's counts bytes).
PLC=$(realpath "${1:-build/plc}")
if ! command -v vim >/dev/null 2>&1; then
  echo "vim: Vim is not installed, skipped"; exit 0
fi
rtp=$(realpath "$(dirname "$0")/../../editors/vim")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'title "测试"\nyear 2024\nindicator 增速 "地区" 亿圆\n' > "$dir/t.fp"
cat > "$dir/test.vim" <<VIM
set rtp^=$rtp
filetype plugin on
syntax on
edit t.fp
silent make
redir! > out
echo "filetype" &filetype b:current_syntax
for e in getqflist() | echo "entry" e.lnum e.col e.type | endfor
cfirst
echo "cursor" line(".") col(".") strpart(getline("."), col(".") - 1, 6)
echo "group" synIDattr(synID(3, 1, 1), "name") synIDattr(synID(3, 18, 1), "name")
redir END
qa!
VIM
(cd "$dir" && PATH=$(dirname "$PLC"):$PATH timeout 60 vim -u NONE -N -es -S test.vim) \
  >/dev/null 2>&1
passed=0 failed=0
expect() {
  if grep -q -- "$2" "$dir/out" 2>/dev/null; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAIL: vim: $1"; fi
}
expect "filetype and syntax" "^filetype fp fp"
expect "quickfix entry in bytes (character 19 is byte 27)" "^entry 3 27 e"
expect "cursor on the unit" "^cursor 3 27 亿圆"
expect "highlight groups" "^group fpStatement fpString"
[ "$failed" -eq 0 ] || { echo "vim said:"; cat "$dir/out" 2>/dev/null; }
echo "vim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
