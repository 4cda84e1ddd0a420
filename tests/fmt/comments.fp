# a comment at the top
title "示例" # trailing after a header line

year 2024
base 2023
# own-line comment above an indicator
indicator gdp "地区生产总值" 亿元 decimals 2   # trailing on an indicator
    # inside the block, above a value
  2023 actual 5704.55
part targets "目标"
target gdp 2024 预期性 增长5.5%左右 # the GDP target
# ─── tasks ───
part tasks "任务"
# right above a section
section "一"
para "段落"
  | 第一行，# not a comment in prose
  # between text lines
  | 第二行。



# at the end
