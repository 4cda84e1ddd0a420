#!/bin/sh
# golden.sh PLC [--update]: run `plc check` on each bad input in tests/diag and compare its
# standard error and exit status with the .err file beside it; run `plc --emit json` on each
# plan in tests/golden and compare with the .json beside it. --update rewrites them.
plc=$1
update=$2
failed=0
total=0
for fp in tests/diag/*.fp; do
  expected=${fp%.fp}.err
  got=$("$plc" check "$fp" 2>&1 >/dev/null; echo "exit $?")
  total=$((total + 1))
  if [ "$update" = "--update" ]; then
    printf '%s\n' "$got" > "$expected"
  elif ! printf '%s\n' "$got" | cmp -s - "$expected"; then
    echo "FAIL: $fp"
    printf '%s\n' "$got" | diff -u "$expected" - | head -40
    failed=$((failed + 1))
  fi
done
# the diagnostics of the real plans: every warning there is a finding about the report
for fp in plans/*.fp; do
  expected=tests/golden/plans/$(basename "${fp%.fp}").err
  got=$("$plc" check "$fp" 2>&1 >/dev/null; echo "exit $?")
  total=$((total + 1))
  if [ "$update" = "--update" ]; then
    mkdir -p tests/golden/plans
    printf '%s\n' "$got" > "$expected"
  elif ! printf '%s\n' "$got" | cmp -s - "$expected"; then
    echo "FAIL: $fp (diagnostics)"
    printf '%s\n' "$got" | diff -u "$expected" - | head -40
    failed=$((failed + 1))
  fi
done
# whole outputs: the evaluated model of each plan in tests/golden
for fp in tests/golden/*.fp; do
  expected=${fp%.fp}.json
  got=$("$plc" --emit json "$fp" 2>/dev/null)
  total=$((total + 1))
  if [ "$update" = "--update" ]; then
    printf '%s\n' "$got" > "$expected"
  elif ! printf '%s\n' "$got" | cmp -s - "$expected"; then
    echo "FAIL: $fp (--emit json)"
    printf '%s\n' "$got" | diff -u "$expected" - | head -40
    failed=$((failed + 1))
  fi
done
# the reports: plain text and Markdown of the real plans and of the small one
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for fp in plans/plan2023.fp plans/plan2024.fp tests/golden/small.fp; do
  name=$(basename "${fp%.fp}")
  "$plc" --format txt,md -o "$out" "$fp" 2>/dev/null
  for ext in txt md; do
    expected=tests/golden/reports/$name.$ext
    total=$((total + 1))
    if [ "$update" = "--update" ]; then
      mkdir -p tests/golden/reports
      cp "$out/$name.$ext" "$expected"
    elif ! cmp -s "$out/$name.$ext" "$expected"; then
      echo "FAIL: $fp (report .$ext)"
      diff -u "$expected" "$out/$name.$ext" | head -40
      failed=$((failed + 1))
    fi
  done
done
echo "golden: $((total - failed))/$total outputs match"
[ "$failed" -eq 0 ]
