# spacing, attribute order, full-width forms and indentation
title   "示例区2024年计划"
region "示例区"
year ２０２４
base 2023
date 2024-01
status "草案"


indicator gdp "地区生产总值" 亿元 main decimals 2 category "主要 指标"
2022 actual ５４００
    2023 estimate 5704.55亿元  同比增长 5.6%
indicator 收入 "一般公共预算收入" 亿元 decimals 0
  2023 estimate 约 208 亿元
indicator 住房 "保障性住房" 套
  2023 actual 1.5 万套 同比翻番
indicator 空气 "PM2.5浓度" 微克/立方米
  2023 actual 18 微克/立方米 以下
indicator 占比 "占比" % decimals 1 = share( 收入 , gdp )
indicator 增加值 "增加值" 亿元
  2024 plan = gdp[2023]×(1+5.5％)
target gdp 2024 预期性 增长 5.5 % 左右 可比价
target 收入 2024 expected up 1.8%
target 住房 2024 约束性 同比 提高 2 个百分点
claim 收入占比 "收入占GDP比重" 2023 收入 / gdp = 近 4%
part tasks "主要任务"
section "第一节"
task "任务一" due 2024-12 lead "区发展改革局"
|   文字{{不是占位}}，{c1}，收入{收入[2023]}。
commit c1 "载体" 1 — 2 个
    commit "住房" 6000 套 以上 lead "区住建局" for 住房
  commit "楼宇" 10 栋以上
  commit "项目" 3个 至 5个
