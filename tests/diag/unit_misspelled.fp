indicator gdp "地区生产总值" 亿元
  2023 actual 5704.55
indicator x "x" 亿元元 = gdp * 2
indicator y "y" 忆元
