# A target of the year under review with no figure yet is listed as 数据暂缺, not dropped.
title "判定：数据暂缺"
year 2024
base 2023
indicator 能耗 "万元GDP能耗" 逆向
indicator gdp "地区生产总值" 亿元 decimals 2
  2022 actual 5400
part review "2023年计划执行情况"
part targets "2023年主要目标"
target 能耗 2023 约束性 下降 3%
target gdp 2023 预期性 增长 6% 左右
