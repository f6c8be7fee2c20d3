// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace atelier::engine {

/// SHA-256 of a file's bytes as 64 lower-case hex digits, read in 1 MiB pieces.
/// For a single-file checkpoint this is the hash AUTOMATIC1111 and Civitai show
/// (their short "Model hash" / AutoV2 is its first 10 digits).
/// Throws atelier::Error naming the file when it is missing or unreadable.
std::string fileSha256(const std::string& path);

/// Where cachedFileSha256() keeps its cache by default:
/// $XDG_CACHE_HOME/atelier/file-sha256.json, else ~/.cache/atelier/file-sha256.json;
/// empty (no cache) when neither variable gives an absolute folder.
std::string defaultHashCachePath();

/// fileSha256(), answered from a cache when the file's absolute path, size and
/// modification time (nanoseconds) match an entry. A new digest is added to the
/// cache, written atomically; a missing, unreadable or corrupt cache is ignored
/// (and replaced), and a cache that cannot be written only costs the next
/// caller a re-hash. `cacheFile` empty disables the cache. Thread-safe.
/// Throws atelier::Error naming the file when the file itself cannot be read.
std::string cachedFileSha256(const std::string& path, const std::string& cacheFile = defaultHashCachePath());

/// The identity hash of model weights stored in `files` (each through
/// cachedFileSha256()): for one file, that file's SHA-256 (so it matches
/// AUTOMATIC1111 and Civitai); for several, the SHA-256 of their digests, each
/// as 64 hex digits followed by '\n', in the order given (a diffusers folder
/// passes unet, vae, text_encoder). Throws atelier::Error naming a file that
/// cannot be read, or when `files` is empty.
std::string weightsSha256(const std::vector<std::string>& files, const std::string& cacheFile = defaultHashCachePath());

} // namespace atelier::engine
