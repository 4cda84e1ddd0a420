# 增长 5: five percent, five points or five times? A change says its unit.
year 2024
base 2023
indicator gdp "地区生产总值" 亿元
  2023 actual 100
  2024 estimate 增长 5
target gdp 2024 预期性 增长 5 左右
target gdp 2025 预期性 增长 1—2%
