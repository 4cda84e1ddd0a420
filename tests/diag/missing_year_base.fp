# Without year and base the report's headings read "0年".
indicator gdp "地区生产总值" 亿元
  2023 actual 100
part targets "主要目标"
target gdp 2024 预期性 增长 5%
