#!/usr/bin/env bash
# Builds the exemplar fill and its tests (tests/engine/classical/exemplar_fill_tests.cpp) with
# ThreadSanitizer, or AddressSanitizer + UndefinedBehaviorSanitizer, and runs them. The fill
# needs only OpenCV and the core level, so this takes a minute instead of a whole
# sanitized build of the project.
#
#   bash packaging/sanitize-fill.sh            # thread (TSan): no data races between the fill's threads
#   bash packaging/sanitize-fill.sh address    # ASan + UBSan
#
# Environment: SANITIZE_OUT (default: build-sanitize-fill), CXX (default: g++).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kind=${1:-thread}
case "$kind" in
    thread) flags=(-fsanitize=thread) ;;
    address) flags=(-fsanitize=address,undefined -fno-sanitize-recover=undefined) ;;
    *) echo "sanitize-fill.sh: unknown sanitizer '$kind' (thread or address)" >&2; exit 2 ;;
esac
out=${SANITIZE_OUT:-$root/build-sanitize-fill}
mkdir -p "$out"
sources=(
    "$root/src/core/error.cpp"
    "$root/src/engine/thread_count.cpp"
    "$root/src/engine/classical/fill_level.cpp"
    "$root/src/engine/classical/onion_peel.cpp"
    "$root/src/engine/classical/patch_match.cpp"
    "$root/src/engine/classical/patch_vote.cpp"
    "$root/src/engine/classical/exemplar_fill.cpp"
    "$root/tests/engine/classical/exemplar_fill_tests.cpp"
)
printf '== Building the exemplar fill tests with -fsanitize=%s\n' "$kind"
"${CXX:-g++}" -std=c++17 -O1 -g -fno-omit-frame-pointer "${flags[@]}" \
    -I"$root/src" $(pkg-config --cflags opencv4) "${sources[@]}" \
    -o "$out/exemplar_fill_tests_$kind" \
    $(pkg-config --libs-only-L opencv4) -lopencv_photo -lopencv_imgproc -lopencv_core \
    -lgtest -lgtest_main -pthread
printf '== Running\n'
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
"$out/exemplar_fill_tests_$kind"
