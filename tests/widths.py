#!/usr/bin/env python3
"""widths.py REPORT.txt...: every text table of a report lines up in a Chinese monospace
font. Widths are as Chinese fonts draw them: East Asian Wide, Fullwidth and Ambiguous
(“ ” — … ·) characters two columns, combining marks none, the rest one. A table is a header
line, a line of dashes, rows up to a blank line; the header's cells give the columns'
starts; every cell of every row must start where its column starts (left-aligned) or end
where it ends (right-aligned)."""
import re
import sys
import unicodedata


def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WFA" else 1
    return w


def cells(line):
    """(start, end) display columns of each cell: runs separated by two or more spaces."""
    out, col = [], 0
    for m in re.finditer(r"\S+(?: \S+)*", line):
        start = width(line[: m.start()])
        out.append((start, start + width(m.group(0))))
    return out


def check(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    tables = bad = 0
    for i in range(1, len(lines)):
        if not re.fullmatch(r"-{3,}", lines[i]) or not lines[i - 1].strip():
            continue
        tables += 1
        total = len(lines[i])
        head = cells(lines[i - 1])
        starts = [s for s, _ in head]
        ends = [s - 2 for s in starts[1:]] + [total]
        j = i + 1
        while j < len(lines) and lines[j].strip():
            if width(lines[j]) > total:
                print(f"{path}:{j + 1}: the row is wider ({width(lines[j])}) than its table ({total})")
                bad += 1
            for s, e in cells(lines[j]):
                if s not in starts and e not in ends:
                    print(f"{path}:{j + 1}: a cell at columns {s}–{e} is off its column: {lines[j]}")
                    bad += 1
            j += 1
    return tables, bad


failed = 0
for path in sys.argv[1:]:
    tables, bad = check(path)
    if tables == 0:
        print(f"{path}: no table found")
        failed = 1
    failed |= bad > 0
sys.exit(failed)
