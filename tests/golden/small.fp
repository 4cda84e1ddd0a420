# A small plan for the JSON golden test: one of everything the model computes.
title "示例区2024年计划"
region "示例区"
year 2024
base 2023
date 2024-01
status 草案
unit 标准间

indicator gdp "地区生产总值" 亿元 decimals 2 main
  2022 actual 5400
  2023 estimate 5704.55
indicator 增速 "地区生产总值增速" % decimals 1 = growth(gdp)
indicator 企业 "企业" 万户 decimals 0
  2023 actual 41
indicator 主体 "商事主体" 万户 decimals 1 累计
  2023 actual 58.6 同比增长 21%
indicator 水耗 "万元GDP水耗" main
  2023 estimate "完成市下达目标"

claim "企业占比" 2023 企业 / 主体 = 71%

part review "执行情况"
section "经济发展"
para "市场主体发展壮大"
  | 总数达{主体}，其中企业{企业}，占比{share(企业, 主体)}；GDP增长{增速}。
part targets "主要目标"
target gdp 2024 预期性 增长 5.5% 左右 可比价
target 水耗 2024 约束性 "完成市下达目标"
part tasks "主要任务"
section "产业"
task "加快建设都市型科创区" lead "区科技创新局" due 2024-12
  | 实现增加值{c1}。
  commit c1 "战略性新兴产业增加值" 超过1100亿元 for gdp
  commit "孵化载体" 1—2个
