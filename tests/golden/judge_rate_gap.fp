# A rate is judged by its gap in 个百分点, never by a completion rate.
title "判定：比率看差距"
year 2024
base 2023
indicator 研发强度 "研发投入强度" % decimals 1
  2023 actual 4.3
indicator 城镇化率 "常住人口城镇化率" % decimals 1
  2022 actual 66.2
  2023 actual 66.9
part review "2023年计划执行情况"
part targets "2023年主要目标"
target 研发强度 2023 预期性 4.5%
target 城镇化率 2023 预期性 提高 0.5 个百分点
