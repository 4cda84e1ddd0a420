# Formulas that nothing evaluates are bound and checked all the same: names, units,
# periods, functions and argument counts, in indicator and value formulas, claims and
# placeholders. (At most one error is reported per line.)
indicator a "甲" 亿元 = frob(x) + 3 家
indicator b "乙" 亿元
  2024 plan = b[2023Q5] + 1亿元
indicator c "丙" 亿元 = share(b)
indicator d "丁" 亿元 = b + 3 家
indicator e "戊" 亿元 = b * 3 斤斤
claim 2023 c / 亿 = 5
para "正文"
  | 未知的{gdp * 2}与
  | {growth(b, c)}。
