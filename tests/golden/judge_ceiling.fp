# Lower is better: a ceiling (控制在…左右, 不超过) and an indicator that says 逆向.
title "判定：上限与逆向指标"
year 2024
base 2023
indicator cpi "居民消费价格涨幅" % decimals 1
  2023 actual 0.2
indicator 失业率 "城镇调查失业率" % decimals 1 逆向
  2023 actual 5.2
indicator pm25 "PM2.5平均浓度" 微克/立方米 decimals 0
  2023 actual 27
part review "2023年计划执行情况"
part targets "2023年主要目标"
target cpi 2023 预期性 控制在 3% 左右
target 失业率 2023 预期性 5.5% 左右
target pm25 2023 约束性 不超过 25 微克/立方米
