# 福田区2023年国民经济和社会发展计划执行情况与2024年计划（草案）报告
# The flagship plan. It grows into the whole report (issue 4); today it holds the header,
# the nine main indicators (their 2023 figures are in plan2023.fp) and the nine 2024 targets.
title "福田区2023年国民经济和社会发展计划执行情况与2024年计划（草案）报告"
region "福田区"
year 2024
base 2023
date 2024-01
status 草案

import "plan2023.fp" as p2023

# The 2024 indicators continue plan2023.fp's: the 2023 figures the targets build on come
# from there.
indicator gdp "地区生产总值" 亿元 decimals 2 main
indicator 现代服务业 "现代服务业增加值" 亿元 decimals 2 main
indicator 固投 "全社会固定资产投资" 亿元 decimals 2 main
indicator 社零 "社会消费品零售总额" 亿元 decimals 2 main
indicator 进出口 "进出口总额" 亿元 decimals 0 main
indicator 一般公共预算收入 "一般公共预算收入" 亿元 decimals 0 main
indicator 建设用地 "万元GDP建设用地" main
indicator 水耗 "万元GDP水耗" main
indicator 能耗 "万元GDP能耗" main

# 2024年主要目标
part targets "2024年经济社会发展主要目标"
target gdp 2024 预期性 增长 5.5% 左右 可比价
target 现代服务业 2024 预期性 增长 5.8% 左右
target 固投 2024 预期性 增长 5.0%
target 社零 2024 预期性 增长 5.0%
target 进出口 2024 预期性 持平
target 一般公共预算收入 2024 预期性 增长 1.8%
target 建设用地 2024 约束性 下降 3.5%
target 水耗 2024 约束性 "完成市下达目标"
target 能耗 2024 约束性 "完成市下达目标"
