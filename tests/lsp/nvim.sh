#!/bin/sh
# nvim.sh PLC: a real client: headless Neovim (its built-in LSP client) starts `PLC lsp`,
# opens a plan with an error, and must receive the diagnostic and a hover.
PLC=$(realpath "${1:-build/plc}")
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim: Neovim is not installed, skipped"; exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/plan.fp" <<'PLAN'
title "测试区2024年计划"
year 2024
indicator gdp "地区生产总值" 亿元 decimals 2
  2023 actual 5704.55
part targets "主要目标"
target gdq 2024 预期性 增长 5.5%
PLAN
out="$dir/out"
EDITORS=$(realpath "$(dirname "$0")/../../editors/vim") PLC=$PLC PLAN="$dir/plan.fp" OUT=$out timeout 60 nvim --headless --clean -n \
  -c "luafile $(dirname "$0")/nvim.lua" >/dev/null 2>&1
passed=0 failed=0
expect() { # expect WHAT PATTERN
  if grep -q -- "$2" "$out" 2>/dev/null; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAIL: nvim: $1"; fi
}
expect "the plan's filetype" "^filetype fp"
expect "the diagnostic of the typo" "^diagnostic 6:7 C001 no indicator is called 'gdq'"
expect "a hover on the indicator" "^hover \*\*地区生产总值\*\* .gdp. · 亿元.*5704.55亿元"
[ "$failed" -eq 0 ] || { echo "nvim said:"; cat "$out" 2>/dev/null; }
echo "nvim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
