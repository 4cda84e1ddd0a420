#!/bin/sh
# bench.sh [BUILD]: timings, never a test (`make bench`). First the flagship plan (check,
# the three outputs, diff). Then the goals of issue 17 as ratios measured in this one run,
# on two generated plans of BENCH_N indicators (100000 by default; scripts/gen-plan.py):
# the simple one (an indicator, a value, a target) and a rich one (formulas, claims,
# targets of several kinds, prose with placeholders, tasks with commitments). Every time is
# the CPU time (user + system, from wait4: tests/bench/cpu.c) of a whole process, the best of BENCH_RUNS
# (3); the anchor is a bare flex+bison parse of plc's own grammar (scripts/bare-grammar.py).
# Then ledger and hledger on a journal of the same figures, when they are installed.
# The workbook is measured on plans of BENCH_XLSX_N (10000) and twice as many indicators.
# BENCH_QUICK=1 skips the 10x growth (BENCH_GROWTH_N, 50000, to 500000 simple indicators).
set -eu
build=${1:-build}
build=$(cd "$build" && pwd)
plc=$build/plc
n=${BENCH_N:-100000}
runs=${BENCH_RUNS:-3}
xn=${BENCH_XLSX_N:-10000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME CMD...: the best CPU seconds of $runs runs of CMD into $tmp/NAME.t, with
# that run's peak resident KB ($tmp/NAME.kb) and page faults, major + minor ($tmp/NAME.pf).
# A run that fails stops the bench: a ratio over a failed run means nothing.
measure() {
  name=$1; shift
  best=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    if ! "$build/bench_cpu" "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err"; then
      echo "bench: failed: $*" >&2; cat "$tmp/err" "$tmp/out" >&2; exit 1
    fi
    line=$(tail -n 1 "$tmp/time")
    t=$(echo "$line" | awk '{printf "%.3f", $1}')
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then
      best=$t
      echo "$line" | awk '{print $2}' > "$tmp/$name.kb"
      echo "$line" | awk '{print $3}' > "$tmp/$name.pf"
    fi
    i=$((i + 1))
  done
  echo "$best" > "$tmp/$name.t"
}
get() { cat "$tmp/$1"; }
# ratio A B: A / B, two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", (b > 0 ? 100 * a / b : 0)}'; }
row() { printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$5"; }
# met RATIO OP GOAL: yes or no
met() { awk -v r="$1" -v g="$3" -v op="$2" 'BEGIN {ok = op == ">=" ? r >= g : r <= g; print ok ? "yes" : "no"}'; }

echo "## The flagship (plans/plan2024.fp), best of $runs, CPU time"
cp plans/plan2024.fp "$tmp"/
measure fcheck "$plc" check "$tmp/plan2024.fp"
measure fall "$plc" -q -o "$tmp/fout" "$tmp/plan2024.fp"
mkdir -p "$tmp/rev"
sed 's/增长5.5%左右 可比价/增长6%左右 可比价/' "$tmp/plan2024.fp" > "$tmp/rev/plan2024.fp"
# (plc diff exits 1 when the plans differ, as diff does)
measure fdiff sh -c '"$@"; [ $? -le 1 ]' sh "$plc" diff "$tmp/plan2024.fp" "$tmp/rev/plan2024.fp"
echo "plc check: $(get fcheck.t) s; all three outputs: $(get fall.t) s; diff of two revisions: $(get fdiff.t) s"
if command -v git >/dev/null 2>&1; then
  (cd "$tmp" && git init -q g && cp plan2024.fp g/ && cd g && git add . &&
   git -c user.name=b -c user.email=b@b commit -qm one && cp ../rev/plan2024.fp . &&
   git -c user.name=b -c user.email=b@b commit -qam two) >/dev/null 2>&1
  (cd "$tmp/g" && measure fgit sh -c '"$@"; [ $? -le 1 ]' sh "$plc" diff HEAD~1 HEAD -- plan2024.fp)
  echo "plc diff HEAD~1 HEAD -- plan2024.fp (from git): $(get fgit.t) s"
fi
echo

# workbook NAME FP: plc --format xlsx on FP, and the raw libxlsxwriter program writing the
# same cells (the workbook's time is plc --format xlsx's less plc check's)
workbook() {
  wname=$1 wfp=$2
  measure "$wname.check" "$plc" check "$wfp"
  measure "$wname.xlsx" "$plc" -q --format xlsx -o "$tmp/x" "$wfp"
  python3 "$here/xlsx-cells.py" "$tmp/x/$(basename "$wfp" .fp).xlsx" > "$tmp/cells.tsv"
  best=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    t=$("$build/bench_rawxlsx" "$tmp/cells.tsv" "$tmp/raw.xlsx" | awk '{print $5}')
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$t; fi
    i=$((i + 1))
  done
  echo "$best" > "$tmp/$wname.raw.t"
  wc -l < "$tmp/cells.tsv" | tr -d ' ' > "$tmp/$wname.cells"
  awk -v a="$(get "$wname.xlsx.t")" -v b="$(get "$wname.check.t")" 'BEGIN {printf "%.3f", a - b}' \
    > "$tmp/$wname.wb.t"
}

# one plan: every row of the table
bench_plan() {
  kind=$1 fp=$2
  bytes=$(wc -c < "$fp")
  # the figures: value lines, targets, claims, commitments
  values=$(grep -cE '^ +[0-9]{4}|^target |^claim |^ *commit ' "$fp")
  measure bare "$build/bench_bare" "$fp"
  measure scan "$build/bench_scan" "$fp"
  measure parse "$build/bench_stage" parse "$fp"
  measure pcheck "$build/bench_stage" check "$fp"
  measure check "$plc" check "$fp"
  tb=$(get bare.t)
  echo "## $kind plan: $n indicators, $bytes bytes, $values figures"
  echo
  row "what" "measured (CPU s)" "ratio" "goal" "met"
  row "---" "---" "---" "---" "---"
  row "bare flex+bison parse (anchor)" "$tb s, $(awk -v b="$bytes" -v t="$tb" 'BEGIN {printf "%.0f", b / 1e6 / t}') MB/s" "100 %" "the anchor" ""
  r=$(ratio "$tb" "$(get scan.t)")
  row "plc's scanner alone" "$(get scan.t) s" "$(pct "$tb" "$(get scan.t)") of the anchor" ">= 80 %" "$(met "$r" ">=" 0.80)"
  r=$(ratio "$tb" "$(get parse.t)")
  row "parse + AST" "$(get parse.t) s" "$(pct "$tb" "$(get parse.t)")" ">= 50 %" "$(met "$r" ">=" 0.50)"
  r=$(ratio "$tb" "$(get pcheck.t)")
  row "parse + check" "$(get pcheck.t) s" "$(pct "$tb" "$(get pcheck.t)")" ">= 35 %" "$(met "$r" ">=" 0.35)"
  r=$(ratio "$tb" "$(get check.t)")
  row "full plc check" "$(get check.t) s, $(awk -v b="$bytes" -v t="$(get check.t)" 'BEGIN {printf "%.1f", b / 1e6 / t}') MB/s" "$(pct "$tb" "$(get check.t)")" ">= 25 %" "$(met "$r" ">=" 0.25)"
  kb=$(get check.kb)
  r=$(awk -v k="$kb" -v b="$bytes" 'BEGIN {printf "%.1f", k * 1024 / b}')
  row "peak memory of plc check per input byte" "$((kb / 1024)) MiB" "$r B/B" "<= 1 B/B" "$(met "$r" "<=" 1)"
  r=$(awk -v k="$kb" -v v="$values" 'BEGIN {printf "%.0f", k * 1024 / v}')
  row "peak memory of plc check per figure" "$values figures" "$r B" "<= 64 B" "$(met "$r" "<=" 64)"
  # the workbook, on a plan of BENCH_XLSX_N indicators and of twice as many (its time
  # grows faster than its size: the 100k plan's workbook takes minutes)
  python3 "$here/gen-plan.py" "$xn" "$kind" > "$tmp/w1.fp"
  python3 "$here/gen-plan.py" "$((xn * 2))" "$kind" > "$tmp/w2.fp"
  workbook w1 "$tmp/w1.fp"
  workbook w2 "$tmp/w2.fp"
  r=$(ratio "$(get w1.wb.t)" "$(get w1.raw.t)")
  row "workbook ($xn indicators, $(get w1.cells) cells): plc xlsx - plc check, vs raw libxlsxwriter" "$(get w1.wb.t) s vs $(get w1.raw.t) s" "${r}x raw" "<= 1.3x" "$(met "$r" "<=" 1.3)"
  r=$(ratio "$(get w2.wb.t)" "$(get w2.raw.t)")
  row "workbook ($((xn * 2)) indicators, $(get w2.cells) cells): the same" "$(get w2.wb.t) s vs $(get w2.raw.t) s" "${r}x raw" "<= 1.3x" "$(met "$r" "<=" 1.3)"
  row "workbook: time for x2 indicators" "$(get w1.wb.t) s -> $(get w2.wb.t) s" "x$(ratio "$(get w2.wb.t)" "$(get w1.wb.t)")" "x2 (linear)" "$(met "$(ratio "$(get w2.wb.t)" "$(get w1.wb.t)")" "<=" 2.2)"
  row "workbook: peak memory of plc --format xlsx, $xn -> $((xn * 2))" "$(( $(get w1.xlsx.kb) / 1024 )) -> $(( $(get w2.xlsx.kb) / 1024 )) MiB" "x$(ratio "$(get w2.xlsx.kb)" "$(get w1.xlsx.kb)")" "constant" "$(met "$(ratio "$(get w2.xlsx.kb)" "$(get w1.xlsx.kb)")" "<=" 1.1)"
  # what the workbook adds to the model's own peak (plc check's), which grows with the plan
  a1=$(( ($(get w1.xlsx.kb) - $(get w1.check.kb)) / 1024 )) a2=$(( ($(get w2.xlsx.kb) - $(get w2.check.kb)) / 1024 ))
  row "workbook: what it adds to plc check's peak memory, $xn -> $((xn * 2))" "$a1 -> $a2 MiB" "+$((a2 - a1)) MiB" "constant" "$(met "$((a2 - a1))" "<=" 2)"
  cp "$tmp/check.t" "$tmp/$kind.check.t"
  cp "$tmp/check.pf" "$tmp/$kind.check.pf"
  cp "$tmp/check.kb" "$tmp/$kind.check.kb"
  echo
}

python3 "$here/gen-plan.py" "$n" simple > "$tmp/simple.fp"
python3 "$here/gen-plan.py" "$n" rich > "$tmp/rich.fp"
bench_plan simple "$tmp/simple.fp"
bench_plan rich "$tmp/rich.fp"

# peers on the same data: ledger and hledger (when installed: apt-get install ledger
# hledger) reading a journal of the simple plan's figures (scripts/gen-journal.py), their
# balance report against plc check of the simple plan
if command -v ledger >/dev/null 2>&1 || command -v hledger >/dev/null 2>&1; then
  python3 "$here/gen-journal.py" "$n" > "$tmp/j.ledger"
  echo "## Peers: the simple plan's figures as a journal of $n transactions ($(wc -c < "$tmp/j.ledger") bytes)"
  echo
  row "what" "measured (CPU s)" "ratio to plc check" "goal" "met"
  row "---" "---" "---" "---" "---"
  tc=$(get simple.check.t)
  row "plc check, simple plan" "$tc s" "1" "" ""
  if command -v ledger >/dev/null 2>&1; then
    measure ledger ledger -f "$tmp/j.ledger" balance
    r=$(ratio "$(get ledger.t)" "$tc")
    row "ledger balance" "$(get ledger.t) s" "${r}x plc's time" ">= 4x" "$(met "$r" ">=" 4)"
  fi
  if command -v hledger >/dev/null 2>&1; then
    measure hledger hledger -f "$tmp/j.ledger" balance
    r=$(ratio "$(get hledger.t)" "$tc")
    row "hledger balance" "$(get hledger.t) s" "${r}x plc's time" "" ""
  fi
  echo
else
  echo "(ledger and hledger are not installed: the peers row is not measured)"
  echo
fi

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  echo "(BENCH_QUICK=1: the 10x growth is not measured)"
  exit 0
fi
# (plc reads at most 64 MiB: 500000 simple indicators are 64 MB, so the growth is measured
# from BENCH_GROWTH_N, 50000 by default, to ten times as many)
gn=${BENCH_GROWTH_N:-50000}
big=$((gn * 10))
python3 "$here/gen-plan.py" "$gn" simple > "$tmp/small.fp"
python3 "$here/gen-plan.py" "$big" simple > "$tmp/big.fp"
measure small "$plc" check "$tmp/small.fp"
measure big "$plc" check "$tmp/big.fp"
echo "## Growth: simple plan, $gn -> $big indicators ($(wc -c < "$tmp/small.fp") -> $(wc -c < "$tmp/big.fp") bytes)"
rm -f "$tmp/big.fp"
echo
row "what" "measured" "ratio" "goal" "met"
row "---" "---" "---" "---" "---"
r=$(ratio "$(get big.t)" "$(get small.t)")
row "plc check time" "$(get small.t) s -> $(get big.t) s" "x$r" "<= x11" "$(met "$r" "<=" 11)"
row "page faults" "$(get small.pf) -> $(get big.pf)" "x$(ratio "$(get big.pf)" "$(get small.pf)")" "" ""
row "peak memory" "$(( $(get small.kb) / 1024 )) -> $(( $(get big.kb) / 1024 )) MiB" "x$(ratio "$(get big.kb)" "$(get small.kb)")" "" ""
