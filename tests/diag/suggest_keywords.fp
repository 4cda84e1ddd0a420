# typos of keywords, status words and kind words get the word meant
taregt gdp 2024 expected 5%
indicater x 亿元
indicator gdp 亿元
  2023 预记 5
  2024 预期 6
target gdp 2024 预期 增长 5%
