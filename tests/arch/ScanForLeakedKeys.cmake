# SPDX-License-Identifier: GPL-3.0-or-later
# Runs after every other test: reads every file the app and the tests wrote into their private XDG homes and the
# screenshot directory (configs, caches, statistics, ledgers, databases, images) and fails if any test key
# appears in one. Binary files are searched for their printable strings.
# Usage: cmake -DSCAN_DIRS="dir;dir" -P ScanForLeakedKeys.cmake
set(markers "TESTKEY" "sk-test-123" "sk-secret" "sk-ant-test" "AIza-test" "sk-from-env" "sk-primary-only"
            "sk-other" "sk-must-not-be-sent")
list(JOIN markers "|" pattern)
set(scanned 0)
set(leaks "")
foreach(dir IN LISTS SCAN_DIRS)
    file(GLOB_RECURSE files LIST_DIRECTORIES false "${dir}/*")
    foreach(f IN LISTS files)
        math(EXPR scanned "${scanned} + 1")
        file(STRINGS "${f}" hits REGEX "${pattern}")
        if(hits)
            list(APPEND leaks "${f}")
        endif()
    endforeach()
endforeach()
if(scanned EQUAL 0)
    message(FATAL_ERROR "nothing to scan in ${SCAN_DIRS}: run the whole suite so the other tests write their files")
endif()
if(leaks)
    list(JOIN leaks "\n  " shown)
    message(FATAL_ERROR "a test key was written to disk in:\n  ${shown}")
endif()
message(STATUS "no test key in any of ${scanned} files the suite wrote")
