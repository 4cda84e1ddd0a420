# 力争: a stretch level beside the target, shown and judged apart.
title "判定：力争"
year 2024
base 2023
indicator gdp "地区生产总值" 亿元 decimals 2
  2022 actual 5400
  2023 estimate 5700 同比增长 5.2% 可比价
part review "2023年计划执行情况"
part targets "2023年主要目标"
target gdp 2023 预期性 增长 5% 左右 力争 增长 5.5% 可比价
