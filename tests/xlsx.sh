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
cp tests/golden/quarterly.fp tests/golden/written.fp tests/golden/target_bases.fp "$tmp"/
for plan in plan2024 small exec2024 quarterly written target_bases; do
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
  $py - "$tmp/plan2024.xlsx" "$tmp/edited.xlsx" "$tmp/rate.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["指标序列"]
col = [(c.value or "").startswith("2023年") for c in ws[3]].index(True) + 1
row = [c.value for c in ws["A"]].index("地区生产总值") + 1
ws.cell(row, col).value = 6000              # a planner edits the 2023 GDP
wb.save(sys.argv[2])
wb = openpyxl.load_workbook(sys.argv[1])
wb["主要指标"]["E4"].value = 0.06          # a planner tries 6% instead of 5.5%
wb.save(sys.argv[3])
PY
  timeout 300 soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to xlsx \
    --outdir "$tmp/recalc" "$tmp/plan2024.xlsx" "$tmp/small.xlsx" "$tmp/exec2024.xlsx" \
    "$tmp/quarterly.xlsx" "$tmp/written.xlsx" "$tmp/target_bases.xlsx" "$tmp/edited.xlsx" \
    "$tmp/rate.xlsx" >/dev/null 2>&1 ||
    fail "LibreOffice could not recalculate the workbooks"
  recalc=yes
  $py - "$tmp/recalc/edited.xlsx" <<'PY' || fail "an edited base figure did not flow to the implied target"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["主要指标"]
assert ws["A4"].value == "地区生产总值" and ws["B4"].value == "亿元", (ws["A4"].value, ws["B4"].value)
assert ws["C4"].value == 6000, ws["C4"].value
assert abs(ws["F4"].value - 6330) < 1e-9, ws["F4"].value   # 6000 × 1.055
PY
  $py - "$tmp/recalc/rate.xlsx" <<'PY' || fail "an edited growth rate did not flow to the implied target"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["主要指标"]
assert abs(ws["F4"].value - 5704.55 * 1.06) < 1e-9, ws["F4"].value
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

# targets whose implied value is not one year's growth on the base-year column (年均增长
# from 2020, 增加100亿元): their values are numbers, so a recalculation cannot change them;
# the plain growth beside them keeps its live formula
$py tests/xlsx_check.py "$tmp/target_bases.json" "$tmp/target_bases.xlsx" \
  ${recalc:+"$tmp/recalc/target_bases.xlsx"} || fail "target_bases.xlsx"
$py - "$tmp/target_bases.xlsx" <<'PY' || fail "the main sheet's rates and formulas are not what each target allows"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["主要指标"]
rows = {}
for r in ws.iter_rows(min_row=4):   # the table's rows (the charts' data below repeat names)
    if r[0].value:
        rows.setdefault(r[0].value, r)
for name in ("地区生产总值", "固定资产投资", "居民人均可支配收入"):
    rate, value = rows[name][4].value, rows[name][5].value
    assert rate is None and isinstance(value, (int, float)), (name, rate, value)
assert rows["税收收入"][4].value == 0.06 and rows["税收收入"][5].value == "=C7*(1+E7)"
PY

# cumulative and point-in-time periods: every figure read back, the columns in time order
# and labelled as reports label them
# (the same quarter, 1—9月 or 9月末 of last year in every growth formula, as LibreOffice
# recalculates it)
$py tests/xlsx_check.py "$tmp/quarterly.json" "$tmp/quarterly.xlsx" \
  ${recalc:+"$tmp/recalc/quarterly.xlsx"} || fail "quarterly.xlsx"
$py - "$tmp/quarterly.xlsx" <<'PY' || fail "the series sheet's periods are not in time order"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["指标序列"]
got = [c.value for c in ws[3]][2:-1]   # title, unit, then the header: 指标, 单位, periods…, 说明
want = ["2023年一季度", "2023年上半年", "2023年1—9月", "2023年9月末", "2023年",
        "2024年一季度", "2024年上半年", "2024年1—9月", "2024年9月末", "2024年"]
assert got == [w + "实际" for w in want], got
PY

# figures as written and declines: 1.3万亿斤 in a 亿斤 column says what was written; a
# decline shows 下降 (stated as words, or a negative percent in a 下降 format)
$py tests/xlsx_check.py "$tmp/written.json" "$tmp/written.xlsx" \
  ${recalc:+"$tmp/recalc/written.xlsx"} || fail "written.xlsx"
$py - "$tmp/written.xlsx" <<'PY' || fail "the workbook does not show figures as written or declines as 下降"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["指标序列"]
col = [c.value for c in ws[3]].index("2024年实际") + 1
rows = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
notes = {name: (ws.cell(r, col).comment.text if ws.cell(r, col).comment else "") for name, r in rows.items()}
for name, written in (("粮食产量", "1.3万亿斤"), ("一般公共预算收入", "3.46万亿元"), ("保障性住房", "0.6万套")):
    assert "原文：" + written in notes[name], (name, notes[name])
assert ws.cell(rows["保障性住房"], col).value == 6000
note = [c.value for c in ws[3]].index("说明") + 1   # a change only goes to 说明
assert ws.cell(rows["社会消费品零售总额"], note).value == "2024年：下降2.0%左右"
assert ws.cell(rows["固定资产投资"], note).value == "2024年：增长-2.0%左右"
assert ws.cell(rows["单位GDP能耗"], note).value == "2024年：下降0.5%"
checks = wb["数据核查"]
c = checks.cell(4, 3)   # the first claim: 工业下降, stated −76.2%
assert c.value == -0.762 and '"下降"' in c.number_format, (c.value, c.number_format)
PY

# a target's price basis is stated as written: 现价 (or 当年价) never reads 可比价
cp tests/golden/basis.fp "$tmp"/
"$plc" --format xlsx "$tmp/basis.fp" 2>/dev/null || fail "plc basis.fp exited $?"
$py - "$tmp/basis.xlsx" <<'PY' || fail "the workbook states a wrong price basis"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["主要指标"]
notes = {ws.cell(r, 1).value: ws.cell(r, 6).comment.text for r in range(4, 8)}
assert "按可比价" in notes["地区生产总值"], notes
assert "按现价" in notes["一般公共预算收入"] and "可比价" not in notes["一般公共预算收入"], notes
assert "按现价" in notes["社会消费品零售总额"] and "可比价" not in notes["社会消费品零售总额"], notes
assert "价" not in notes["全社会固定资产投资"], notes
PY

# a statistician's 附表: title and unit rows, the status in the headers, page numbers on
# every sheet, numbers only in number columns, a filter on the series, the main sheet's
# formats (约, 可比价, the rate as a percent), charts whose cached points are the figures
$py - "$tmp/plan2024.xlsx" <<'PY' || fail "plan2024.xlsx is not a 附表"
import re, sys, zipfile, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
main = wb["主要指标"]
assert main["A1"].value == "附表1　福田区2024年国民经济和社会发展主要指标计划（草案）", main["A1"].value
assert main["A2"].value == "单位：亿元", main["A2"].value
head = [c.value for c in main[3]]
assert head[:7] == ["指标", "单位", "2023年预计", "2024年目标", "目标增速", "2024年目标值", "类型"], head
assert "执行情况" not in head, "an empty 执行情况 column"
# a percent shows a decline as 下降 (its second section)
assert main["E4"].value == 0.055 and main["E4"].number_format == '0.0%;"下降"0.0%', (main["E4"].value, main["E4"].number_format)
assert main["F4"].value == "=C4*(1+E4)", main["F4"].value
assert main["F4"].number_format == '"约"0.00"（可比价）"', main["F4"].number_format
for ws in wb.worksheets:
    assert ws["A1"].value.startswith("附表"), (ws.title, ws["A1"].value)
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text, ws.title
    assert ws.print_title_rows in ("3:3", "$3:$3"), (ws.title, ws.print_title_rows)
series = wb["指标序列"]
shead = [c.value for c in series[3]]
assert series.auto_filter.ref and series.auto_filter.ref.startswith("A3:"), series.auto_filter.ref
numeric = [i for i, h in enumerate(shead) if re.fullmatch(r"\d{4}.*", h or "")]
assert numeric, shead
for row in series.iter_rows(min_row=4):
    for i in numeric:
        v = row[i].value
        assert v is None or isinstance(v, (int, float)) or str(v).startswith("="), (row[0].value, v)
for row in main.iter_rows(min_row=4, max_row=3 + 9):
    for i in (2, 4, 5):
        v = row[i].value
        assert v is None or isinstance(v, (int, float)) or str(v).startswith("="), (row[0].value, v)
tasks = wb["主要任务"]
thead = [c.value for c in tasks[3]]
assert "牵头单位" not in thead and "完成时限" not in thead, thead
assert tasks["A4"].value.startswith("（一）"), tasks["A4"].value   # a section row
# printed one page wide on A4 landscape, the task sheet's 11 pt text stays at 9 pt or more:
# its columns (a width unit is about 7 px at 96 dpi, 0.073 in) fit the printable width
from openpyxl.utils import get_column_letter
width_in = sum((tasks.column_dimensions[get_column_letter(c)].width or 8.43) * 7 + 5
               for c in range(1, len(thead) + 1)) / 96
printable = 11.69 - tasks.page_margins.left - tasks.page_margins.right
scale = min(1, printable / width_in)
assert 11 * scale >= 9, f"the task sheet prints at {11 * scale:.1f} pt"
# the charts: a % axis of the rates; amounts of one unit and scale; points cached
z = zipfile.ZipFile(path)
charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
assert len(charts) == 2, len(charts)
rates = [c for c in charts if "目标增速" in c][0]
assert 'formatCode="0%"' in rates, "the rate chart's axis is not in %"
assert "<c:v>0.055</c:v>" in rates, "the rate chart's cache lacks 5.5%"
amounts = [c for c in charts if "目标增速" not in c][0]
assert "<c:v>5704.55</c:v>" in amounts and "<c:v>7842</c:v>" in amounts, "amounts not cached"
assert "<c:v>208</c:v>" not in amounts, "208 亿元 beside 7842 亿元"
print("xlsx: a 附表: title, unit, status in headers, page numbers, numbers only, filter, charts")
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
