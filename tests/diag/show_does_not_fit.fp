# show gives the unit without what the name says per; anything else is an error.
year 2025
base 2024
indicator gdp "地区生产总值" 亿元
  2024 actual 5704.55
indicator 人口 "常住人口" 万人
  2024 actual 219.43
indicator 人均GDP "人均地区生产总值" 亿元/人 show 万元 = gdp / 人口
indicator 总量 "总量" 亿元 show 亿元
claim 2024 gdp show 亿元 = 1
