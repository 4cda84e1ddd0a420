# Targets whose implied value does not follow from the base-year figure by one year's
# growth: an average-annual growth from an earlier year and changes by an amount. Every
# table shows the base year's figure beside them; the workbook writes their implied values
# as numbers (a live =C*(1+E) would give another figure when recalculated), and keeps the
# live formula for the plain growth target beside them.
title "目标的基数"
year 2026
base 2025
indicator gdp "地区生产总值" 亿元 decimals 2
  2020 actual 5000
  2025 estimate 6600
indicator inv "固定资产投资" 亿元 decimals 2
  2025 estimate 1200
indicator inc "居民人均可支配收入" 元 decimals 0
  2025 estimate 50000
indicator tax "税收收入" 亿元 decimals 2
  2025 estimate 800
part targets "2026年主要目标"
target gdp 2026 预期性 年均增长 5.5% from 2020
target inv 2026 预期性 增加 100 亿元
target inc 2026 预期性 提高 3000 元
target tax 2026 预期性 增长 6%
