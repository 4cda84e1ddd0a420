#!/bin/sh
# widths.sh PLC: the text reports' tables line up in a Chinese monospace font (the
# ambiguous characters “ ” — … drawn two columns wide): tests/widths.py on each report.
plc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp plans/*.fp tests/golden/*.fp "$tmp"/
for f in "$tmp"/plan2024.fp "$tmp"/exec2024.fp "$tmp"/small.fp; do
  "$plc" --format txt "$f" 2>/dev/null || { echo "FAIL: plc $f exited $?"; exit 1; }
done
/usr/bin/python3 tests/widths.py "$tmp"/plan2024.txt "$tmp"/exec2024.txt "$tmp"/small.txt ||
  { echo "FAIL: a text table does not line up"; exit 1; }
echo "widths: every row of every text table lines up"

# the tables plc adds are not in the report's body (the real report has none): 附表 only
for f in "$tmp"/plan2024.txt "$tmp"/exec2024.txt; do
  awk '/^附表$/ { app = 1 } /^---+$/ && !app { bad = 1 } END { exit bad || !app }' "$f" ||
    { echo "FAIL: $f has a table in its body, or no 附表"; exit 1; }
done
echo "widths: the added tables are in 附表 at the end"
