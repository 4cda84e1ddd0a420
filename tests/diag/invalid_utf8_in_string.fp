indicator gdp "地区�生产总值" 亿元
