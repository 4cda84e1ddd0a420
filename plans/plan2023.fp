# 福田区2023年国民经济和社会发展计划执行情况
# Part one of the Futian report (January 2024): the 2023 figures. plan2024.fp imports it.
# It grows into the whole of part one (issue 4); today it holds the nine main indicators.
title "福田区2023年国民经济和社会发展计划执行情况"
region "福田区"
year 2023
base 2022
date 2024-01
status 草案

# 主要指标预计完成情况
indicator gdp "地区生产总值" 亿元 decimals 2 main
  2023 estimate 5704.55
indicator 现代服务业 "现代服务业增加值" 亿元 decimals 2 main
  2023 estimate 4221.49
indicator 固投 "全社会固定资产投资" 亿元 decimals 2 main
  2023 estimate 621.73
indicator 社零 "社会消费品零售总额" 亿元 decimals 2 main
  2023 estimate 2414.79
indicator 进出口 "进出口总额" 亿元 decimals 0 main
  2023 estimate 7842
indicator 一般公共预算收入 "一般公共预算收入" 亿元 decimals 0 main
  2023 estimate 约208
indicator 建设用地 "万元GDP建设用地" main
  2023 estimate 下降4.0%左右
indicator 水耗 "万元GDP水耗" main
  2023 estimate "完成市下达目标"
indicator 能耗 "万元GDP能耗" main
  2023 estimate "完成市下达目标"
