#!/bin/sh
# csv.sh PLC [--update]: the CSV outputs of the flagship plan against their golden files
# (tests/golden/reports/plan2024.csv, plan2024-series.csv), and read by Python's csv module
# as Excel reads them: a BOM, CRLF, the same number of fields on every line, numbers only
# in the number columns. --update rewrites the golden files.
plc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp plans/plan2024.fp "$tmp"/
"$plc" --format csv "$tmp/plan2024.fp" 2>/dev/null || fail "plc --format csv exited $?"
[ ! -e "$tmp/plan2024.txt" ] || fail "--format csv wrote the text report too"
for f in plan2024.csv plan2024-series.csv; do
  if [ "$2" = "--update" ]; then
    cp "$tmp/$f" "tests/golden/reports/$f"
  else
    cmp -s "$tmp/$f" "tests/golden/reports/$f" ||
      { diff -u "tests/golden/reports/$f" "$tmp/$f" | head -20; fail "$f differs from its golden file"; }
  fi
done
/usr/bin/python3 - "$tmp/plan2024.csv" "$tmp/plan2024-series.csv" <<'PY' || fail "the CSV does not read back"
import csv, sys
numeric = {"plan2024.csv": ["2023年", "目标增减", "2024年目标值"], "plan2024-series.csv": ["数值"]}
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path}: no BOM"
    assert raw.count(b"\r\n") == raw.count(b"\n"), f"{path}: a line not ended by CRLF"
    rows = list(csv.reader(open(path, encoding="utf-8-sig", newline="")))
    head = rows[0]
    assert all(len(r) == len(head) for r in rows), f"{path}: rows of different lengths"
    for col in numeric[path.rsplit("/", 1)[-1]]:
        k = head.index(col)
        values = [r[k] for r in rows[1:] if r[k]]
        assert values, f"{path}: {col} is empty"
        for v in values:
            float(v)  # a number, or the reader fails here
print(f"csv: {sum(1 for _ in open(sys.argv[2], encoding='utf-8-sig')) - 1} series rows read back")
PY
echo "csv: golden, BOM, CRLF, RFC 4180, numbers apart from words"
