# Figures shown as their author wrote them, and declines, in every output.
title "示例市2025年计划"
region "示例市"
year 2025
base 2024

indicator 粮食 "粮食产量" 亿斤 decimals 0 main
  2024 actual 1.3万亿斤
indicator 收入 "一般公共预算收入" 亿元 decimals 2 main
  2023 actual 3.3万亿元
  2024 actual 3.46万亿元
indicator 住房 "保障性住房" 套 main
  2024 actual 0.6万套
indicator cpi "居民消费价格涨幅" % decimals 1 main
  2024 actual 3%
indicator 出生率 "人口出生率" ‰ decimals 2 main
  2024 actual 7.40‰
indicator 研发 "研发人员" 万人年 decimals 1 main
  2024 actual 46.1万人年
indicator 企业 "规上企业" 家
  2023 actual 283
  2024 actual 300
indicator 每企 "平均每家产值" 亿元/家 = 收入 / 企业
indicator 社零 "社会消费品零售总额" 亿元 main
  2024 actual 下降2.0%左右
indicator 投资 "固定资产投资" 亿元 main
  2024 actual 增长-2.0%左右
indicator 能耗 "单位GDP能耗" main
  2024 actual 下降0.5%
indicator 工业 "工业增加值" 亿元 decimals 1 main
  2023 actual 100
  2024 actual 23.8
indicator 外贸 "进出口" 亿元
  2024 actual 负增长
indicator 物价 "居民消费价格" 
  2024 actual 上涨 0.2%
indicator 增加值 "增加值" 亿元
  2024 actual 12 增速 5.5%

claim "工业下降" 2024 growth(工业) = 下降76.2%
claim "工业负增长" 2024 growth(工业) = -76.2%
claim "粮食" 2024 粮食 = 1.3万亿斤

part review "执行情况"
para "主要指标"
  | 粮食产量{粮食}，财政收入{收入}，保障房{住房}，物价{cpi}，出生率{出生率}，研发人员{研发}。
  | 社零增长{growth(社零)}，投资增长{growth(投资)}，能耗{能耗}，工业增长{growth(工业)}，即{growth(工业)}。
  | 规上企业增长{growth(企业)}，达{企业}；外贸{外贸}，物价{物价}，企业增长{企业 - prev(企业)}。
part targets "主要目标"
target 收入 2025 预期性 增长 5%
target 工业 2025 预期性 负增长
