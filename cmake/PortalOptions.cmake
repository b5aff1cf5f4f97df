# One INTERFACE target carries the language standard, warnings and strict Qt defines for every
# target of the project (after qBittorrent's CommonConfig.cmake).
add_library(portal_options INTERFACE)
add_library(Portal::options ALIAS portal_options)

target_compile_features(portal_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(portal_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    PORTAL_APP_ID="${PORTAL_APP_ID}"
    PORTAL_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(portal_options INTERFACE /W4 /permissive- /utf-8)
    if(PORTAL_WERROR)
        target_compile_options(portal_options INTERFACE /WX)
    endif()
else()
    target_compile_options(portal_options INTERFACE
        -Wall -Wextra -Wpedantic -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # Clang's -Wpedantic flags every qCDebug(category) << ...: Qt's macros leave "..." empty.
        target_compile_options(portal_options INTERFACE -Wno-gnu-zero-variadic-macro-arguments)
    endif()
    if(PORTAL_WERROR)
        target_compile_options(portal_options INTERFACE -Werror)
    endif()
endif()

if(PORTAL_SANITIZE)
    if(MSVC)
        message(FATAL_ERROR "PORTAL_SANITIZE is supported with GCC and Clang only")
    endif()
    set(_portal_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_compile_options(portal_options INTERFACE ${_portal_san})
    target_link_options(portal_options INTERFACE ${_portal_san})
endif()

if(PORTAL_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "PORTAL_FUZZ needs Clang for libFuzzer, but the C++ compiler is "
            "${CMAKE_CXX_COMPILER_ID}. Configure a fresh build directory with CC=clang CXX=clang++, "
            "or use tests/fuzz/run.sh.")
    endif()
    # Every library gets libFuzzer's coverage and the sanitizers; only a fuzz target links
    # libFuzzer's main (tests/fuzz/CMakeLists.txt).
    set(_portal_fuzz -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
        -fno-omit-frame-pointer)
    target_compile_options(portal_options INTERFACE ${_portal_fuzz})
    target_link_options(portal_options INTERFACE ${_portal_fuzz})
endif()
