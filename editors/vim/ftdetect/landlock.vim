" landlockc policies: *.landlock files.
autocmd BufRead,BufNewFile *.landlock setfiletype landlock
