#!/bin/sh
# run.sh PLC: plc watch recompiles when a file the plan imports changes: saved in place,
# saved by writing a new file and renaming it over the old one (as many editors do), and
# when an import is added; it ends cleanly on Ctrl-C (SIGINT). Every wait is bounded.
PLC=$(realpath "${1:-build/plc}")
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: watch: $1"; }

mkdir "$dir/last" "$dir/out"
cat > "$dir/last/base.fp" <<'PLAN'
title "测试区2023年计划"
year 2023
indicator gdp "地区生产总值" 亿元 decimals 2
  2022 actual 5400
  2023 actual 5704.55
PLAN
cat > "$dir/main.fp" <<'PLAN'
title "测试区2024年计划"
year 2024
base 2023
import "last/base.fp" as b
indicator gdp "地区生产总值" 亿元 decimals 2 main
part targets "主要目标"
target gdp 2024 预期性 增长 5.5%
PLAN

# wait_for N PATTERN: until the log has N lines matching PATTERN (at most 10 s)
wait_for() {
  i=0
  while :; do
    n=$(grep -c -- "$2" "$dir/log" 2>/dev/null)
    [ "${n:-0}" -ge "$1" ] && return 0
    i=$((i + 1)); [ $i -gt 100 ] && return 1; sleep 0.1
  done
}

: > "$dir/log"
"$PLC" watch --format txt -o "$dir/out" "$dir/main.fp" > "$dir/log" 2>&1 &
pid=$!
if wait_for 1 "main.fp: compiled, 0 errors"; then ok; else bad "the first compile"; fi
[ -f "$dir/out/main.txt" ] && ok || bad "the first compile wrote main.txt"
grep -q "wrote $dir/out/main.txt" "$dir/log" && ok || bad "the status line names the output"

# an editor that saves by rename: write a new file, move it over the import
sed 's/5704.55/57O4.55/' "$dir/last/base.fp" > "$dir/last/.base.fp.swp"
mv "$dir/last/.base.fp.swp" "$dir/last/base.fp"
if wait_for 1 "main.fp: not compiled, [0-9]* error"; then ok; else bad "a rename-save of the import"; fi
grep -q "base.fp:5:" "$dir/log" && ok || bad "the import's diagnostic is printed"

# saved in place
sed -i 's/57O4.55/5704.55/' "$dir/last/base.fp"
if wait_for 2 "main.fp: compiled, 0 errors"; then ok; else bad "an in-place save of the import"; fi

# a change elsewhere in the folder is not a change of the plan
n=$(grep -c "main.fp:" "$dir/log")
echo x > "$dir/last/unrelated.txt"
sleep 0.5
[ "$(grep -c "main.fp:" "$dir/log")" -eq "$n" ] && ok || bad "an unrelated file caused a compile"

# a new import, in a new folder, is watched from the compile that reads it
mkdir "$dir/more"
printf 'title "x"\nyear 2023\nindicator y "y" 亿元\n  2023 actual 1\n' > "$dir/more/extra.fp"
printf 'import "more/extra.fp" as e\n' >> "$dir/main.fp"
if wait_for 3 "main.fp: compiled, 0 errors"; then ok; else bad "the plan itself changed"; fi
printf '  2023 actual 2\n' >> "$dir/more/extra.fp"
if wait_for 2 "main.fp: not compiled"; then ok; else bad "a change of the new import"; fi

# Ctrl-C ends it cleanly
kill -INT "$pid"
i=0
while kill -0 "$pid" 2>/dev/null; do i=$((i + 1)); [ $i -gt 50 ] && break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then bad "SIGINT did not end it"; else
  wait "$pid"; rc=$?; pid=
  [ "$rc" -eq 0 ] && ok || bad "exit status $rc after SIGINT"
fi
grep -q "plc watch: stopped" "$dir/log" && ok || bad "no word on stopping"

# the command line: usage errors exit 2 with a word, --help exits 0
"$PLC" watch > /dev/null 2> "$dir/err"; rc=$?
[ $rc -eq 2 ] && grep -q "no plan file given" "$dir/err" && ok || bad "no plan: status $rc"
"$PLC" watch --bogus x.fp > /dev/null 2> "$dir/err"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown option '--bogus'" "$dir/err" && ok || bad "unknown option: $rc"
"$PLC" watch --format pdf x.fp > /dev/null 2> "$dir/err"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown format 'pdf'" "$dir/err" && ok || bad "unknown format: $rc"
"$PLC" watch -o "$dir/nowhere" x.fp > /dev/null 2> "$dir/err"; rc=$?
[ $rc -eq 2 ] && grep -q "not a directory" "$dir/err" && ok || bad "-o not a folder: $rc"
"$PLC" watch --help | grep -q "usage: plc watch" && ok || bad "watch --help"
"$PLC" lsp --bogus < /dev/null > /dev/null 2> "$dir/err"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown option '--bogus'" "$dir/err" && ok || bad "lsp --bogus: $rc"
"$PLC" lsp --help | grep -q "usage: plc lsp" && ok || bad "lsp --help"
# a plan that cannot be read is said, and watched for
timeout 5 "$PLC" watch --check "$dir/missing.fp" > "$dir/miss" 2>&1 &
mpid=$!
sleep 0.5
printf 'title "x"\nyear 2024\n' > "$dir/missing.fp"
i=0; while ! grep -q "missing.fp: compiled" "$dir/miss" && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
kill -INT $mpid 2>/dev/null; wait $mpid
grep -q "missing.fp: cannot be read" "$dir/miss" && grep -q "missing.fp: compiled" "$dir/miss" &&
  ok || { bad "a missing plan, then created"; cat "$dir/miss"; }

[ "$failed" -eq 0 ] || { echo "watch said:"; cat "$dir/log"; }
echo "watch: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
