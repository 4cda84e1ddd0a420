#!/bin/sh
# wide.sh PLC: a plan of 200 periods and a formula over 100 indicators, compiled to a
# workbook: every period has its column and the formula its live cell (nothing is cut at
# a fixed size).
plc=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
  echo 'title "宽表"'; echo 'year 2001'; echo 'base 2000'
  echo 'indicator x "x" 亿元'
  i=0; while [ $i -lt 200 ]; do echo "  $((1801 + i)) actual $((i + 1))"; i=$((i + 1)); done
  printf 'indicator total "合计" 亿元 = a1'
  i=2; while [ $i -le 100 ]; do printf ' + a%d' $i; i=$((i + 1)); done; echo
  i=1; while [ $i -le 100 ]; do echo "indicator a$i \"a$i\" 亿元"; echo "  2000 actual $i"; i=$((i + 1)); done
} > "$dir/wide.fp"
"$plc" -o "$dir" --format xlsx "$dir/wide.fp" || { echo "wide: plc failed"; exit 1; }
/usr/bin/python3 - "$dir/wide.xlsx" <<'PY' || exit 1
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["指标序列"]
head = [c.value for c in ws[3]]   # under the 附表's title and unit rows; no 类别 column
assert head[2].startswith("1801年") and head[201].startswith("2000年"), (head[2], head[201])
row = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
f = ws.cell(row["合计"], 202).value
assert isinstance(f, str) and f.startswith("=") and f.count("指标序列") == 100, f
print("wide: 200 periods in 200 columns; a formula of 100 references is one live cell")
PY
