# 莆田市荔城区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告
# A second real report, not Futian's: the opening of its part one (the stored copy of the
# report ends after 社会消费品零售总额520亿元), where the district states each 2022 target
# (年计划) beside the estimate and its completion rate. plc judges the same targets from the
# same figures; its execution table gives the report's own rates (89.4%, 100%, 89.2%,
# 89.1%, 98.5%, 77.9%) and verdicts. The 2023 targets of part two are not in the copy.

title "关于莆田市荔城区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告"
region "荔城区"
year 2023
base 2022
date 2023-02
status 草案

# ─── 主要指标：2022年初步预计 ───────────────────────────────────────────────────
indicator gdp "地区生产总值" 亿元 decimals 0 main
  2022 estimate 635 增长2.0% 可比价
indicator 一产 "第一产业增加值" 亿元 decimals 0 main
  2022 estimate 18 增长3.5% 可比价
indicator 二产 "第二产业增加值" 亿元 decimals 0 main
  2022 estimate 323 下降2.0% 可比价
indicator 三产 "第三产业增加值" 亿元 decimals 0 main
  2022 estimate 294 增长6.3% 可比价
indicator 农林牧渔 "农林牧渔业总产值" 亿元 main
  2022 estimate 33 增长3.1% 可比价
indicator 规上工业产值 "规上工业产值" 亿元 decimals 0
  2022 estimate 890 增长1.0%
indicator 固投 "固定资产投资" 亿元 decimals 0 main
  2022 estimate 300 下降18.4%
indicator 社零 "社会消费品零售总额" 亿元 decimals 0
  2022 estimate 520

# 三次产业结构调整为2.8:50.9:46.3 (the prose writes the ratio without %, so it keeps
# the words; the claims check each share)
claim 一产比重 "第一产业占地区生产总值比重" 2022 share(一产, gdp) = 2.8%
claim 二产比重 "第二产业占地区生产总值比重" 2022 share(二产, gdp) = 50.9%
claim 三产比重 "第三产业占地区生产总值比重" 2022 share(三产, gdp) = 46.3%
claim 三产合计 "三次产业增加值之和" 2022 一产 + 二产 + 三产 = 635亿元

part review "2022年国民经济和社会发展计划执行情况"
para
  | 2022年，全区上下深入学习宣传贯彻党的二十大精神，深刻学习领会习近平新时代中国特色社会主义思想，
  | 紧紧围绕党中央、国务院决策部署和省、市经济工作要求，统筹落实“疫情要防住、经济要稳住、发展要安全”的重大要求，
  | 认真贯彻落实稳住经济大盘一揽子政策措施及接续政策，着力稳住经济大盘，发展信心有力提振，
  | 全区经济平稳运行，社会事业发展取得新成就。
para
  | 初步预计，荔城地区生产总值{gdp}，完成年计划710亿元的89.4%（主要是二产、三产未达预期目标），增长{growth(gdp)}。
  | 其中，第一产业增加值{一产}，完成年计划18亿元的100%，增长{growth(一产)}；
  | 第二产业增加值{二产}，完成年计划362亿元的89.2%（主要是规模以上工业产值、建筑业产值未达到预期目标），下降{growth(二产)}；
  | 第三产业增加值{三产}，完成年计划330亿元的89.1%（主要是限上批发零售业销售额、商品房销售面积未达预期），增长{growth(三产)}。
  | 三次产业结构调整为2.8:50.9:46.3。
  | 农林牧渔业总产值{农林牧渔}，完成年计划33.5亿元的98.5%，增长{growth(农林牧渔)}。
  | 规上工业产值{规上工业产值}，增长{growth(规上工业产值)}。
  | 固定资产投资{固投}，完成年计划385亿元的77.9%（主要是纳统项目剩余投资不足，难以支撑投资持续增长），下降{growth(固投)}。
  | 社会消费品零售总额{社零}。

# The 2022 targets (年计划), as the report states them beside each figure: levels in 亿元,
# judged by their completion rate.
target gdp 2022 预期性 710亿元
target 一产 2022 预期性 18亿元
target 二产 2022 预期性 362亿元
target 三产 2022 预期性 330亿元
target 农林牧渔 2022 预期性 33.5亿元
target 固投 2022 预期性 385亿元
