#!/bin/sh
# kill.sh PLC: the outputs of a run are replaced together or not at all, and nobody can
# redirect them. (1) A compile of a large generated plan is killed with SIGKILL at random
# moments (KILL_RUNS, 20 by default): after each kill the outputs are the old ones or
# the new ones, whole and all from one run; what a kill leaves (a private folder) is
# counted, and the next run removes it. (2) While plc writes, the private folder it
# writes in is swapped for one holding a symlink to another file: the write must not
# follow it.
plc=$1
runs=${KILL_RUNS:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# a plan of N indicators (scripts/bench.sh's generator); figures differ by VERSION
gen() {
  awk -v n="$1" -v v="$2" 'BEGIN {
    print "title \"生成的计划\"\nyear 2024\nbase 2023\npart targets \"目标\""
    for (i = 0; i < n; i++) {
      printf "indicator i_%d \"第%d个指标\" 亿元 decimals 2\n  2023 actual %d.%02d\n", i, i, i * 7 % 99991 + v, i % 100
      printf "target i_%d 2024 预期性 增长 5.5%% 左右\n", i
    }
    print "para\n| 第0个指标为{i_0[2023]}。"
  }'
}

mkdir "$tmp/out"
gen 10000 0 > "$tmp/big.fp"
"$plc" -q -o "$tmp/old" "$tmp/big.fp" || fail "the first compile failed"
cp "$tmp"/old/* "$tmp/out/"
gen 10000 5 > "$tmp/big.fp"
# how long a whole compile takes, in 10 ms steps, to spread the kills over it
t0=$(date +%s%N); "$plc" -q -o "$tmp/new" "$tmp/big.fp"; t1=$(date +%s%N)
steps=$(( (t1 - t0) * 13 / 100000000 + 1 ))  # up to 1.3 times it: some runs finish
cmp -s "$tmp/old/big.txt" "$tmp/new/big.txt" && fail "the two versions give the same report"

# whether the outputs in out are all those of the run that wrote into $1
same() { for ext in xlsx txt md docx; do cmp -s "$tmp/out/big.$ext" "$1/big.$ext" || return 1; done; }

left=0; whole=0
i=0
while [ $i -lt "$runs" ]; do
  i=$((i + 1))
  cp "$tmp"/old/* "$tmp/out/"
  "$plc" -q -o "$tmp/out" "$tmp/big.fp" 2>/dev/null &
  pid=$!
  delay=$(awk -v s="$steps" -v seed="$i$$" 'BEGIN { srand(seed); printf "%.2f", int(rand() * s) / 100 }')
  sleep "$delay"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  # the outputs: all old or all new
  if same "$tmp/new"; then whole=$((whole + 1))
  else same "$tmp/old" || fail "kill $i (after ${delay}s): the outputs are not all from one run"
  fi
  n=$(ls -A "$tmp/out" | grep -c 'tmp-')
  left=$((left + n))
done
"$plc" -q -o "$tmp/out" "$tmp/big.fp" || fail "a run after the kills failed"
ls -A "$tmp/out" | grep -q 'tmp-' && fail "a run did not remove what killed runs left: $(ls -A "$tmp/out")"
[ "$(ls -A "$tmp/out" | wc -l)" -eq 4 ] || fail "stray files: $(ls -A "$tmp/out")"
echo "kill: $runs runs killed at random moments: outputs whole and from one run each time ($whole had finished, $((runs - whole)) had not), $left private folders left by kills, all removed by the next run"

# (2) the symlink swap: a victim file, and plc writing into a shared folder
mkdir -m 777 "$tmp/shared"
echo "victim" > "$tmp/victim"
gen 30000 0 > "$tmp/shared/huge.fp"
"$plc" -q --format xlsx "$tmp/shared/huge.fp" 2>"$tmp/err" &
pid=$!
i=0
while [ -z "$(ls -A "$tmp/shared" | grep 'huge.plc.tmp-')" ] && [ $i -lt 1200 ]; do sleep 0.02; i=$((i + 1)); done
priv=$(ls -A "$tmp/shared" | grep 'huge.plc.tmp-' | head -1)
[ -n "$priv" ] || fail "plc never made its private folder"
[ "$(stat -c %a "$tmp/shared/$priv")" = 700 ] || fail "the private folder is not 0700"
# the attack: move the private folder away and put one with a symlink in its place
mv "$tmp/shared/$priv" "$tmp/shared/moved" && mkdir "$tmp/shared/$priv" &&
  ln -s "$tmp/victim" "$tmp/shared/$priv/huge.xlsx" || fail "the swap itself failed"
kill -0 $pid 2>/dev/null || fail "plc finished before the swap: the test proves nothing (make the plan larger)"
wait $pid
rc=$?
[ "$(cat "$tmp/victim")" = "victim" ] || fail "the write followed the swapped-in symlink"
[ $rc -eq 0 ] || fail "plc exited $rc: $(cat "$tmp/err")"
python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).testzip()" "$tmp/shared/huge.xlsx" ||
  fail "the workbook written after the swap is not whole"
echo "kill: a private folder swapped for a symlink while plc wrote: the victim untouched, the workbook whole"
