# The price basis of a target is carried as a meaning from the word onward: a target at
# current prices (现价, or its other spelling 当年价) never reads 可比价 in any output.
title "示例区2024年计划"
region "示例区"
year 2024
base 2023
date 2024-01
status 草案

indicator gdp "地区生产总值" 亿元 decimals 2 main
  2023 actual 5704.55
indicator 收入 "一般公共预算收入" 亿元 decimals 2 main
  2023 actual 208
indicator 社零 "社会消费品零售总额" 亿元 decimals 2 main
  2023 actual 2414.79
indicator 投资 "全社会固定资产投资" 亿元 decimals 2 main
  2023 actual 621.73

part targets "2024年主要目标"
target gdp 2024 预期性 增长 5.5% 左右 可比价
target 收入 2024 预期性 增长 1.8% 现价
target 社零 2024 预期性 增长 5% 当年价
target 投资 2024 约束性 增长 5%
