indicator gdp 亿元
  2023 5704.55
