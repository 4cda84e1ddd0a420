indicator gdp "地区生产总值" 亿元
  2023 actual 1
  2023 actual 2
claim 2023 gdp[2021] = 1
