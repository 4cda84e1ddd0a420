# a name near a known one gets "did you mean": a two-character Chinese id (one edit),
# a transposition (gpd), a display name (its id is suggested), and an id of an import
# written without its prefix (p2023.)
year 2024
base 2023
import "suggest_imported.fp" as p2023
indicator 社零 "社会消费品零售总额" 亿元
  2023 actual 1
indicator 固投 "全社会固定资产投资" 亿元
  2023 actual 1
indicator gdp "地区生产总值" 亿元
  2023 actual 1
target 社灵 2024 expected 增长 5%
target gpd 2024 expected 增长 5%
target 社会消费品零售总 2024 expected 增长 5%
indicator y "y" 亿元 = 战新产业 * 2
target 固头 2024 expected 增长 5%
target 水耗 2024 expected 增长 5%
