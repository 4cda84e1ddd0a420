# one forgotten status word is one error: the formula that needs the value says nothing
year 2024
base 2023
indicator gdp "地区生产总值" 亿元
  2023 5704.55
indicator g2 "二" 亿元 = gdp * 2
  2024 plan = gdp[2023] * 2
