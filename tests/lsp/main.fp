# main.fp: the plan the language server's test opens (tests/lsp/run.py).
title "测试区2024年计划"
region "测试区"
year 2024
base 2023
import "base.fp" as b

indicator gdp "地区生产总值" 亿元 decimals 2 main
indicator 增速 "地区生产总值增速" % decimals 1 = growth(gdp)
indicator 企业 "企业" 万户 decimals 0
  2023 actual 41
indicator 主体 "商事主体总数" 万户 decimals 1
  2023 actual 58.6
claim 占比 "企业占比" 2023 企业 / 主体 = 70%

part review "执行情况"
section "经济运行"
para "总体"
  | 地区生产总值{gdp[2023]}，上年{b.gdp[2022]}，企业占比{占比}。
  | 𠮷野家{gdp[2023]}
part targets "主要目标"
target gdp 2024 预期性 增长 5.5% 左右 可比价
target 企业 2023 预期性 40
part tasks "主要任务"
section "产业"
task "建设科创区" lead "区科技创新局"
  | 实现增加值{c1}。
  commit c1 "战略性新兴产业增加值" 超过1100亿元
