# A multi-year target: average annual growth from a base year, an exact integer power
# (5000 × 1.055^5 = 6534.80…), and a total over years (累计).
title "判定：年均增长与累计"
year 2026
base 2025
indicator gdp "地区生产总值" 亿元 decimals 2
  2020 actual 5000
  2025 estimate 6600
indicator 住房 "保障性住房" 套 decimals 0
  2021 actual 2000
  2022 actual 1500
  2023 actual 1000
  2024 actual 800
  2025 estimate 700
part review "“十四五”规划执行情况"
part targets "“十四五”主要目标"
target gdp 2025 预期性 年均增长 5.5% from 2020
target 住房 2025 预期性 0.6万套 累计 from 2021
