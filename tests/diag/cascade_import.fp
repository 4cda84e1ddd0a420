# one failed import is one error: the values and names it would have given are silent
year 2024
base 2023
import "nothere.fp" as p2023
indicator gdp "地区生产总值" 亿元
  2024 plan 增长 5%
target gdp 2024 expected 增长 5%
indicator x "x" 亿元 = p2023.gdp + gdp
