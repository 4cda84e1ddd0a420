#!/bin/sh
# verdicts.sh PLC: every verdict agrees across outputs. For each judging fixture
# (tests/golden/judge_*.fp) the 完成情况 of the workbook's 上年目标执行 sheet and of the
# text report's execution table (附表) are the verdicts of the JSON model, row by row.
plc=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failed=0
for fp in tests/golden/judge_*.fp tests/golden/exec2024.fp plans/licheng2023.fp; do
  name=$(basename "${fp%.fp}")
  "$plc" -o "$dir" --format xlsx,txt "$fp" 2>/dev/null || { echo "verdicts: $fp did not compile"; failed=1; continue; }
  "$plc" --emit json "$fp" > "$dir/$name.json" 2>/dev/null
  /usr/bin/python3 - "$dir/$name.xlsx" "$dir/$name.json" "$dir/$name.txt" "$fp" <<'PY' || failed=1
import json, sys, openpyxl
xlsx, js, txt, fp = sys.argv[1:5]
words = {"met": "完成", "not met": "未完成", "partly met": "基本完成", "none": "数据暂缺",
         "qualitative": "定性目标"}
model = json.load(open(js))
want = []
for t in model["execution"]:
    e = t["execution"]
    want.append(words[e["status"]] + ("（按现价测算）" if e.get("at_current_prices") and e["status"] != "none" else ""))
ws = openpyxl.load_workbook(xlsx)["上年目标执行"]
head = [c.value for c in ws[3]]   # under the 附表's title and unit rows
col = head.index("完成情况") + 1
got = [ws.cell(r, col).value for r in range(4, ws.max_row + 1)]
assert got == want, (fp, "workbook", got, want)
lines = open(txt, encoding="utf-8").read().split("计划主要目标执行情况\n")[1].strip().split("\n")
rows = [l for l in lines[2:] if l.strip() and not l.startswith("（力争）")]
rows = rows[:len(want)]
for line, w in zip(rows, want):
    assert line.rstrip().endswith(w), (fp, "report", line, w)
PY
done
[ "$failed" -eq 0 ] && echo "verdicts: workbook, report and JSON agree on every verdict"
exit $failed
