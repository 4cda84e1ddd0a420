# 居民收入增长与经济增长同步: the growth of one indicator judged against another's.
title "判定：同步"
year 2024
base 2023
indicator gdp "地区生产总值" 亿元 decimals 2
  2023 actual 5700 同比增长 5.0% 可比价
indicator 收入 "居民人均可支配收入" 元 decimals 0
  2023 actual 50000 同比增长 5.1% 可比价
indicator 农民收入 "农村居民人均可支配收入" 元 decimals 0
  2023 actual 30000 同比增长 4.7% 可比价
indicator 工资 "职工平均工资" 元 decimals 0
  2023 actual 90000 同比增长 4.0% 可比价
part review "2023年计划执行情况"
part targets "2023年主要目标"
target 收入 2023 预期性 同步 gdp 可比价
target 农民收入 2023 预期性 同步 gdp 可比价
target 工资 2023 预期性 基本同步 gdp 可比价
