#!/bin/sh
# diff.sh PLC [--update]: the semantic diff's tests. (1) golden 修订说明: each
# tests/diff/x.fp against tests/diff/base.fp gives tests/diff/x.diff (stdout and exit
# status), one kind of change per file; JSON and Markdown for two of them; a verdict of
# last year's target that moved, and prose spans that rebuild both texts; (2) the issue's
# review of the flagship (the GDP target raised, a task inserted, a commitment deleted, a
# word of prose changed) against tests/diff/flagship.diff; (3) reformatting is no change:
# every plan of the tree against its `plc fmt` copy exits 0; (4) the revision sheet reads
# back with openpyxl (and opens in LibreOffice when it is installed); (5) trouble exits 2.
plc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=$2
failed=0
total=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

py=/usr/bin/python3
[ -x $py ] || py=python3
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# compare GOT EXPECTED WHAT
compare() {
  total=$((total + 1))
  if [ "$update" = "--update" ]; then cp "$1" "$2"
  elif ! cmp -s "$1" "$2"; then fail "$3"; diff -u "$2" "$1" | head -30
  fi
}

# (1) one kind of change per file
for fp in tests/diff/*.fp; do
  [ "$fp" = tests/diff/base.fp ] && continue
  { "$plc" diff tests/diff/base.fp "$fp" 2>&1; echo "exit $?"; } > "$tmp/got"
  compare "$tmp/got" "${fp%.fp}.diff" "plc diff base.fp $fp"
done
"$plc" diff --format json tests/diff/base.fp tests/diff/target_changed.fp > "$tmp/got" 2>&1
compare "$tmp/got" tests/diff/target_changed.json "plc diff --format json (target_changed)"
"$plc" diff --format md tests/diff/base.fp tests/diff/prose_changed.fp > "$tmp/got" 2>&1
compare "$tmp/got" tests/diff/prose_changed.md "plc diff --format md (prose_changed)"
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["changes"] == len(d["changes"]) == 2' \
  tests/diff/target_changed.json || fail "the JSON is not valid or its summary does not count its changes"

# (2) the flagship, reviewed as the issue describes
mkdir -p "$tmp/old" "$tmp/new"
cp plans/plan2024.fp "$tmp/old/"
sed -e 's/^target gdp 2024 预期性 增长5.5%左右 可比价$/target gdp 2024 预期性 增长6%左右 可比价/' \
    -e 's/^task "高品质建设香蜜湖新金融中心"$/task "推进城市更新"\
  | 推进城市更新项目{更新项目}。\
  commit 更新项目 "城市更新项目" 10个\
\
task "高品质建设香蜜湖新金融中心"/' \
    -e '/^  commit 百亿集群 /d' -e 's/{百亿集群}百亿级/5个百亿级/' \
    -e 's/提速皇岗口岸改造/加快皇岗口岸改造/' plans/plan2024.fp > "$tmp/new/plan2024.fp"
(cd "$tmp" && "$plc" diff -o "$tmp/sheet.xlsx" old/plan2024.fp new/plan2024.fp 2>&1; echo "exit $?") > "$tmp/got"
compare "$tmp/got" tests/diff/flagship.diff "the flagship's review"

# last year's targets judged against this year's figures: a verdict that moved
mkdir -p "$tmp/exec"
cp tests/golden/exec2023.fp tests/golden/exec2024.fp "$tmp/exec/"
sed 's/^  2023 estimate 5704.55$/  2023 estimate 5500/' tests/golden/exec2024.fp > "$tmp/exec/revised.fp"
(cd "$tmp/exec" && "$plc" diff exec2024.fp revised.fp 2>&1; echo "exit $?") > "$tmp/got"
compare "$tmp/got" tests/diff/execution.diff "a verdict of last year's target that moved"

# the character-level spans of every prose change put the old and the new text together
total=$((total + 1))
(cd "$tmp" && "$plc" diff --format json old/plan2024.fp new/plan2024.fp) > "$tmp/flagship.json" 2>&1
"$plc" diff --format json tests/diff/base.fp tests/diff/prose_changed.fp > "$tmp/prose.json" 2>&1
$py - "$tmp/flagship.json" "$tmp/prose.json" <<'PY' || fail "prose spans do not rebuild the old and new text"
import json, sys
n = 0
for f in sys.argv[1:]:
    for c in json.load(open(f))["changes"]:
        if "spans" not in c: continue
        n += 1
        old = "".join(s["text"] for s in c["spans"] if s["op"] in "=-")
        new = "".join(s["text"] for s in c["spans"] if s["op"] in "=+")
        assert old == c["old"] and new == c["new"], (c["item"], old, c["old"], new, c["new"])
assert n >= 2, n
PY

# (3) reformatting is no change in meaning
n=0
for fp in plans/*.fp tests/golden/*.fp tests/diff/*.fp; do
  "$plc" check "$fp" >/dev/null 2>&1 || continue
  mkdir -p "$tmp/f/$(dirname "$fp")"
  for other in "$(dirname "$fp")"/*.fp; do "$plc" fmt "$other" > "$tmp/f/$other" 2>/dev/null; done
  total=$((total + 1)); n=$((n + 1))
  "$plc" diff "$fp" "$tmp/f/$fp" > "$tmp/out" 2>&1 || { fail "$fp: reformatting shows as a change"; head -20 "$tmp/out"; }
done

# (4) the revision sheet
total=$((total + 1))
if $py -c "import openpyxl" 2>/dev/null; then
  $py - "$tmp/sheet.xlsx" <<'PY' || fail "the revision sheet"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["修订对照表"]
assert ws["A1"].value == "修订对照表", ws["A1"].value
head = [c.value for c in ws[4]]
assert head == ["序号", "类别", "修改", "项目", "原稿", "修改稿", "说明", "原稿位置", "修改稿位置"], head
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
assert len(rows) == 4, rows
target = [r for r in rows if r[1] == "主要目标"][0]
assert target[4] == "增长5.5%左右" and target[5] == "增长6%左右", target
assert target[6].startswith("目标值 约6018.30 → 约6046.82亿元"), target[6]
assert target[7].startswith("old/plan2024.fp:") and target[8] == "new" + target[7][3:], target
assert [r for r in rows if r[1] == "主要任务" and r[2] == "新增" and "推进城市更新" in r[3]]
assert [r for r in rows if r[1] == "量化指标" and r[2] == "删除" and "百亿级产业集群" in r[3]]
prose = [r for r in rows if r[1] == "文字"][0]
assert "提速皇岗口岸改造" in prose[4] and "加快皇岗口岸改造" in prose[5], prose
PY
  if command -v soffice >/dev/null 2>&1; then
    total=$((total + 1))
    timeout 300 soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
      --outdir "$tmp/lo" "$tmp/sheet.xlsx" >/dev/null 2>&1 && grep -q '增长6%左右' "$tmp/lo/sheet.csv" ||
      fail "LibreOffice cannot open the revision sheet"
  fi
else
  echo "diff: python3-openpyxl is not installed; the revision sheet is not read back"
fi

# (5) trouble: a missing file, a plan with errors, a bad option: exit 2, no sheet written
total=$((total + 1))
"$plc" diff tests/diff/base.fp "$tmp/missing.fp" >/dev/null 2>&1; rc1=$?
"$plc" diff -o "$tmp/bad.xlsx" tests/diff/base.fp tests/diag/three_errors.fp >/dev/null 2>&1; rc2=$?
"$plc" diff --format xml tests/diff/base.fp tests/diff/base.fp >/dev/null 2>&1; rc3=$?
[ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && [ $rc3 -eq 2 ] && [ ! -e "$tmp/bad.xlsx" ] ||
  fail "trouble should exit 2 and write nothing (got $rc1 $rc2 $rc3)"

echo "diff: $((total - failed))/$total checks pass ($n plans reformatted without a change in meaning)"
[ "$failed" -eq 0 ]
