indicator 地区生产总值 "地区生产总值" 亿元 @ decimals 2
