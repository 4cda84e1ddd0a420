# A word the language does not know where a change or a relation goes: the message names
# the words that can come there.
year 2024
base 2023
indicator gdp "地区生产总值" 亿元
  2023 actual 100
  2024 estimate 大幅增长 5%
target gdp 2024 预期性 努力增长 5%
claim 2024 gdp = 略降 5%
