# landlockc_set_warnings(<target>): the warning set every target of ours builds with.
function(landlockc_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
                                           -Wimplicit-fallthrough -Werror=return-type)
endfunction()
