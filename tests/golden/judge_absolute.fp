# A change by an amount in the indicator's unit implies a level: 5000 + 1000 = 6000 亿元.
title "判定：绝对量变化"
year 2024
base 2023
indicator 存款 "金融机构本外币存款余额" 亿元 decimals 0
  2022 actual 5000
  2023 actual 6100
indicator 标准 "城乡居民基础养老金最低标准" 元 decimals 0
  2022 actual 200
  2023 actual 220
part review "2023年计划执行情况"
part targets "2023年主要目标"
target 存款 2023 预期性 增加 1000 亿元
target 标准 2023 约束性 提高 30 元
