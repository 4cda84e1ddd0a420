" ftdetect/fp.vim: files ending in .fp are plans of the plc plan language.
autocmd BufNewFile,BufRead *.fp setfiletype fp
