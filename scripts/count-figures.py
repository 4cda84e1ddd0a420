#!/usr/bin/env python3
"""count-figures.py SEED PLAN.fp...: compare the figures of the report text with the
figures the plans encode (issue 4), as multisets of the numbers written.

A figure of the report is a number in Arabic digits after the title and the date, except
years (2023年, 2023赛迪…), page numbers, and labels that are names: "1+9+N", "20+8",
工业4.0, 节日大道3.0版, 500强, 1.4GHz, 500KV, B2B, and the task numbers "1." to "22.".
A range (1—2个) is one figure. A figure of a plan is a number on a value, claim, target or
commitment line, as `plc --emit ast` prints it. Figures the report writes in Chinese
numerals (近七成, 超百个, 超百万人, 近三分之一) are encoded as numbers and listed apart.
"""
import collections
import re
import subprocess
import sys

LABELS = [r"\d+(\+\d+)+(\+N)?", r"\d+\+N", r"工业4\.0", r"\d\.0(版|改革)", r"\d+强",
          r"1\.4GHz", r"500KV", r"20\d\d(?=年|赛迪|中国|深圳|粤港澳)", r"A/W", r"B2[BC]",
          r"\d+\.(?=[\u4e00-\u9fff])"]
CHINESE = {"近七成": "7", "超百个": "100", "超百万人": "100", "近三分之一": "33.3"}
NUMBER = r"\d+(?:\.\d+)?(?:~\d+)?"


def report_figures(seed):
    text = open(seed, encoding="utf-8").read()
    text = re.sub(r"—\s*\d+\s*—", " ", text).split("二〇二四年一月", 1)[1]
    flat = re.sub(r"(\d+)—(\d+)", r"\1~\2", re.sub(r"\s+", "", text))
    for pat in LABELS:
        flat = re.sub(pat, "L", flat)
    chinese = collections.Counter(CHINESE[w] for w in re.findall("|".join(CHINESE), flat))
    return collections.Counter(re.findall(NUMBER, flat)), chinese


def plan_figures(path):
    ast = subprocess.run(["build/plc", "--emit", "ast", path], capture_output=True,
                         text=True).stdout
    found = collections.Counter()
    for line in ast.split("\n"):
        m = re.match(r"\d+:\d+ (value|claim|target|commit) (\^\d+ )?", line)
        if not m:
            continue
        body = line[m.end():]
        if m.group(1) == "claim":
            body = body.split(" = ", 1)[1]
        elif m.group(1) == "value":
            body = body.split(" ", 1)[1]          # after the period
        elif m.group(1) == "target":
            body = body.split(" ", 2)[2]          # after the indicator and the period
        body = re.sub(r"\(range (\S+) ?\S* \.\. (\d+)", r"\1~\2", body)
        body = re.sub(r"for=\S+", "", body)
        found.update(re.findall(NUMBER, body))
    return found


report, chinese = report_figures(sys.argv[1])
plans = collections.Counter()
for path in sys.argv[2:]:
    plans += plan_figures(path)
print(f"report: {sum(report.values())} figures in digits, {sum(chinese.values())} in Chinese numerals")
print(f"plans:  {sum(plans.values())} figures")
print(f"in the report, not in the plans: {dict(report - plans) or 'none'}")
print(f"in the plans, not in the report's digits: {dict(plans - report) or 'none'}"
      f" (the Chinese-numeral figures: {dict(chinese)})")
