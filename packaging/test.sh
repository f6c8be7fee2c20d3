#!/usr/bin/env bash
# Runs Atelier's whole test suite: sets up and builds first (packaging/setup.sh,
# fast when already done), then runs every ctest test. GUI tests run offscreen.
#
#   bash packaging/test.sh            # everything
#   bash packaging/test.sh --no-gui   # engine + CLI + core levels only
# Extra ctest arguments go after --, e.g.  bash packaging/test.sh -- -R CliEdit
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
setup_args=()
ctest_args=()
while (($#)); do
    case "$1" in
        --no-gui) setup_args+=(--no-gui) ;;
        --) shift; ctest_args=("$@"); break ;;
        *) echo "test.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
    shift
done

bash "$root/packaging/setup.sh" "${setup_args[@]}"
export QT_QPA_PLATFORM=offscreen
# OpenMP threads that spin between parallel regions starve OpenBLAS on few cores (see engine/openmp_wait_policy.h).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
printf '\n== Running the tests\n'
ctest --test-dir "$build_dir" --output-on-failure -j "${ATELIER_JOBS:-$(nproc)}" --timeout 600 "${ctest_args[@]}"
