#!/bin/sh
# xlsx_stream.sh PLC: a plan large enough that plc streams its workbook (libxlsxwriter's
# constant_memory mode, from about 20000 cells: XL_STREAM_CELLS in compiler/emit/workbook.c). The workbook
# opens in an independent reader (openpyxl) and holds every model value (xlsx_check.py);
# each derived cell's provenance is a row of 数据来源 naming the cell, and the plan line it
# names is that cell's; the tasks' merged cells survive row-by-row writing; the charts stay
# small; no temporary file is left behind, in the output folder or in TMPDIR.
plc=$1
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
if ! $py -c "import openpyxl" 2>/dev/null; then
  echo "xlsx_stream: python3-openpyxl is not installed; skipped"; exit 0
fi
# 1000 indicators of the rich mix: about 21000 cells, over the threshold
$py scripts/gen-plan.py 1000 rich > "$tmp/big.fp"
mkdir -p "$tmp/out" "$tmp/tmpdir"
TMPDIR="$tmp/tmpdir" "$plc" -q --format xlsx -o "$tmp/out" "$tmp/big.fp" ||
  fail "plc big.fp exited $?"
"$plc" -q --emit json "$tmp/big.fp" > "$tmp/big.json" 2>/dev/null
[ "$(ls -A "$tmp/out")" = "big.xlsx" ] || fail "the output folder holds more than the workbook: $(ls -A "$tmp/out")"
[ -z "$(ls -A "$tmp/tmpdir")" ] || fail "temporary files left in TMPDIR: $(ls -A "$tmp/tmpdir")"
$py tests/xlsx_check.py "$tmp/big.json" "$tmp/out/big.xlsx" || fail "big.xlsx"
$py - "$tmp/out/big.xlsx" "$tmp/big.fp" <<'PY' || fail "the streamed workbook's provenance"
import re, sys, zipfile, openpyxl
path, plan = sys.argv[1], sys.argv[2]
lines = open(plan, encoding="utf-8").read().split("\n")
z = zipfile.ZipFile(path)
names = z.namelist()
assert "xl/sharedStrings.xml" not in names, "not streamed: shared strings"
assert not [n for n in names if "comments" in n or "vmlDrawing" in n], "streamed, yet comments"
for n in names:   # a chart of at most 50 points
    if n.startswith("xl/charts/chart"):
        counts = [int(c) for c in re.findall(r'<c:ptCount val="(\d+)"', z.read(n).decode())]
        assert counts and max(counts) <= 50, (n, counts)
wb = openpyxl.load_workbook(path)
assert wb.sheetnames[-1] == "数据来源", wb.sheetnames
prov = wb["数据来源"]
assert [c.value for c in prov[3]] == ["工作表", "单元格", "来源"], [c.value for c in prov[3]]
seen = {}
for sheet, cell, text in prov.iter_rows(min_row=4, values_only=True):
    assert (sheet, cell) not in seen, ("twice", sheet, cell)
    seen[(sheet, cell)] = text
    assert wb[sheet][cell].value is not None, ("provenance of an empty cell", sheet, cell)

def block_of(n):
    """The indicator line of the block plan line n is in."""
    while n > 0 and not lines[n - 1].startswith("indicator "):
        n -= 1
    return lines[n - 1]

def line_no(text):
    m = re.search(r"（big\.fp:(\d+)）$", text)
    assert m, text
    return int(m.group(1))

def line_of(text):
    """The plan line a provenance names: 由公式计算（big.fp:41） gives line 41's text."""
    m = re.search(r"（big\.fp:(\d+)）$", text)
    assert m, text
    return lines[int(m.group(1)) - 1]

series = wb["指标序列"]
formulas = 0
for row in series.iter_rows(min_row=4):
    for c in row[3:-1]:
        if isinstance(c.value, str) and c.value.startswith("="):
            formulas += 1
            text = seen.pop(("指标序列", c.coordinate), None)
            assert text and text.startswith("由公式计算（"), (c.coordinate, text)
            assert '"%s"' % row[0].value in line_of(text), (c.coordinate, text, line_of(text))
assert formulas > 0, "no formula on the series sheet"
main = wb["主要指标"]
for row in main.iter_rows(min_row=4, max_col=6):
    if not (isinstance(row[2].value, str) and row[2].value.startswith("='指标序列'")):
        continue
    text = seen.pop(("主要指标", row[2].coordinate))
    assert text.startswith("引自“指标序列”表（"), text
    assert line_of(text).lstrip().startswith("2023 "), (text, line_of(text))
    assert '"%s"' % row[0].value in block_of(line_no(text)), (text, block_of(line_no(text)))
    if isinstance(row[5].value, str) and row[5].value.startswith("=C"):
        text = seen.pop(("主要指标", row[5].coordinate))
        assert row[0].value in text and line_of(text).startswith("target "), text
checks = wb["数据核查"]
for row in checks.iter_rows(min_row=4, max_col=5):
    if isinstance(row[3].value, str) and row[3].value.startswith("="):
        text = seen.pop(("数据核查", row[3].coordinate))
        line = line_of(text)
        assert line.startswith("claim ") and '"%s"' % row[0].value in line, (text, line)
        assert seen.pop(("数据核查", row[4].coordinate)) == "计算值按报告数值的精度四舍五入"
assert not seen, ("provenance of no derived cell", list(seen.items())[:3])
# a task's number and title merged down its commitments' rows, the number in the first
tasks = wb["主要任务"]
merged = [r for r in tasks.merged_cells.ranges if r.min_col == 1 and r.max_row > r.min_row]
assert merged, "no task merged down its rows"
for r in merged:
    assert isinstance(tasks.cell(r.min_row, 1).value, int), (str(r), tasks.cell(r.min_row, 1).value)
    assert tasks.cell(r.min_row, 2).value, str(r)
    assert any(m.min_col == 2 and m.min_row == r.min_row and m.max_row == r.max_row
               for m in tasks.merged_cells.ranges), str(r)
print("xlsx_stream: %d formula cells of the series, every derived cell's provenance, %d merged tasks"
      % (formulas, len(merged)))
PY
