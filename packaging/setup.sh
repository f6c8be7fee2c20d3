#!/usr/bin/env bash
# Sets up Atelier on Debian bookworm in one command: installs the Debian
# packages it needs (only the missing ones), configures, builds and prepares
# the model pack (packaging/fetch-models.sh).
# Safe to run again: with everything installed and built it takes seconds.
#
#   bash packaging/setup.sh                 # install + build (GUI, CLI, tests)
#   bash packaging/setup.sh --run-sample    # ... then run the main job on the bundled photo
#   bash packaging/setup.sh --no-gui        # engine + CLI + their tests only (no Qt), e.g. on a GPU server
#
# Environment: BUILD_DIR (default: build), CMAKE_BUILD_TYPE (default: RelWithDebInfo),
# SAMPLE_OUT (default: /tmp/atelier-sample), ATELIER_JOBS (default: number of cores).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
build_type=${CMAKE_BUILD_TYPE:-RelWithDebInfo}
jobs=${ATELIER_JOBS:-$(nproc)}
run_sample=0
gui=ON
for arg in "$@"; do
    case "$arg" in
        --run-sample) run_sample=1 ;;
        --no-gui) gui=OFF ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    esac
done

say() { printf '\n== %s\n' "$*"; }

# 1. Debian packages: install only what is missing.
mapfile -t wanted < <(grep -v -E '^\s*(#|$)' "$root/packaging/debian-packages.txt")
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
# npm (for the model pack, step 3): Debian's package, unless a Node.js from elsewhere already provides the command.
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
    say "Installing ${#missing[@]} Debian package(s): ${missing[*]}"
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    say "Debian packages: all ${#wanted[@]} installed"
fi

# 2. Configure (once, or when the GUI option changes) and build.
if [[ ! -f "$build_dir/build.ninja" ]] || ! grep -q "^ATELIER_BUILD_GUI:BOOL=$gui$" "$build_dir/CMakeCache.txt" 2>/dev/null; then
    say "Configuring in $build_dir ($build_type, GUI $gui)"
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DATELIER_BUILD_GUI="$gui"
fi
say "Building with $jobs job(s)"
cmake --build "$build_dir" -j "$jobs"

# 3. Model pack: the ISNet select-subject model (fetched once, then cached; see models/README.md).
say "Model pack"
bash "$root/packaging/fetch-models.sh"

# 4. Optionally, the main job on real input.
if ((run_sample)); then
    out=${SAMPLE_OUT:-/tmp/atelier-sample}
    say "Running the main job: inpaint the shuttle out of resources/samples/astronaut.png (3 variations)"
    "$build_dir/src/cli/atelier-cli" edit "$root/resources/samples/astronaut.png" \
        --mask "$root/resources/samples/astronaut_shuttle_mask.png" \
        --variations 3 --seed 1 --out "$out"
    say "Results are in $out"
    if [[ "$gui" == ON ]]; then
        echo "Open the studio with: $build_dir/src/gui/atelier $root/resources/samples/astronaut.png"
    fi
fi
