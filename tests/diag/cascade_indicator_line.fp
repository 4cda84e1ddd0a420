# an indicator line skipped for a syntax error defines nothing later lines complain
# about: its values do not become the previous indicator's, its references are silent
year 2024
indicator a "甲" 亿元
  2023 actual 1
indicator b "乙" 亿元 decimals
  2023 actual 2
  2024 plan 3
target b 2024 expected 增长 5%
indicator c "丙" 亿元 = b + a
