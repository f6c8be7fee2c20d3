# tcmalloc for Atelier's executables. Measured on the reference 2-core machine
# (atelier-bench diffusion, SD 1.5 fp32 at 512²): UNet step 18.1 s with tcmalloc,
# 21.1 s with glibc malloc; VAE decode 14.4 s vs 18.1 s. glibc serves every block
# over 32 MiB with a fresh mmap() whose pages fault in on each use; tcmalloc keeps
# and reuses them. (Telling glibc to keep such blocks in its heap was as fast but
# fragmented it: peak RSS 7.0 GB against tcmalloc's 5.8 GB.)
option(ATELIER_TCMALLOC "Link the executables with tcmalloc (libgoogle-perftools-dev) when found" ON)
if(ATELIER_TCMALLOC)
    find_library(ATELIER_TCMALLOC_LIBRARY NAMES tcmalloc_minimal tcmalloc)
endif()

# atelier_use_tcmalloc(<target>): the target's process allocates through tcmalloc.
function(atelier_use_tcmalloc target)
    if(ATELIER_TCMALLOC AND ATELIER_TCMALLOC_LIBRARY)
        # --no-as-needed: nothing references tcmalloc by name; it replaces malloc by interposition.
        target_link_libraries(${target} PRIVATE "-Wl,--no-as-needed" ${ATELIER_TCMALLOC_LIBRARY} "-Wl,--as-needed")
    endif()
endfunction()
