# An indicator's display unit: 人均GDP in 万元/人 shown as 万元, the per carried by its name.
title "示例区2025年计划"
year 2025
base 2024
indicator gdp "地区生产总值" 亿元 decimals 2
  2024 actual 5704.55
indicator 人口 "常住人口" 万人 decimals 2
  2024 actual 219.43
indicator 面积 "辖区面积" 平方公里
  2024 actual 78.66
indicator 人均GDP "人均地区生产总值" 万元/人 show 万元 decimals 1 main = gdp / 人口
indicator 地均 "每平方公里GDP产出" 亿元/平方公里 show 亿元 decimals 1 main = gdp / 面积
claim "人均" 2024 人均GDP = 26万元
claim "地均" 2024 地均 = 72.5亿元
part review "执行情况"
para "效益"
  | 人均GDP达{人均GDP}，每平方公里GDP产出达{地均}。
