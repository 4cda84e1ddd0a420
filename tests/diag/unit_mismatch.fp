indicator 进出口 "进出口总额" 亿元
  2023 actual 7842
indicator 外资 "实际利用外资" 亿美元
  2023 actual 25.81
claim 2023 进出口 + 外资 = 1
indicator 户数 "户数" 万户
  2023 actual 58.6
claim 2023 进出口 + 户数 = 1
