# A city's cumulative quarterly figures for two years.
title "示例市2024年前三季度经济运行"
region "示例市"
year 2024
base 2023

indicator gdp "地区生产总值" 亿元 decimals 2 main 累计
  2023年一季度 actual 8000.00
  2023年上半年 actual 16500.00
  2023年1—9月 actual 25000.00
  2023年1—12月 actual 34000.00
  2024年一季度 actual 8400.00
  2024年上半年 actual 17200.00
  2024C09 actual 25934.28
  2024年 actual 36801.87
indicator 存款 "本外币存款余额" 亿元 decimals 2
  2023年9月末 actual 100000
  2024年9月末 actual 110000
indicator 增速 "地区生产总值增速" % decimals 1 = growth(gdp)

claim "一季度增长" 2024Q1 growth(gdp) = 5.0%
claim "前三季度增长" 2024年前三季度 growth(gdp) = 3.7%
claim "全年增长" 2024 growth(gdp) = 8.2%
claim "存款增长" 2024E09 growth(存款) = 10.0%

part review "运行情况"
para "经济运行"
  | 一季度增长{growth(gdp[2024年一季度])}，上半年增长{growth(gdp[2024H1])}，前三季度{gdp[2024年1—9月]}，增长{growth(gdp)[2024C09]}。
  | 9月末存款余额{存款[2024年9月末]}，增长{growth(存款[2024E09])}。
