# The 2023 plan of a small district: 2022 figures and the 2023 targets (imported by
# exec2024.fp, whose 2023 figures judge them).
title "示例区2023年计划"
region "示例区"
year 2023
base 2022
indicator gdp "地区生产总值" 亿元 decimals 2 main
  2022 actual 5400
indicator 收入 "一般公共预算收入" 亿元 decimals 0 main
  2022 actual 200
indicator 用地 "万元GDP建设用地" main
indicator 水耗 "万元GDP水耗" main
part targets "2023年主要目标"
target gdp 2023 预期性 增长 6% 左右 可比价
target 收入 2023 预期性 增长 3%
target 用地 2023 约束性 下降 3.5%
target 水耗 2023 约束性 "完成市下达目标"
