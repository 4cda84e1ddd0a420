#!/usr/bin/env python3
"""gen-plan.py N [rich|simple]: a generated plan of N indicators on stdout, valid plc input,
for `make bench` (never a test). simple: an indicator, a value and a growth target each
(bench.sh's plan). rich: the mix of a real plan -- values in two years, indicators computed
by formulas over others, claims that hold (sums computed here exactly), targets of several
kinds, prose paragraphs with placeholders, tasks with commitments -- in the flagship's
three parts (review, targets, tasks)."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
kind = sys.argv[2] if len(sys.argv) > 2 else "rich"
out = []
w = out.append

if kind == "simple":
    w('title "生成的计划"\nyear 2024\nbase 2023\n')
    for i in range(n):
        w('indicator i_%d "第%d个指标" 亿元 decimals 2\n  2023 actual %d.%02d\n'
          % (i, i, i * 7 % 99991, i % 100))
        w('target i_%d 2024 预期性 增长 5.5%% 左右\n' % i)
    sys.stdout.write("".join(out))
    sys.exit(0)


def cents(i, year):
    """The value of indicator i in year, in hundredths (an exact integer)."""
    return (i * 7919 + year * 104729) % 9999991 + 1000


def fig(c):
    return "%d.%02d" % (c // 100, c % 100)


w('title "生成的计划（富）"\nregion "生成区"\nyear 2024\nbase 2023\ndate 2024-01\nstatus 草案\n\n')
w('part review "2023年计划执行情况"\n')
G = 10  # indicators in a group: a section, a paragraph, a claim, a computed indicator
for g in range(0, n, G):
    w('\nsection "第%d组"\n' % (g // G))
    for i in range(g, min(g + G, n)):
        cat = " category 主要指标 main" if i % 50 == 0 else ""
        w('indicator i_%d "第%d个指标" 亿元 decimals 2%s\n' % (i, i, cat))
        w('  2022 actual %s\n  2023 estimate %s\n' % (fig(cents(i, 2022)), fig(cents(i, 2023))))
    last = min(g + G, n) - 1
    if last - g >= 3:
        a, b, c = g, g + 1, g + 2
        w('indicator s_%d "第%d组合计" 亿元 decimals 2 = i_%d + i_%d - i_%d / 2 + i_%d * 3\n'
          % (g, g // G, a, b, c, last))
        total = cents(a, 2023) + cents(b, 2023)
        w('claim c_%d "第%d组两项合计" 2023 i_%d + i_%d = %s亿元\n' % (g, g // G, a, b, fig(total)))
        w('para "第%d组运行情况"\n' % (g // G))
        w('  | 本组第一项指标完成{i_%d}，同比增长{growth(i_%d)}，两项合计{c_%d}，\n' % (a, a, g))
        w('  | 第二项完成{i_%d}，同比增长{growth(i_%d)}，组合计{s_%d}，运行总体平稳、稳中有进。\n'
          % (b, b, g))
w('\npart targets "2024年主要目标"\npara\n  | 综合考虑多方因素，提出主要目标如下：\n')
kinds = [
    '预期性 增长 5.5% 左右 可比价',
    '预期性 增长 5.0%',
    '约束性 下降 3.5%',
    '预期性 持平',
    '约束性 "完成市下达目标"',
    '预期性 增长 4%—6%',
]
for i in range(n):
    w('target i_%d 2024 %s\n' % (i, kinds[i % len(kinds)]))
w('\npart tasks "2024年主要任务"\n')
T = 20  # indicators a task speaks of
for g in range(0, n, T):
    if g % (T * 10) == 0:
        w('\nsection "第%d类任务"\n' % (g // (T * 10)))
    t = g // T
    w('\ntask "第%d项任务"\n' % t)
    w('  | 聚焦重点领域，推动第%d项任务全面落地，新增{k_%d}优质产业空间，\n' % (t, t))
    w('  | 引进落户重点项目{p_%d}，加快形成新质生产力，打造高质量发展新标杆。\n' % t)
    w('  commit k_%d "新增优质产业空间" 超%d万平方米\n' % (t, 10 + t % 90))
    w('  commit p_%d "引进落户重点项目" 至少%d个\n' % (t, 1 + t % 9))
sys.stdout.write("".join(out))
