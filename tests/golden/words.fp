# Each word of real reports, in Chinese and in English, in a value, a target and a claim.
title "示例区2025年计划"
region "示例区"
year 2025
base 2024

indicator cpi "居民消费价格" % decimals 1 main
  2023 actual 上涨 0.2%
  2024 estimate rise 0.3%
indicator 价格 "工业生产者出厂价格" main
  2023 actual 涨幅 -1.5%
  2024 estimate gain 2.0%
indicator gdp "地区生产总值" 亿元 decimals 2 main
  2023 actual 5400 增速 5.5%
  2024 estimate 5704.55 实际增长 5.6%
indicator 收入 "一般公共预算收入" 亿元 main
  2023 actual 200 名义增长 3%
  2024 estimate 208 同口径增长 4.0%
indicator 社零 "社会消费品零售总额" 亿元 main
  2023 actual 1000 nominalup 6%
  2024 estimate 1010 realup 1%
indicator 外贸 "进出口总额" 亿元 main
  2023 actual 3000 likeup 2%
  2024 estimate 2900 回落 3.3%
indicator 出口 "出口" 亿元 main
  2023 actual 1500
  2024 estimate 负增长
indicator 进口 "进口" 亿元 main
  2023 actual 1500 pace 1%
  2024 estimate 1450 fall 3.3%
indicator 能耗 "能源消费总量" 万吨 main
  2023 actual 100
  2024 estimate negative
indicator 城镇化 "常住人口城镇化率" % decimals 1 main
  2023 actual 70.0
  2024 estimate 提高到 71.2%
indicator 失业率 "城镇调查失业率" % decimals 1 main
  2023 actual 5.5
  2024 estimate 降到 5.2%
indicator 就业 "就业率" % decimals 1 main
  2023 actual 90
  2024 estimate raiseto 91%
indicator 空置 "空置率" % decimals 1 main
  2023 actual 9
  2024 estimate lowerto 8%
indicator 出生率 "人口出生率" ‰ decimals 2 main
  2023 actual 7.52‰
  2024 estimate 7.40‰
indicator 粮食 "粮食产量" 亿斤 main
  2024 estimate 1.3万亿斤
indicator 研发 "研发人员全时当量" 人年 main
  2024 estimate 46.1万人年
indicator 吨粮 "粮食产量（吨）" 万吨
  2024 estimate = 粮食 * 1

claim "出口负增长" 2024 growth(外贸) = 回落 3.3%
claim "进口下降" 2024 growth(进口) = fall 3.3%
claim "收入增长" 2024 growth(收入) = 4.0%
claim "吨粮" 2024 吨粮 = 6.5亿吨
claim "出生率" 2024 出生率 - 出生率[2023] = -0.12‰

part review "执行情况"
para "主要指标"
  | 物价上涨{cpi}，出厂价格{价格}，地区生产总值增长{growth(gdp)}，收入增长{growth(收入)}，社零增长{growth(社零)}。
  | 外贸增长{growth(外贸)}，出口{出口}，进口增长{growth(进口)}，能耗{能耗}，城镇化率{城镇化}，失业率{失业率}。
  | 出生率{出生率}，比上年下降{出生率 - 出生率[2023]}；粮食产量{粮食}（{吨粮}），研发人员{研发}。
part targets "主要目标"
target cpi 2025 预期性 涨幅 3% 左右
target gdp 2025 预期性 实际增长 5.5% 左右 可比价
target 能耗 2025 约束性 负增长
target 城镇化 2025 预期性 提高到 71%
target 失业率 2025 预期性 降到 5.5% 以内
target 出口 2025 预期性 负增长
