#!/bin/sh
# golden.sh PLC [--update]: compare whole outputs with the expected files in tests/:
# the stderr and exit status of `plc check` on each bad input in tests/diag and on each
# real plan, the JSON model of each plan in tests/golden, and the text and Markdown
# reports of the real plans and of each plan in tests/golden. --update rewrites them.
plc=$1
update=$2
failed=0
total=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# compare GOT EXPECTED WHAT: one golden comparison (or rewrite, with --update)
compare() {
  total=$((total + 1))
  if [ "$update" = "--update" ]; then
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
  elif ! cmp -s "$1" "$2"; then
    echo "FAIL: $3"
    diff -u "$2" "$1" | head -40
    failed=$((failed + 1))
  fi
}

# the diagnostics of a plan file, and how plc exits
diagnostics() {
  { "$plc" check "$1" 2>&1 >/dev/null; echo "exit $?"; } > "$out/got"
}

for fp in tests/diag/*.fp; do
  diagnostics "$fp"
  compare "$out/got" "${fp%.fp}.err" "$fp"
done
# the same in Chinese (po/zh_CN.po): LANG=zh_CN.UTF-8 where that locale is generated, else
# LANGUAGE=zh_CN over C.UTF-8, which glibc's gettext also honours
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then zh="LC_ALL=zh_CN.UTF-8"
else zh="LC_ALL=C.UTF-8 LANGUAGE=zh_CN"; fi
for fp in tests/diag/*.fp; do
  env $zh "$plc" check "$fp" > /dev/null 2> "$out/got"; echo "exit $?" >> "$out/got"
  compare "$out/got" "${fp%.fp}.zh.err" "$fp (in Chinese)"
done
# the diagnostics of the real plans: every warning there is a finding about the report
for fp in plans/*.fp; do
  diagnostics "$fp"
  compare "$out/got" "tests/golden/plans/$(basename "${fp%.fp}").err" "$fp (diagnostics)"
done
for fp in tests/golden/*.fp; do
  "$plc" --emit json "$fp" > "$out/got" 2>/dev/null
  compare "$out/got" "${fp%.fp}.json" "$fp (--emit json)"
done
for fp in plans/plan2024.fp plans/licheng2023.fp tests/golden/*.fp; do
  name=$(basename "${fp%.fp}")
  "$plc" --format txt,md -o "$out" "$fp" 2>/dev/null
  for ext in txt md; do
    compare "$out/$name.$ext" "tests/golden/reports/$name.$ext" "$fp (report .$ext)"
  done
done
echo "golden: $((total - failed))/$total outputs match"
[ "$failed" -eq 0 ]
