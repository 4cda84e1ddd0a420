indicator 企业 "企业" 万户
  2023 actual 41
indicator 主体 "商事主体" 万户
  2023 actual 58.6
claim "企业占比" 2023 企业 / 主体 = 71%
claim "错写" 2023 企业 / 主体 = 75%
