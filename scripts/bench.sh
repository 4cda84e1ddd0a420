#!/bin/sh
# bench.sh PLC [SCAN]: timings, never a test. The flagship plan (check, and all three
# outputs), and a generated plan of N indicators (BENCH_N, 100000 by default): check
# throughput in MB/s against a scan of the same bytes by plc's own scanner (SCAN), and
# what the workbook and the report cost on top.
plc=${1:-build/plc}
plc=$(cd "$(dirname "$plc")" && pwd)/$(basename "$plc")
scan=${2:-build/bench_scan}
n=${BENCH_N:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# milliseconds a command takes, best of 5
ms() {
  best=""
  for i in 1 2 3 4 5; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    t=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}

cp plans/plan2024.fp "$tmp"/
echo "flagship: plc check plans/plan2024.fp: $(ms "$plc" check "$tmp/plan2024.fp") ms"
echo "flagship: plc plans/plan2024.fp (xlsx, txt, md): $(ms "$plc" "$tmp/plan2024.fp") ms"
# the flagship against a revision of itself (the GDP target raised), as files and in git
mkdir -p "$tmp/rev" &&
  sed 's/增长5.5%左右 可比价/增长6%左右 可比价/' "$tmp/plan2024.fp" > "$tmp/rev/plan2024.fp"
echo "flagship: plc diff of two revisions: $(ms "$plc" diff "$tmp/plan2024.fp" "$tmp/rev/plan2024.fp") ms"
if command -v git >/dev/null 2>&1; then
  (cd "$tmp" && git init -q g && cp plan2024.fp g/ && cd g && git add . &&
   git -c user.name=b -c user.email=b@b commit -qm one && cp ../rev/plan2024.fp . &&
   git -c user.name=b -c user.email=b@b commit -qam two) >/dev/null 2>&1
  echo "flagship: plc diff HEAD~1 HEAD -- plan2024.fp (git): $(cd "$tmp/g" && ms "$plc" diff HEAD~1 HEAD -- plan2024.fp) ms"
fi

awk -v n="$n" 'BEGIN {
  print "title \"生成的计划\"\nyear 2024\nbase 2023"
  for (i = 0; i < n; i++) {
    printf "indicator i_%d \"第%d个指标\" 亿元 decimals 2\n  2023 actual %d.%02d\n", i, i, i * 7 % 99991, i % 100
    printf "target i_%d 2024 预期性 增长 5.5%% 左右\n", i
  }
}' > "$tmp/big.fp"
bytes=$(wc -c < "$tmp/big.fp")
t=$(ms "$plc" check "$tmp/big.fp")
echo "generated: $n indicators, $bytes bytes: plc check $t ms ($(( bytes / 1000 / (t > 0 ? t : 1) )) MB/s)"
[ -x "$scan" ] && echo "generated: baseline $("$scan" "$tmp/big.fp")"
t2=$(ms "$plc" --format xlsx "$tmp/big.fp")
echo "generated: plc --format xlsx $t2 ms (the workbook: $(( t2 - t )) ms)"
t3=$(ms "$plc" --format txt "$tmp/big.fp")
echo "generated: plc --format txt $t3 ms"
