# 0.6万套 shown with decimals 0 was printed "1": more places than decimals is a warning and
# the figure is shown as written.
year 2024
base 2023
indicator 住房 "保障性住房" 万套 decimals 0
  2024 actual 0.6万套
indicator gdp "地区生产总值" 亿元 decimals 1
  2024 actual 123.05
  2023 actual 1.2万亿元
