# 示例
title "福田区2024年计划（草案）"
region "福田区"
year 2024
base 2023
date 2024-01
status 草案
import "plan2023.fp" as p2023
unit 宗
unit 公顷 = 10000 平方米

indicator gdp "地区生产总值" 亿元 decimals 2 category 主要指标 main 现价
  2023 actual 5704.55
  2024 plan = gdp[2023] * (1 + 5.5%)   # 目标
indicator 收入 "一般公共预算收入" 亿元 decimals 0
  2023 estimate 约208亿元
indicator 用地 "万元GDP建设用地" decimals 1
  2023 actual 下降 4.0% 左右
indicator 水耗 "万元GDP水耗"
  2023 actual "完成市下达目标"
indicator 客流量 "十大商业综合体客流量" 亿人次 decimals 1
  2023 actual 2.4亿人次 同比增长 45%
indicator 住房 "保障性住房" 套
  2023 actual １.５万套 同比翻番

target gdp 2024 expected 增长 5.5% 左右 可比价
target 进出口 2024 预期性 持平
target 水耗 2024 binding "完成市下达目标"
claim "企业占比" 2023 企业 / 商事主体 = 71%

part review "2023年国民经济和社会发展计划执行情况"
section "经济发展质量持续向好"
para "消费活力充分激活"
  | 十大商业综合体客流量达{客流量[2023]}、同比增长{growth(客流量)}，{{括号}}
part tasks "2024年经济社会发展主要任务"
section "围绕“三大新引擎”，加速推进战略平台建设"
task "加快建设都市型科创区" lead "区科技创新局" due 2024-12
  | 实现战略性新兴产业增加值{c1}。
  commit c1 "战略性新兴产业增加值" 超过1100亿元 for 战新
  commit "市级以上创新载体" 增至385家
  commit "标杆示范孵化载体" 1—2个
  commit "保障性住房" 6000套以上
