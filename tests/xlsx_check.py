#!/usr/bin/python3
"""xlsx_check.py MODEL.json [IMPORT.json ...] WORKBOOK.xlsx [RECALCULATED.xlsx]

Read a workbook plc wrote with an independent reader (openpyxl) and compare it with the
model plc printed as JSON: every value of every indicator on the series sheet, every
target's base figure and implied value on the main sheet, every claim on the checks
sheet, every commitment on the tasks sheet. With RECALCULATED (the same workbook after
LibreOffice recalculated it), every formula cell's recalculated value must equal the value
plc cached in it. Exits 1 with the differences listed.
"""
import json
import sys
from fractions import Fraction

import openpyxl

args = sys.argv[1:]
recalculated = None
if len(args) >= 3 and args[-1].endswith(".xlsx") and args[-2].endswith(".xlsx"):
    recalculated = args.pop()
book_path = args.pop()
models = [json.load(open(p, encoding="utf-8")) for p in args]
errors = []
checked = 0


def exact(s):
    """A model number ("6018.30025" or "20500/293") as a Fraction."""
    return Fraction(s)


def close(cell, want):
    """A cell holds the double nearest to the exact value (or within 1e-12 of it)."""
    if not isinstance(cell, (int, float)):
        return False
    return abs(Fraction(cell) - want) <= abs(want) * Fraction(1, 10**12) + Fraction(1, 10**15)


book = openpyxl.load_workbook(book_path, data_only=True)
formulas = openpyxl.load_workbook(book_path)
HEAD = 3   # every sheet is a 附表: title (row 1), unit (row 2), header (row 3), data
STATUSES = ("实际", "预计", "计划")


def period_of(head):
    """A period column's header without the status it may carry: 2023年预计 → 2023年."""
    head = head or ""
    for st in STATUSES:
        if head.endswith(st):
            return head[: -len(st)]
    return head


def label(code):
    """A period's Chinese label as the workbook writes it: 2024Q1 → 2024年一季度."""
    y, k, n = code[:4], code[4:5], int(code[5:] or 0)
    if k == "C" and n in (3, 6, 12, 1):
        k, n = {3: ("Q", 1), 6: ("H", 1), 12: ("", 0), 1: ("M", 1)}[n]
    if k == "":
        return y + "年"
    if k == "H":
        return y + "年" + ("上" if n == 1 else "下") + "半年"
    if k == "Q":
        return y + "年" + "一二三四"[n - 1] + "季度"
    if k == "M":
        return f"{y}年{n}月"
    if k == "C":
        return f"{y}年1—{n}月"
    return y + "年末" if n == 12 else f"{y}年{n}月末"


# the series sheet: every figure of every indicator, at its period
series = book["指标序列"]
header = [period_of(c.value) for c in series[HEAD]]
rows = {}
for r in range(HEAD + 1, series.max_row + 1):
    rows.setdefault(series.cell(r, 1).value, r)
seen = set()
for m in models:
    for ind in m["indicators"]:
        if ind["name"] in seen and not ind["values"]:
            continue
        for v in ind["values"]:
            if not v["figure"]:
                continue
            period = label(v["period"])
            want = exact(v["figure"]["exact"])
            if ind["unit"] == "%":
                want /= 100
            r = rows.get(ind["name"])
            if r is None or period not in header:
                errors.append(f"series: no cell for {ind['name']} {period}")
                continue
            got = series.cell(r, header.index(period) + 1).value
            checked += 1
            if not close(got, want):
                errors.append(f"series: {ind['name']} {period} is {got!r}, the model says {float(want)!r}")
        seen.add(ind["name"])

# the main sheet: base figure and implied value of each target
main = book["主要指标"]
plan = models[0]
mhead = [c.value for c in main[HEAD]]
C_BASE, C_VALUE, C_KIND = 3, mhead.index(f"{plan['header']['year']}年目标值") + 1, mhead.index("类型") + 1
def year_before(p):
    """The same period a year earlier: 2026 → 2025, 2024Q1 → 2023Q1."""
    return str(int(p[:4]) - 1) + p[4:]


for i, t in enumerate(plan["targets"]):
    r = i + HEAD + 1
    base = t.get("base")
    if base and base["period"] != year_before(t["period"]):
        # a change from an earlier year (from 2020): the column is the year before the target
        ind = next(x for x in plan["indicators"] if x["id"] == t["indicator"])
        prior = [v for v in ind["values"] if v["period"] == year_before(t["period"]) and v["figure"]]
        base = prior[-1]["figure"] if prior else None
    if base:
        checked += 1
        if not close(main.cell(r, 3).value, exact(base["exact"])):
            errors.append(f"main: base of {t['indicator']} is {main.cell(r, 3).value!r}")
    if t["implied"]:
        checked += 1
        if not close(main.cell(r, C_VALUE).value, exact(t["implied"]["exact"])):
            errors.append(f"main: implied value of {t['indicator']} is {main.cell(r, C_VALUE).value!r}, "
                          f"the model says {t['implied']['exact']}")
    kind = "约束性" if t["kind"] == "binding" else "预期性"
    checked += 1
    if main.cell(r, C_KIND).value != kind:
        errors.append(f"main: kind of {t['indicator']} is {main.cell(r, C_KIND).value!r}")

# the checks sheet: each claim's stated and computed figure
checks = book["数据核查"]
claims = [c for m in models[1:] + models[:1] for c in m["claims"]]
for i, c in enumerate(claims):
    r = i + HEAD + 1
    scale = Fraction(1, 100) if c["unit"] == "%" else 1
    checked += 1
    if not close(checks.cell(r, 3).value, exact(c["stated"]["exact"]) * scale):
        errors.append(f"checks: stated figure of {c['label']} is {checks.cell(r, 3).value!r}")
    if c.get("computed"):
        checked += 1
        if not close(checks.cell(r, 4).value, exact(c["computed"]["exact"]) * scale):
            errors.append(f"checks: computed figure of {c['label']} is {checks.cell(r, 4).value!r}")

# the tasks sheet: one row per commitment, with its words
tasks = book["主要任务"]
commitments = [(t["number"], c["what"]) for t in plan["tasks"] for c in t["commitments"]]
found, number = set(), None   # a task's number is merged down its commitments' rows
for r in range(HEAD + 1, tasks.max_row + 1):
    if isinstance(tasks.cell(r, 1).value, (int, float)):
        number = tasks.cell(r, 1).value
    found.add((number, tasks.cell(r, 3).value))
for key in commitments:
    checked += 1
    if key not in found:
        errors.append(f"tasks: commitment {key} is missing")

# last year's targets judged against this year's figures
if plan["execution"]:
    ex = book["上年目标执行"]
    for i, t in enumerate(plan["execution"]):
        r = i + HEAD + 1
        status = {"met": "完成", "not met": "未完成", "qualitative": "定性目标",
                  "none": "数据暂缺", "partly met": "基本完成"}
        e = t["execution"]
        want = status[e["status"]] + ("（按现价测算）" if e.get("at_current_prices") else "")
        checked += 1
        if ex.cell(r, 7).value != want:
            errors.append(f"execution: {t['indicator']} is {ex.cell(r, 7).value!r}")
        if t["implied"]:
            checked += 1
            if not close(ex.cell(r, 3).value, exact(t["implied"]["exact"])):
                errors.append(f"execution: target value of {t['indicator']} is {ex.cell(r, 3).value!r}")
        if "completion_percent" in t["execution"] and ex.cell(r, 5).value != "—":
            checked += 1
            got = ex.cell(r, 5).value
            want = Fraction(t["execution"]["actual"]) / exact(t["implied"]["exact"])
            if not close(got, want):
                errors.append(f"execution: completion of {t['indicator']} is {got!r}")

# recalculation: each formula's value after LibreOffice recalculated it
if recalculated:
    recalc = openpyxl.load_workbook(recalculated, data_only=True)
    formulas_seen = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                formulas_seen += 1
                cached = book[ws.title][cell.coordinate].value
                again = recalc[ws.title][cell.coordinate].value
                checked += 1
                if isinstance(cached, (int, float)):
                    ok = isinstance(again, (int, float)) and abs(again - cached) <= abs(cached) * 1e-12 + 1e-12
                else:
                    ok = again == cached
                if not ok:
                    errors.append(f"recalculated: {ws.title}!{cell.coordinate} {cell.value} gives "
                                  f"{again!r}, plc cached {cached!r}")
    if formulas_seen == 0:
        errors.append("recalculated: the workbook has no formula")
    print(f"xlsx: {formulas_seen} formulas recalculated by LibreOffice agree with plc")

for e in errors:
    print("FAIL:", e)
print(f"xlsx: {checked} cells compared with the model, {len(errors)} differences")
sys.exit(1 if errors else 0)
