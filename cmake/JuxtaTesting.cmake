# SPDX-License-Identifier: GPL-3.0-or-later
# juxta_add_test(<name> SOURCES … LIBS … LABELS … [TIMEOUT s] [GUI])
# One Qt Test executable registered with CTest, run offscreen with private XDG directories and a fixed locale.
function(juxta_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test juxta_build_options ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    set(_home ${CMAKE_CURRENT_BINARY_DIR}/home/${name})
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;XDG_CONFIG_HOME=${_home}/config;XDG_CACHE_HOME=${_home}/cache;XDG_DATA_HOME=${_home}/data;JUXTA_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/screenshots")
endfunction()
