indicator 地区生产总值 "GDP" 亿元
  2023 actual 5704.55
target 地区生产总 2024 expected 增长 5.5%
