#!/bin/sh
# xlsx.sh PLC: the workbook. An independent reader (openpyxl) finds every model value in
# it; LibreOffice recalculates it and agrees with every cached formula value; an edited
# base figure flows through to the implied target; a failed write keeps the last workbook.
plc=$1
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
if ! $py -c "import openpyxl" 2>/dev/null; then
  echo "xlsx: python3-openpyxl is not installed; skipped (./setup.sh installs it)"; exit 0
fi
cp plans/plan2024.fp tests/golden/small.fp tests/golden/exec202[34].fp "$tmp"/
cp tests/golden/quarterly.fp tests/golden/written.fp "$tmp"/
for plan in plan2024 small exec2024 quarterly written; do
  "$plc" --format xlsx "$tmp/$plan.fp" 2>/dev/null || fail "plc $plan.fp exited $?"
  "$plc" --emit json "$tmp/$plan.fp" > "$tmp/$plan.json" 2>/dev/null
done
"$plc" --emit json "$tmp/exec2023.fp" > "$tmp/exec2023.json" 2>/dev/null

recalc=""
if command -v soffice >/dev/null 2>&1; then
  # a fresh LibreOffice profile that recalculates every formula when it loads a file
  mkdir -p "$tmp/profile/user"
  cat > "$tmp/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
  $py - "$tmp/plan2024.xlsx" "$tmp/edited.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb["指标序列"]["D2"].value = 6000          # a planner edits the 2023 GDP
wb.save(sys.argv[2])
PY
  timeout 300 soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to xlsx \
    --outdir "$tmp/recalc" "$tmp/plan2024.xlsx" "$tmp/small.xlsx" "$tmp/exec2024.xlsx" \
    "$tmp/quarterly.xlsx" "$tmp/written.xlsx" "$tmp/edited.xlsx" >/dev/null 2>&1 ||
    fail "LibreOffice could not recalculate the workbooks"
  recalc=yes
  $py - "$tmp/recalc/edited.xlsx" <<'PY' || fail "an edited base figure did not flow to the implied target"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["主要指标"]
assert ws["B2"].value == "亿元" and ws["C2"].value == 6000, (ws["B2"].value, ws["C2"].value)
assert abs(ws["E2"].value - 6330) < 1e-9, ws["E2"].value   # 6000 × 1.055
PY
else
  echo "xlsx: LibreOffice is not installed; the recalculation check is skipped (./setup.sh installs it)"
fi
$py tests/xlsx_check.py "$tmp/plan2024.json" "$tmp/plan2024.xlsx" \
  ${recalc:+"$tmp/recalc/plan2024.xlsx"} || fail "plan2024.xlsx"
$py tests/xlsx_check.py "$tmp/small.json" "$tmp/small.xlsx" ${recalc:+"$tmp/recalc/small.xlsx"} ||
  fail "small.xlsx"
$py tests/xlsx_check.py "$tmp/exec2024.json" "$tmp/exec2023.json" "$tmp/exec2024.xlsx" \
  ${recalc:+"$tmp/recalc/exec2024.xlsx"} || fail "exec2024.xlsx"

# cumulative and point-in-time periods: every figure read back, the columns in time order
# and labelled as reports label them
# (the same quarter, 1—9月 or 9月末 of last year in every growth formula, as LibreOffice
# recalculates it)
$py tests/xlsx_check.py "$tmp/quarterly.json" "$tmp/quarterly.xlsx" \
  ${recalc:+"$tmp/recalc/quarterly.xlsx"} || fail "quarterly.xlsx"
$py - "$tmp/quarterly.xlsx" <<'PY' || fail "the series sheet's periods are not in time order"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["指标序列"]
got = [c.value for c in ws[1]][3:]
want = ["2023年一季度", "2023年上半年", "2023年1—9月", "2023年9月末", "2023年",
        "2024年一季度", "2024年上半年", "2024年1—9月", "2024年9月末", "2024年"]
assert got == want, got
PY

# figures as written and declines: 1.3万亿斤 in a 亿斤 column says what was written; a
# decline shows 下降 (stated as words, or a negative percent in a 下降 format)
$py tests/xlsx_check.py "$tmp/written.json" "$tmp/written.xlsx" \
  ${recalc:+"$tmp/recalc/written.xlsx"} || fail "written.xlsx"
$py - "$tmp/written.xlsx" <<'PY' || fail "the workbook does not show figures as written or declines as 下降"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["指标序列"]
rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
notes = {name: (ws.cell(r, 5).comment.text if ws.cell(r, 5).comment else "") for name, r in rows.items()}
for name, written in (("粮食产量", "1.3万亿斤"), ("一般公共预算收入", "3.46万亿元"), ("保障性住房", "0.6万套")):
    assert "原文：" + written in notes[name], (name, notes[name])
assert ws.cell(rows["保障性住房"], 5).value == 6000
assert ws.cell(rows["社会消费品零售总额"], 5).value == "下降2.0%左右"
assert ws.cell(rows["固定资产投资"], 5).value == "增长-2.0%左右"
assert ws.cell(rows["单位GDP能耗"], 5).value == "下降0.5%"
checks = wb["数据核查"]
assert checks["C2"].value == -0.762 and '"下降"' in checks["C2"].number_format, checks["C2"].number_format
PY

# a target's price basis is stated as written: 现价 (or 当年价) never reads 可比价
cp tests/golden/basis.fp "$tmp"/
"$plc" --format xlsx "$tmp/basis.fp" 2>/dev/null || fail "plc basis.fp exited $?"
$py - "$tmp/basis.xlsx" <<'PY' || fail "the workbook states a wrong price basis"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["主要指标"]
notes = {ws.cell(r, 1).value: ws.cell(r, 5).comment.text for r in range(2, 6)}
assert "按可比价" in notes["地区生产总值"], notes
assert "按现价" in notes["一般公共预算收入"] and "可比价" not in notes["一般公共预算收入"], notes
assert "按现价" in notes["社会消费品零售总额"] and "可比价" not in notes["社会消费品零售总额"], notes
assert "价" not in notes["全社会固定资产投资"], notes
PY

# a write that fails says what failed, exits 2 and leaves no temporary file
mkdir -p "$tmp/ro/plan2024.xlsx"
"$plc" --format xlsx -o "$tmp/ro" "$tmp/plan2024.fp" 2>"$tmp/err"; [ $? -eq 2 ] || fail "a failed workbook write must exit 2"
grep -q "plan2024.xlsx" "$tmp/err" || fail "a failed write must say what failed"
ls "$tmp/ro" | grep -q tmp- && fail "a temporary workbook was left behind"

# a run killed while it writes leaves the last good workbook as it was
$py - "$tmp/big.fp" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("year 2024\nbase 2023\n")
    for i in range(60000):
        f.write(f"indicator i_{i} \"指标{i}\" 亿元 decimals 2\n  2023 actual {i}.25\n")
        f.write(f"target i_{i} 2024 预期性 增长 5.5% 左右\n")
PY
cp "$tmp/plan2024.xlsx" "$tmp/big.xlsx"
"$plc" --format xlsx "$tmp/big.fp" 2>/dev/null &
pid=$!
i=0   # wait until it is writing (its temporary file exists), then kill it
while ! ls "$tmp" | grep -q 'big.plc.tmp-' && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
ls "$tmp" | grep -q 'big.plc.tmp-' || fail "the run was not killed while writing"
cmp -s "$tmp/big.xlsx" "$tmp/plan2024.xlsx" || fail "a killed run damaged the last good workbook"

# the same plan gives the same workbook, byte for byte
cp "$tmp/plan2024.xlsx" "$tmp/first.xlsx"
"$plc" --format xlsx "$tmp/plan2024.fp" 2>/dev/null
cmp -s "$tmp/plan2024.xlsx" "$tmp/first.xlsx" || fail "two runs gave different workbooks"
echo "xlsx: read back, recalculated, edited, atomic, deterministic"
