# SYNTAX TEST "source.fp" "prose lines and their placeholders"
# Carets count UTF-16 units from the line start, as the test runner does (not display columns).
  | 地区生产总值{gdp}，增长{增速[2023]}，上年{p2023.gdp}。{{不是占位}}
# ^ punctuation.definition.prose.fp
#   ^^^^^^ string.unquoted.prose.fp
#         ^ punctuation.section.placeholder.begin.fp
#          ^^^ variable.other.fp
#             ^ punctuation.section.placeholder.end.fp
#                     ^^^^ constant.numeric.fp
#                               ^^^^^ entity.name.namespace.fp
#                                    ^ punctuation.accessor.fp
#                                     ^^^ variable.other.fp
#                                          ^^ constant.character.escape.fp
#                                                ^^ constant.character.escape.fp
  | 占比{share(企业, 主体)}
#      ^^^^^ support.function.fp
#            ^^ variable.other.fp
#                ^^ variable.other.fp
  ｜ 全角竖线也是正文
# ^ punctuation.definition.prose.fp
