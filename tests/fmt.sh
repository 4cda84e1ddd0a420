#!/bin/sh
# fmt.sh PLC [--update]: the formatter's tests. (1) golden pairs: tests/fmt/x.fp formats
# to tests/fmt/x.fmt; (2) idempotence: formatting the formatted text of every .fp in the
# tree (and every ```fp example of docs/language.md) changes nothing; (3) meaning: the JSON
# model of every plan that checks is the same before and after formatting, with the line
# numbers and file names left out (the formatted copies sit in a mirror of the tree, so
# imports resolve to formatted files too); (4) a file with syntax errors is refused.
plc=$1
update=$2
failed=0
total=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# (1) golden pairs
for fp in tests/fmt/*.fp; do
  total=$((total + 1))
  "$plc" fmt "$fp" > "$tmp/got" 2>"$tmp/err"
  if [ "$update" = "--update" ]; then cp "$tmp/got" "${fp%.fp}.fmt"
  elif ! cmp -s "$tmp/got" "${fp%.fp}.fmt"; then
    fail "$fp (plc fmt)"; diff -u "${fp%.fp}.fmt" "$tmp/got" | head -30
  fi
done

# every plan file of the tree and every example of the language reference
mkdir -p "$tmp/orig/docs"
awk -v dir="$tmp/orig/docs" '
  /^```fp$/ { n++; file = sprintf("%s/example%03d.fp", dir, n); inside = 1; next }
  /^```$/ && inside { inside = 0; close(file); next }
  inside { print > file }
' docs/language.md
cp plans/*.fp "$tmp/orig/docs/"
find plans tests -name '*.fp' | while read -r fp; do
  mkdir -p "$tmp/orig/$(dirname "$fp")"; cp "$fp" "$tmp/orig/$fp"
done
# strip what formatting may move: lines, columns, file names
strip() {
  python3 -c 'import json,sys
def s(x):
    if isinstance(x, dict): return {k: s(v) for k, v in x.items() if k != "file" and not k.endswith("line") and not k.endswith("column")}
    if isinstance(x, list): return [s(v) for v in x]
    return x
print(json.dumps(s(json.load(sys.stdin)), ensure_ascii=False, indent=1))'
}
(cd "$tmp/orig" && find . -name '*.fp') | sed 's#^\./##' | sort > "$tmp/list"
# format every file into a mirror of the tree; files with syntax errors are copied
while read -r fp; do
  mkdir -p "$tmp/fmt/$(dirname "$fp")"
  if ! "$plc" fmt "$tmp/orig/$fp" > "$tmp/fmt/$fp" 2>/dev/null; then
    cp "$tmp/orig/$fp" "$tmp/fmt/$fp"; echo "$fp" >> "$tmp/refused"
  fi
done < "$tmp/list"
nfmt=0
while read -r fp; do
  grep -qxF "$fp" "$tmp/refused" 2>/dev/null && continue
  nfmt=$((nfmt + 1))
  # (2) idempotence
  total=$((total + 1))
  "$plc" fmt "$tmp/fmt/$fp" > "$tmp/again" 2>&1
  cmp -s "$tmp/again" "$tmp/fmt/$fp" || { fail "$fp: formatting twice changes it"; diff -u "$tmp/fmt/$fp" "$tmp/again" | head -20; }
  # (3) the model is the same
  total=$((total + 1))
  "$plc" --emit json "$tmp/orig/$fp" 2>/dev/null | strip > "$tmp/before" 2>/dev/null
  "$plc" --emit json "$tmp/fmt/$fp" 2>/dev/null | strip > "$tmp/after" 2>/dev/null
  cmp -s "$tmp/before" "$tmp/after" || { fail "$fp: formatting changes the model"; diff -u "$tmp/before" "$tmp/after" | head -20; }
done < "$tmp/list"

# (4) a file with syntax errors: exit 1, diagnostics, nothing on stdout, file untouched
total=$((total + 1))
cp tests/diag/three_errors.fp "$tmp/bad.fp"
"$plc" fmt -w "$tmp/bad.fp" > "$tmp/out" 2> "$tmp/err"
rc=$?
{ [ $rc -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q 'error' "$tmp/err" &&
  cmp -s "$tmp/bad.fp" tests/diag/three_errors.fp; } || fail "a file with syntax errors (exit $rc)"
# --check lists an unformatted file and exits 1; a formatted one passes; -w fixes it
total=$((total + 1))
cp tests/fmt/spacing.fp "$tmp/un.fp"
out=$("$plc" fmt --check "$tmp/un.fp"); rc=$?
[ $rc -eq 1 ] && [ "$out" = "$tmp/un.fp" ] || fail "--check on an unformatted file (exit $rc, '$out')"
total=$((total + 1))
"$plc" fmt -w "$tmp/un.fp" && "$plc" fmt --check "$tmp/un.fp" && cmp -s "$tmp/un.fp" tests/fmt/spacing.fmt ||
  fail "-w then --check"
# standard input to standard output
total=$((total + 1))
"$plc" fmt < tests/fmt/spacing.fp | cmp -s - tests/fmt/spacing.fmt || fail "plc fmt < file"

echo "fmt: $((total - failed))/$total checks pass ($nfmt files formatted, idempotent, same model)"
[ "$failed" -eq 0 ]
