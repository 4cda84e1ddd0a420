#!/bin/sh
# examples.sh PLC: every plan in plans/ and every ```fp example of docs/language.md must
# check without an error (exit 0; warnings are allowed: a claim example shows one). The
# examples are checked beside a copy of plans/, so that an import of a plan there resolves.
plc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
total=0
for fp in plans/*.fp; do
  total=$((total + 1))
  if ! "$plc" check "$fp" >/dev/null 2>"$tmp/err"; then
    echo "FAIL: $fp"; cat "$tmp/err"; failed=$((failed + 1))
  fi
done
# split the ```fp blocks of the language reference into files, one per example
awk -v dir="$tmp" '
  /^```fp$/ { n++; file = sprintf("%s/example%03d.fp", dir, n); inside = 1; next }
  /^```$/ && inside { inside = 0; close(file); next }
  inside { print > file }
' docs/language.md
cp plans/*.fp "$tmp"/
for fp in "$tmp"/example*.fp; do
  [ -e "$fp" ] || continue
  total=$((total + 1))
  if ! "$plc" check "$fp" >/dev/null 2>"$tmp/err"; then
    echo "FAIL: docs/language.md example $(basename "$fp"):"; cat "$fp"; cat "$tmp/err"
    failed=$((failed + 1))
  fi
done
echo "examples: $((total - failed))/$total check clean"
[ "$failed" -eq 0 ]
