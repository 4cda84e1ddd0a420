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
