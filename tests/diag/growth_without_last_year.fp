# growth() compares with the same period of last year; without it, it is an error (it
# printed 0.0%), and chain() needs the period just before.
year 2024
base 2023
indicator q "季度增加值" 亿元
  2024年一季度 actual 100
  2024年二季度 actual 110
  2023年二季度 actual 100
part review "执行情况"
para "季度"
  | 一季度增长{growth(q[2024年一季度])}，二季度增长{growth(q)[2024Q2]}。
  | 环比{chain(q[2024Q1])}。
