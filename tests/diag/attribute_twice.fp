indicator gdp "地区生产总值" 亿元 decimals 2 decimals 1
