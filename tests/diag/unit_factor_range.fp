year 2024
base 2023
unit Z = 0 元
unit N = -3 元
unit A = 9000000000 亩
unit B = 9000000000 A
unit C = 900000000000000000000 B
unit D = 123456789123456789123 元
indicator b "B" B
  2023 actual 1
