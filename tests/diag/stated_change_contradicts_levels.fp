# A stated change checked against the two levels of the same price basis (W004); a real
# (可比价) change beside current-price levels is another quantity and is not checked.
indicator gdp "地区生产总值" 亿元 decimals 2
  2022 actual 5400
  2023 estimate 5600 同比增长 6.2% 现价
indicator x "x" 亿元
  2022 actual 100
  2023 actual 104 增长 4% 现价
indicator y "y" 亿元
  2022 actual 100
  2023 actual 106 增长 4% 可比价
