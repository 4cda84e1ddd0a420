# 左右: short of the target within the band (0.5 个百分点 by default) is 基本完成; beyond
# it, 未完成. tolerance sets the band for amounts (5% of the target by default).
title "判定：左右的容差"
year 2024
base 2023
tolerance 3%
indicator gdp "地区生产总值" 亿元 decimals 2
  2022 actual 5400
  2023 estimate 5700 同比增长 5.8% 可比价
indicator 规上工业 "规上工业增加值" 亿元 decimals 1
  2022 actual 1000
  2023 estimate 1050 同比增长 5.2% 可比价
indicator 投资 "固定资产投资" 亿元 decimals 0
  2023 actual 485
indicator 社零 "社会消费品零售总额" 亿元 decimals 0
  2023 actual 480
part review "2023年计划执行情况"
part targets "2023年主要目标"
target gdp 2023 预期性 增长 6% 左右 可比价
target 规上工业 2023 预期性 增长 6% 左右 可比价
target 投资 2023 预期性 约 500 亿元
target 社零 2023 预期性 约 500 亿元
