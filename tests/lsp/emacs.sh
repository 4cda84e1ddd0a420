#!/bin/sh
# emacs.sh PLC: editors/emacs/fp-mode.el: .fp files get fp-mode and its faces, and
# `fp-check' (plc check in a compilation buffer) lands on the character plc names after
# Chinese text (plc's column counts characters, Emacs's screen columns count CJK twice).
PLC=$(realpath "${1:-build/plc}")
if ! command -v emacs >/dev/null 2>&1; then
  echo "emacs: Emacs is not installed, skipped"; exit 0
fi
here=$(realpath "$(dirname "$0")")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'title "测试"\nyear 2024\nindicator 增速 "地区" 亿圆\n' > "$dir/t.fp"
(cd "$dir" && PLC=$PLC PLAN=$dir/t.fp timeout 60 emacs --batch -Q \
  -L "$here/../../editors/emacs" -l "$here/emacs.el") > "$dir/out" 2>/dev/null
passed=0 failed=0
expect() {
  if grep -q -- "$2" "$dir/out"; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAIL: emacs: $1"; fi
}
expect "fp-mode for .fp" "^mode fp-mode"
expect "a statement keyword's face" "^face font-lock-keyword-face"
expect "fp-check lands on the unit (line 3, character 18)" "^at 3 18 亿圆"
[ "$failed" -eq 0 ] || { echo "emacs said:"; cat "$dir/out"; }
echo "emacs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
