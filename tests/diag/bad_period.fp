# Periods that are not periods: a fifth quarter, a thirteenth month, 2—9月 (cumulative
# periods start in January).
year 2024
indicator q "季度增加值" 亿元
  2024年五季度 actual 100
  2024C13 actual 1
  2024年2—9月 actual 1
