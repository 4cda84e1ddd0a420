" compiler/plc.vim: :make checks the plan with plc and reads its diagnostics,
" file:line:col: error|warning|note: message [code]. plc's column counts characters,
" not bytes: after :make the quickfix columns are turned into byte columns, so that
" the cursor lands on the right character after Chinese text.
if exists('current_compiler')
  finish
endif
let current_compiler = 'plc'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

CompilerSet makeprg=plc\ check\ %:S
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
      \%f:%l:%c:\ %tarning:\ %m,
      \%f:%l:%c:\ %tote:\ %m,
      \plc:\ %m,
      \%-G%.%#

" Character columns → byte columns, for every entry of a plan that can be read.
function! s:PlcByteColumns() abort
  let l:list = getqflist()
  let l:changed = 0
  for l:e in l:list
    if l:e.col <= 1 || l:e.lnum < 1 || !l:e.valid
      continue
    endif
    let l:lines = bufloaded(l:e.bufnr) ? getbufline(l:e.bufnr, l:e.lnum)
          \ : readfile(bufname(l:e.bufnr), '', l:e.lnum)[-1:]
    if empty(l:lines)
      continue
    endif
    let l:byte = byteidx(l:lines[0], l:e.col - 1)
    if l:byte >= 0
      let l:e.col = l:byte + 1
      let l:e.vcol = 0
      let l:changed = 1
    endif
  endfor
  if l:changed
    call setqflist(l:list, 'r')
  endif
endfunction

augroup plc_compiler
  autocmd!
  autocmd QuickFixCmdPost make if &makeprg =~# '\<plc\>' | call s:PlcByteColumns() | endif
augroup END
