" ftplugin/fp.vim: editing plans: '#' comments, UTF-8, :make runs plc check.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s
setlocal comments=:#
setlocal fileencoding=utf-8
" an id may be written in Chinese: let w, * and completion see it whole
setlocal iskeyword+=_
compiler plc

let b:undo_ftplugin = 'setlocal commentstring< comments< fileencoding< iskeyword< makeprg< errorformat<'
