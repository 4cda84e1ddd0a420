# Vintages: the 2022 figure revised after the census (修订, 同口径) is the base a 2023
# growth is computed on; the flash figure (快报) of 2023 supersedes the January estimate.
title "判定：修订与快报"
year 2024
base 2023
indicator gdp "地区生产总值" 亿元 decimals 0
  2022 actual 5400
  2022 修订 5500
  2023 estimate 5700
  2023 快报 5800
part review "2023年计划执行情况"
part targets "2023年主要目标"
target gdp 2023 预期性 增长 5%
