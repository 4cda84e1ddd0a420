# base.fp: last year's plan, imported by main.fp (the language server's test).
title "测试区2023年计划"
region "测试区"
year 2023
base 2022
indicator gdp "地区生产总值" 亿元 decimals 2 main
  2022 actual 5400
  2023 estimate 5704.55
