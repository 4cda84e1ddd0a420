# Header values that are not one: a year of twenty digits, month 13, month 0.
year 99999999999999999999
base 2023
date 2024-13
task "x" due 2024-00
