# The 2023 execution of exec2023.fp's targets: its report shows them met or not met.
title "示例区2023年计划执行情况"
region "示例区"
year 2024
base 2023
date 2024-01-15
import "exec2023.fp" as p2023
indicator gdp "地区生产总值" 亿元 decimals 2 main
  2023 estimate 5704.55
indicator 收入 "一般公共预算收入" 亿元 decimals 0 main
  2023 estimate 约208
indicator 用地 "万元GDP建设用地" main
  2023 estimate 下降4.0%左右
indicator 水耗 "万元GDP水耗" main
  2023 estimate "完成市下达目标"
part review "2023年计划执行情况"
para
  | 全区经济运行稳中有进。
