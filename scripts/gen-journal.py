#!/usr/bin/env python3
"""gen-journal.py N: a ledger journal on stdout holding the figures of gen-plan.py's simple
plan of N indicators -- each indicator's 2023 actual and its 2024 target level in one
transaction, about as many bytes as that plan -- for `make bench` to time ledger and
hledger on the same data (never a test). Postings go to a thousand accounts, so that the
balance report is not what is timed."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
out = []
w = out.append
for i in range(n):
    cents = (i * 7 % 99991) * 100 + i % 100
    target = cents * 1055 // 1000
    w("2023-12-31 第%d个指标 i_%d 预期性 增长 5.5%%\n"
      "    实际:组%d    %d.%02d 亿元\n    目标:组%d    %d.%02d 亿元\n    基数\n\n"
      % (i, i, i % 1000, cents // 100, cents % 100, i % 1000, target // 100, target % 100))
sys.stdout.write("".join(out))
