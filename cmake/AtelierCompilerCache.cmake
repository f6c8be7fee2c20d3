# Use ccache when it is installed. The sloppiness settings let ccache reuse
# objects built with the engine's precompiled torch header.
find_program(ATELIER_CCACHE ccache)
if(ATELIER_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER
        "${CMAKE_COMMAND}" -E env
        "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
        "CCACHE_BASEDIR=${CMAKE_SOURCE_DIR}"
        "${ATELIER_CCACHE}")
    message(STATUS "Atelier: compiling through ccache (${ATELIER_CCACHE})")
endif()
