#!/usr/bin/env bash
# Model pack: fetches and prepares the models Atelier can use without the user
# choosing any. Today that is ISNet (DIS) for Mask > Select subject and
# `atelier-cli segment --subject`, from the npm package
# @imgly/background-removal-data (AGPL-3.0; see models/README.md).
#
#   bash packaging/fetch-models.sh          # fetch (once) and prepare
#   bash packaging/fetch-models.sh --check  # only say whether it is prepared (exit 0/1)
#
# Steps: `npm pack` the package into the cache (kept, so later runs need no
# network), check the tarball's SHA-256, unpack, reassemble `/models/medium`
# from its SHA-256-named chunks and convert it to float32
# (packaging/prepare_isnet.py, Debian's python3-onnx), write
# $ATELIER_MODEL_DIR/isnet/isnet-fp32.onnx. Safe to run again: when the model
# is prepared from the same package and script, it returns at once.
#
# Environment: ATELIER_MODEL_DIR (default: models/ in the source tree),
# ATELIER_MODEL_CACHE (default: $ATELIER_MODEL_DIR/cache). Both are git-ignored
# in the default places.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
model_dir=${ATELIER_MODEL_DIR:-$root/models}
cache_dir=${ATELIER_MODEL_CACHE:-$model_dir/cache}

package_spec=@imgly/background-removal-data@1.4.5
tarball=imgly-background-removal-data-1.4.5.tgz
tarball_sha256=ca7789abb39370727c9a098310b53bce41518d200000423c7107f8c01bbce946
out=$model_dir/isnet/isnet-fp32.onnx
stamp=$model_dir/isnet/isnet-fp32.onnx.source
python=/usr/bin/python3 # Debian's, where python3-onnx lives (not a pyenv/venv one)

fail() { echo "fetch-models.sh: error: $*" >&2; exit 1; }

check_only=0
for arg in "$@"; do
    case "$arg" in
        --check) check_only=1 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "fetch-models.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    esac
done

# What the prepared file was made from: the package tarball and the converter.
script_sha=$(sha256sum "$root/packaging/prepare_isnet.py" | cut -d' ' -f1)
want_stamp="$package_spec tarball-sha256=$tarball_sha256 prepare_isnet.py-sha256=$script_sha"
if [[ -s "$out" && -f "$stamp" && "$(cat "$stamp")" == "$want_stamp" ]]; then
    echo "ISNet select-subject model: prepared ($out)"
    exit 0
fi
if ((check_only)); then
    echo "ISNet select-subject model: not prepared (run: bash packaging/fetch-models.sh)"
    exit 1
fi

mkdir -p "$cache_dir" "$model_dir/isnet"

# 1. The package tarball, fetched once with npm's own client.
if [[ -f "$cache_dir/$tarball" ]] &&
    [[ "$(sha256sum "$cache_dir/$tarball" | cut -d' ' -f1)" != "$tarball_sha256" ]]; then
    echo "fetch-models.sh: $cache_dir/$tarball does not match its SHA-256; fetching it again" >&2
    rm -f "$cache_dir/$tarball"
fi
if [[ ! -f "$cache_dir/$tarball" ]]; then
    command -v npm >/dev/null ||
        fail "npm is not installed (Debian package 'npm'); it fetches $package_spec"
    echo "Fetching $package_spec (about 136 MB) into $cache_dir"
    (cd "$cache_dir" && npm pack --silent "$package_spec" >/dev/null) ||
        fail "npm pack $package_spec failed (no network? see the npm messages above)"
    [[ -f "$cache_dir/$tarball" ]] || fail "npm pack did not write $cache_dir/$tarball"
    got=$(sha256sum "$cache_dir/$tarball" | cut -d' ' -f1)
    if [[ "$got" != "$tarball_sha256" ]]; then
        rm -f "$cache_dir/$tarball"
        fail "$tarball has SHA-256 $got, expected $tarball_sha256"
    fi
fi

# 2. Unpack, reassemble and convert to float32.
[[ -x "$python" ]] || fail "$python is missing (Debian packages python3, python3-onnx, python3-numpy)"
work=$(mktemp -d "$cache_dir/unpack.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xzf "$cache_dir/$tarball" -C "$work" || fail "cannot unpack $cache_dir/$tarball"
echo "Preparing ISNet (float16 -> float32) into $out"
"$python" "$root/packaging/prepare_isnet.py" "$work/package" "$out"
cp "$work/package/LICENSE.md" "$model_dir/isnet/LICENSE.md"
printf '%s\n' "$want_stamp" >"$stamp"
echo "ISNet select-subject model: prepared ($out)"
