year 2023
indicator 战新产业 "战略性新兴产业增加值" 亿元
  2023 actual 100
