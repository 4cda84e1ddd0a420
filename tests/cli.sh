#!/bin/sh
# cli.sh PLC: every spelling of every option and subcommand, as a user types them:
# --opt=value and --opt value, -oDIR, --, -Werror and -Werror=all, -q, the error limit,
# unknown commands with their suggestion, the "wrote" and "outputs not updated" lines.
plc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
n=0
ok() { n=$((n + 1)); }
cp plans/plan2024.fp "$tmp"/
p="$tmp/plan2024.fp"

# the outputs chosen, and where they go: each spelling
for spelling in "--format=md" "--format md"; do
  rm -rf "$tmp/o"; mkdir "$tmp/o"
  # shellcheck disable=SC2086
  "$plc" -q -o "$tmp/o" $spelling "$p" 2>/dev/null || fail "$spelling exited $?"
  [ "$(ls "$tmp/o")" = plan2024.md ] || fail "$spelling wrote $(ls "$tmp/o")"; ok
done
for spelling in "-o$tmp/o1" "-o $tmp/o2" "--output=$tmp/o3" "--output $tmp/o4"; do
  # shellcheck disable=SC2086
  "$plc" -q --format txt $spelling "$p" 2>/dev/null || fail "$spelling exited $?"
  dir=$(echo "$spelling" | sed 's/^[^/]*//')
  [ -s "$dir/plan2024.txt" ] || fail "$spelling wrote nothing into $dir"; ok
done
"$plc" -q --format=txt "$p" -o "$tmp/after" 2>/dev/null && [ -s "$tmp/after/plan2024.txt" ] ||
  fail "options after the plan"; ok
# -- ends the options: a plan whose name starts with '-'
mkdir "$tmp/d"; cp plans/example.fp "$tmp/d/-odd.fp"
(cd "$tmp/d" && "$plc" -q --format txt -- -odd.fp 2>/dev/null) && [ -s "$tmp/d/-odd.txt" ] || fail "--"; ok
"$plc" -q -- "$p" 2>/dev/null || fail "-- before an ordinary plan"; ok

# --emit and --diagnostics, both spellings
for spelling in "--emit=json" "--emit json"; do
  # shellcheck disable=SC2086
  "$plc" $spelling "$p" 2>/dev/null | python3 -c "import json,sys; json.load(sys.stdin)" ||
    fail "$spelling"; ok
done
"$plc" --emit=ast "$p" 2>/dev/null | grep -q . || fail "--emit=ast"; ok
printf 'indicator gdp 亿元\n  2023 5704.55\n' > "$tmp/bad.fp"
for spelling in "--diagnostics=json" "--diagnostics json"; do
  # shellcheck disable=SC2086
  "$plc" check $spelling "$tmp/bad.fp" 2>&1 >/dev/null |
    python3 -c "import json,sys; d=json.load(sys.stdin); assert d[0]['code']=='P001', d" ||
    fail "$spelling"; ok
done
"$plc" check --diagnostics=xml "$tmp/bad.fp" 2>/dev/null; [ $? -eq 2 ] || fail "--diagnostics=xml must exit 2"; ok

# -Werror: the plan's own warnings; -Werror=all: its imports' too; -W error the same
printf 'year 2024\nindicator a 亿元\n  2023 actual 1\nclaim c "c" 2023 a = 2\n' > "$tmp/w.fp"
"$plc" check "$tmp/w.fp" 2>/dev/null || fail "a warning alone must exit 0"
for spelling in "-Werror" "-W error" "-Werror=all" "--quiet -Werror"; do
  # shellcheck disable=SC2086
  "$plc" check $spelling "$tmp/w.fp" 2>/dev/null; [ $? -eq 1 ] || fail "$spelling must fail on a warning"; ok
done
# a plan importing one with a warning: the warning is one note, and fails only -Werror=all
mkdir "$tmp/imp"; cp "$tmp/w.fp" "$tmp/imp/last.fp"
printf 'year 2025\nbase 2024\nimport "last.fp" as last\nindicator b 亿元\n  2024 actual 1\n' > "$tmp/imp/this.fp"
"$plc" check "$tmp/imp/this.fp" 2>"$tmp/e" || fail "an imported plan's warning must not fail the plan"
[ "$(grep -c 'warning' "$tmp/e")" -eq 1 ] && grep -q "1 warning in the imported plan $tmp/imp/last.fp" "$tmp/e" ||
  fail "the imported plan's warning must be one note: $(cat "$tmp/e")"; ok
"$plc" -Werror check "$tmp/imp/this.fp" 2>/dev/null || fail "-Werror must not fail on an imported plan's warning"; ok
"$plc" -Werror=all check "$tmp/imp/this.fp" 2>"$tmp/e"; [ $? -eq 1 ] || fail "-Werror=all must fail on an imported plan's warning"
grep -q "last.fp:4:.*warning: claim" "$tmp/e" || fail "-Werror=all must show the imported plan's warning: $(cat "$tmp/e")"; ok
"$plc" -Wfrobnicate check "$p" 2>/dev/null; [ $? -eq 2 ] || fail "-Wfrobnicate must exit 2"; ok

# the error limit: -ferror-limit=N, --error-limit N, --error-limit=N; 0 = none
i=0; : > "$tmp/many.fp"; while [ $i -lt 80 ]; do echo "indicator" >> "$tmp/many.fp"; i=$((i + 1)); done
errors() { grep -c ': error: ' "$1"; }
"$plc" check "$tmp/many.fp" 2>"$tmp/e"; [ $? -eq 1 ] || fail "80 errors must exit 1"
[ "$(errors "$tmp/e")" -eq 51 ] && tail -1 "$tmp/e" | grep -q 'too many errors; stopping' ||
  fail "the default limit is 50, then 'too many errors; stopping': $(tail -1 "$tmp/e")"; ok
for spelling in "-ferror-limit=5" "--error-limit 5" "--error-limit=5"; do
  # shellcheck disable=SC2086
  "$plc" check $spelling "$tmp/many.fp" 2>"$tmp/e"
  [ "$(errors "$tmp/e")" -eq 6 ] || fail "$spelling printed $(errors "$tmp/e") errors"; ok
done
"$plc" check --error-limit=0 "$tmp/many.fp" 2>"$tmp/e"
[ "$(errors "$tmp/e")" -eq 80 ] || fail "--error-limit=0 printed $(errors "$tmp/e") errors"; ok
"$plc" check --error-limit=lots "$tmp/many.fp" 2>/dev/null; [ $? -eq 2 ] || fail "a bad limit must exit 2"; ok
"$plc" check --diagnostics=json --error-limit=3 "$tmp/many.fp" 2>&1 >/dev/null |
  python3 -c "import json,sys; d=json.load(sys.stdin); assert len(d)==4 and d[-1]['code']=='D001', d" ||
  fail "the limit in JSON"; ok

# commands: a table; an unknown one is named, with the nearest
"$plc" chek "$p" 2>"$tmp/e"; [ $? -eq 2 ] && grep -q "unknown command 'chek'; did you mean 'plc check'" "$tmp/e" ||
  fail "plc chek: $(cat "$tmp/e")"; ok
"$plc" fmtt "$p" 2>"$tmp/e"; [ $? -eq 2 ] && grep -q "did you mean 'plc fmt'" "$tmp/e" ||
  fail "plc fmtt: $(cat "$tmp/e")"; ok
"$plc" frobnicate 2>"$tmp/e"; [ $? -eq 2 ] && grep -q "unknown command 'frobnicate'" "$tmp/e" ||
  fail "plc frobnicate: $(cat "$tmp/e")"; ok
"$plc" check "$p" 2>/dev/null || fail "plc check PLAN"; ok
"$plc" compile -q --format txt -o "$tmp/c" "$p" 2>/dev/null && [ -s "$tmp/c/plan2024.txt" ] || fail "plc compile PLAN"; ok
"$plc" --help | grep -q 'fmt' || fail "--help lists the commands"; ok

# --import-root: an import outside the plan's folder is refused, unless that folder is named
mkdir -p "$tmp/ir/a" "$tmp/ir/shared"
printf 'indicator x "x" 元\n  2023 actual 1\n' > "$tmp/ir/shared/base.fp"
printf 'import "../shared/base.fp" as b\nclaim 2023 b.x = 1元\n' > "$tmp/ir/a/main.fp"
"$plc" check "$tmp/ir/a/main.fp" 2>/dev/null; [ $? -eq 1 ] || fail "an import outside the plan's folder must be refused"; ok
"$plc" check --import-root="$tmp/ir" "$tmp/ir/a/main.fp" 2>/dev/null || fail "--import-root=DIR"; ok
"$plc" check --import-root "$tmp/ir" "$tmp/ir/a/main.fp" 2>/dev/null || fail "--import-root DIR"; ok

# the lines after a run: one per output written (none with -q); stale outputs named
mkdir "$tmp/w1"; printf 'year 2024\nindicator gdp 亿元\n  2023 actual 5704.55\n' > "$tmp/w1/plan.fp"
"$plc" "$tmp/w1/plan.fp" 2>"$tmp/e" || fail "compile"
[ "$(grep -c '^plc: wrote ' "$tmp/e")" -eq 4 ] && [ "$(wc -l < "$tmp/e")" -eq 4 ] ||
  fail "four 'wrote' lines expected (xlsx, txt, md, docx): $(cat "$tmp/e")"; ok
"$plc" -q "$tmp/w1/plan.fp" 2>"$tmp/e"; [ ! -s "$tmp/e" ] || fail "-q printed $(cat "$tmp/e")"; ok
cp "$tmp/bad.fp" "$tmp/w1/plan.fp"
"$plc" "$tmp/w1/plan.fp" 2>"$tmp/e"; [ $? -eq 1 ] || fail "a bad plan must exit 1"
grep -q "outputs not updated; these are from an earlier run: $tmp/w1/plan.xlsx $tmp/w1/plan.txt $tmp/w1/plan.md" "$tmp/e" ||
  fail "the stale outputs must be named: $(cat "$tmp/e")"; ok
echo "cli: $n option spellings and command lines behave"

# hostile text: bounded output, nothing raw, JSON always valid UTF-8
python3 -c "
import random, sys
random.seed(7); sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(1 << 20)))" > "$tmp/random.fp"
"$plc" check "$tmp/random.fp" 2>"$tmp/e"; [ $? -eq 1 ] || fail "1 MB of random bytes must exit 1"
[ "$(wc -c < "$tmp/e")" -lt 65536 ] || fail "1 MB of random bytes gave $(wc -c < "$tmp/e") bytes of diagnostics"
"$plc" check --diagnostics=json "$tmp/random.fp" 2>&1 >/dev/null |
  python3 -c "import json,sys; json.loads(sys.stdin.buffer.read().decode('utf-8', 'strict'))" ||
  fail "the JSON diagnostics of random bytes are not valid UTF-8 JSON"; ok
python3 -c "import sys; sys.stdout.write('{' * 100000 + '}' * 100000 + '\\n')" > "$tmp/braces.fp"
"$plc" check "$tmp/braces.fp" 2>"$tmp/e"
[ "$(wc -c < "$tmp/e")" -lt 8192 ] || fail "a 200 000-character line gave $(wc -c < "$tmp/e") bytes"; ok
printf 'status "draft\\n::error file=x.fp::forged"\n' > "$tmp/forge.fp"
"$plc" check "$tmp/forge.fp" 2>"$tmp/e"
grep -q '^::error' "$tmp/e" && fail "a string in the plan forged a line: $(cat "$tmp/e")"
grep -q '<0a>::error' "$tmp/e" || fail "the newline is not shown escaped: $(cat "$tmp/e")"; ok
printf 'status "\033[2J\033]0;pwned\007"\n' > "$tmp/esc.fp"
"$plc" check "$tmp/esc.fp" 2>"$tmp/e"
grep -q "$(printf '\033')" "$tmp/e" && fail "an escape character reached the terminal"
grep -q '<1b>' "$tmp/e" || fail "the escape character is not shown as <1b>"; ok

# the man page covers every option --help lists and every command
man=$(cd "$(dirname "$0")/.." && pwd)/docs/plc.1
page=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$man")
for opt in $("$plc" --help | grep -o -- '--\?-[a-zA-Z][a-zA-Z=-]*' | sed 's/=.*//' | sort -u); do
  echo "$page" | grep -q -- "$opt" || fail "the man page does not mention $opt"
done
for cmd in $("$plc" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
  echo "$page" | grep -q "^\.B $cmd\$\|plc $cmd" || fail "the man page does not describe the command $cmd"
done
echo "cli: the man page covers every option and command"
