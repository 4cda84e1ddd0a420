# example.fp — the plan language in five minutes. Check it with:  plc check plans/example.fp
# A line is one fact. '#' starts a comment; blank lines are free; indentation is for people.

# 1. The header: what this plan is.
title "示例区2024年国民经济和社会发展计划（草案）"
region "示例区"
year 2024 # the plan year
base 2023 # the year of the latest actual figures
date 2024-01
status 草案

# 2. Indicators: an id, the name shown in the report, the unit, the decimals shown.
#    Values follow, one per period: the period, actual/estimate/plan (实际/预计/计划),
#    and the figure as the report writes it (约, 超过, 以上, 左右 … are part of it).
indicator gdp "地区生产总值" 亿元 decimals 2 main
  2022 actual 5400
  2023 estimate 5704.55
indicator 收入 "一般公共预算收入" 亿元 decimals 0 main
  2023 estimate 约208亿元
indicator 用地 "万元GDP建设用地" main
  2023 estimate 下降4.0%左右 # only the change is known
indicator 水耗 "万元GDP水耗" main
  2023 estimate "完成市下达目标" # a qualitative value
indicator 住房 "建设筹集保障性住房" 套 decimals 0
  2023 actual 1.5万套 同比翻番 # 1.5万套 is 15000 套

# 3. Formulas: computed exactly, in dependency order, with units checked.
indicator 增速 "地区生产总值增速" % decimals 1 = growth(gdp)

# 4. Claims: a figure the prose states that can be computed; plc checks it.
indicator 企业 "企业" 万户 decimals 0
  2023 actual 41
indicator 主体 "商事主体总数" 万户 decimals 1
  2023 actual 58.6
claim "企业占比" 2023 企业 / 主体 = 70%

# 5. Prose: text lines start with '|'; {…} is filled from the model, never typed twice.
part review "2023年国民经济和社会发展计划执行情况"

section "经济发展质量持续向好"
para "市场主体发展壮大"
  | 商事主体总数达{主体}，其中企业{企业}，占比{share(企业, 主体)}；
  | 地区生产总值{gdp}，增长{增速}。

# 6. Targets: expected (预期性) or binding (约束性); a change implies a value
#    (5704.55 亿元 × 1.055 = 6018.30 亿元, at comparable prices). The report lists them
#    in the part of kind 'targets', where the first of them stands.
part targets "2024年经济社会发展主要目标"
target gdp 2024 预期性 增长5.5%左右 可比价
target 收入 2024 预期性 增长1.8%
target 用地 2024 约束性 下降3.5%
target 水耗 2024 约束性 "完成市下达目标"

# 7. Tasks: numbered for you; commitments are measurable, with their relation and unit.
part tasks "2024年经济社会发展主要任务"

section "聚焦“三大产业”，建设现代化产业体系"
task "加快建设都市型科创区" lead "区科技创新局" due 2024-12
  | 实现战略性新兴产业增加值{c1}，打造{c2}标杆示范孵化载体。
  commit c1 "战略性新兴产业增加值" 超过1100亿元
  commit c2 "标杆示范孵化载体" 1—2个
task "营造宜居宜业环境"
  commit "建设筹集保障性住房" 6000套以上 for 住房
