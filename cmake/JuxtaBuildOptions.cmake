# SPDX-License-Identifier: GPL-3.0-or-later
# juxta_build_options: the language level, warnings and Qt defines every Juxta target links.
add_library(juxta_build_options INTERFACE)
target_compile_features(juxta_build_options INTERFACE cxx_std_20)
target_compile_definitions(juxta_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    JUXTA_VERSION="${PROJECT_VERSION}"
    $<$<NOT:$<CONFIG:Debug>>:QT_NO_DEBUG_OUTPUT>)
target_compile_options(juxta_build_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wshadow -Wcast-qual)
if(DEFINED ENV{CI} AND "$ENV{CI}" STREQUAL "true")
    target_compile_options(juxta_build_options INTERFACE -Werror)
endif()

option(JUXTA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(JUXTA_SANITIZE)
    target_compile_options(juxta_build_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(juxta_build_options INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer builds (clang only): every object is instrumented for coverage and sanitized; the fuzz targets add
# -fsanitize=fuzzer at link time (tests/fuzz/CMakeLists.txt).
option(JUXTA_FUZZ "Build the fuzz targets with libFuzzer (clang)" OFF)
if(JUXTA_FUZZ)
    target_compile_options(juxta_build_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(juxta_build_options INTERFACE -fsanitize=address,undefined)
endif()
