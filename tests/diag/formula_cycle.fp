indicator a "甲" 亿元
  2024 plan = b + 1亿元
indicator b "乙" 亿元
  2024 plan = c * 2
indicator c "丙" 亿元
  2024 plan = a - 1亿元
