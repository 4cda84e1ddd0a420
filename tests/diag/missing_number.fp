indicator gdp "地区生产总值" 亿元 decimals
  2023 actual 5704.55
