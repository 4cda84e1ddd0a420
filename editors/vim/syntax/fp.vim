" syntax/fp.vim: highlighting for plans of the plc plan language (.fp).
" Statements and attributes, status, target-kind, basis and flow words, relation and
" change words, numbers, periods and dates, strings, comments, prose lines (|) with
" their {placeholders}.
if exists('b:current_syntax')
  finish
endif

syn case match

syn keyword fpStatement title region year base date status import as unit indicator
syn keyword fpStatement target claim part section para task commit
syn keyword fpAttribute decimals category main lead due for verb
syn keyword fpPartKind review targets tasks
syn keyword fpStatus actual estimate plan expected binding
syn keyword fpRelation about atleast over atmost under near reach to up down flat doubled yoy

" Chinese words are matched as text: Chinese has no spaces between words
syn match fpBasis /现价\|当年价\|可比价\|当期\|累计/
syn match fpRelation /不少于\|不低于\|不超过\|不高于\|至少\|至多\|以上\|以下\|以内\|左右\|超过\|突破\|高于\|低于\|不到\|接近\|达到\|增至\|降至\|约\|超\|近\|达/
" after the relation words: of two matches at one place the later wins (约束性, not 约)
syn match fpStatus /实际\|预计\|计划\|预期性\|约束性\|草案\|正式/
syn match fpChange /同比\|增长\|提高\|提升\|增加\|下降\|降低\|减少\|持平\|翻番/

syn match fpNumber /\<\d\+\(\.\d\+\)\?/
syn match fpNumber /[０-９]\+\(．[０-９]\+\)\?/
syn match fpPeriod /\<\d\{4}[QqHhMm]\d\{1,2}\>/
syn match fpDate /\<\d\{4}-\d\{2}\(-\d\{2}\)\?\>/
syn match fpPercent /%\|％\|个百分点\|倍/
syn match fpOperator /[=+*/()\[\]—–~-]/
syn match fpFunction /\<\(growth\|share\|rate\|prev\|cumsum\|sum\)\ze\s*(/
syn match fpAlias /\<\%(\d\)\@!\w\+\ze\.\S/

syn region fpString start=/"/ skip=/\\./ end=/"/ oneline
syn match fpComment /#.*$/ contains=fpTodo,@Spell
syn keyword fpTodo TODO FIXME XXX contained

" prose: | text with {placeholders}; {{ and }} are braces
syn region fpText matchgroup=fpBar start=/^\s*[|｜]/ end=/$/ contains=fpPlaceholder,fpEscape,@Spell oneline keepend
syn match fpEscape /{{\|}}/ contained
syn region fpPlaceholder matchgroup=fpBrace start=/{\ze[^{]/ end=/}/ contained oneline
      \ contains=fpNumber,fpPeriod,fpOperator,fpAlias,fpPercent,fpFunction

hi def link fpStatement Statement
hi def link fpAttribute Type
hi def link fpPartKind Type
hi def link fpStatus Constant
hi def link fpBasis Constant
hi def link fpRelation Operator
hi def link fpChange Operator
hi def link fpNumber Number
hi def link fpPeriod Number
hi def link fpDate Number
hi def link fpPercent Special
hi def link fpOperator Operator
hi def link fpAlias Include
hi def link fpFunction Function
hi def link fpString String
hi def link fpComment Comment
hi def link fpTodo Todo
hi def link fpText Normal
hi def link fpBar Delimiter
hi def link fpEscape SpecialChar
hi def link fpBrace Delimiter
hi def link fpPlaceholder Identifier

let b:current_syntax = 'fp'
