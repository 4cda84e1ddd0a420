# A comparable-price growth target judged on the real growth the statistics state, not on
# current-price levels: GDP grew 6.2% in real terms (完成) while its current-price level
# grew only 3.7%. Without a stated real growth the verdict says it is judged at current
# prices.
title "判定：可比价增速"
year 2024
base 2023
indicator gdp "地区生产总值" 亿元 decimals 2
  2022 actual 5400
  2023 estimate 5600 同比增长 6.2% 可比价
indicator 增加值 "工业增加值" 亿元 decimals 1
  2022 actual 1000
  2023 estimate 1050
part review "2023年计划执行情况"
part targets "2023年主要目标"
target gdp 2023 预期性 增长 6% 左右 可比价
target 增加值 2023 预期性 增长 6% 左右 可比价
