# SYNTAX TEST "source.fp" "statements, ids, strings, numbers and the closed sets' words"
# Carets count UTF-16 units from the line start, as the test runner does (not display columns).
indicator gdp "地区生产总值" 亿元 decimals 2 main
# <--------- keyword.other.statement.fp
#         ^^^ variable.other.definition.fp
#             ^^^^^^^^ string.quoted.double.fp
#                         ^^^^^^^^ storage.modifier.attribute.fp
#                                  ^ constant.numeric.fp
#                                    ^^^^ storage.modifier.attribute.fp
  2023 estimate 5704.55
# ^^^^ constant.numeric.fp
#      ^^^^^^^^ constant.language.status.fp
#               ^^^^^^^ constant.numeric.fp
  2023 预计 约208亿元
#      ^^ constant.language.status.fp
#         ^ keyword.operator.relation.fp
#          ^^^ constant.numeric.fp
target gdp 2024 预期性 增长 5.5% 左右 可比价
# <------ keyword.other.statement.fp
#      ^^^ variable.other.fp
#               ^^^ constant.language.target-kind.fp
#                   ^^ keyword.operator.change.fp
#                      ^^^ constant.numeric.fp
#                         ^ keyword.other.unit.fp
#                           ^^ keyword.operator.relation.fp
#                              ^^^ constant.language.basis.fp
target 用地 2024 约束性 下降 3.5%
#      ^^ variable.other.fp
#              ^^^ constant.language.target-kind.fp
#                  ^^ keyword.operator.change.fp
indicator 增速 "增速" % decimals 1 = growth(gdp)
#         ^^ variable.other.definition.fp
#                              ^ keyword.operator.arithmetic.fp
#                                ^^^^^^ support.function.fp
#                                       ^^^ variable.other.fp
import "plan2023.fp" as p2023
# <------ keyword.control.import.fp
#      ^^^^^^^^^^^^^ string.quoted.double.fp
#                    ^^ keyword.control.import.fp
part review "2023年执行情况"
# <---- keyword.other.statement.fp
#    ^^^^^^ support.constant.part-kind.fp
  commit c1 "战略性新兴产业增加值" 超过1100亿元  # a comment
# ^^^^^^ keyword.other.statement.fp
#        ^^ variable.other.definition.fp
#                        ^^ keyword.operator.relation.fp
#                          ^^^^ constant.numeric.fp
#                                  ^^^^^^^^^^^ comment.line.number-sign.fp
  commit "标杆示范孵化载体" 1—2个 for 住房
#                    ^ keyword.operator.arithmetic.fp
#                        ^^^ storage.modifier.attribute.fp
#                            ^^ variable.other.fp
date 2024-01
#    ^^^^^^^ constant.numeric.date.fp
status 草案
# <------ keyword.other.statement.fp
#      ^^ constant.language.document-status.fp
  2024Q1 plan 100
# ^^^^^^ constant.numeric.period.fp
#        ^^^^ constant.language.status.fp
claim 占比 "企业占比" 2023 企业 / 主体 = 70%
# <----- keyword.other.statement.fp
#     ^^ variable.other.definition.fp
#                    ^^ variable.other.fp
#                       ^ keyword.operator.arithmetic.fp
#                                ^ keyword.other.unit.fp
