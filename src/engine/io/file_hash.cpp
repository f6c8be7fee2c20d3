// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/file_hash.h"

#include "core/error.h"
#include "engine/image_io.h"
#include "engine/io/sha256.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include <sys/stat.h>

namespace atelier::engine {
namespace fs = std::filesystem;
namespace {

constexpr int kCacheVersion = 1;
constexpr std::size_t kMaxCacheEntries = 1000;

struct FileStamp {
    std::string path; ///< absolute
    long long size = 0;
    long long mtimeNs = 0;
};

FileStamp stampOf(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        throw fileError("file", path, std::string("cannot be read: ") + std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) throw fileError("file", path, "is a folder, not a file");
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec);
    return {ec ? path : abs.lexically_normal().string(), static_cast<long long>(st.st_size),
            static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

// Fields of a cache entry, tolerating any JSON shape (json::value() throws on a type mismatch).
long long intField(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<long long>() : -1;
}

std::string stringField(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The cache as a JSON object {"version": 1, "files": {path: {size, mtime_ns, sha256}}};
// anything unreadable or of another shape gives an empty cache.
nlohmann::json readCache(const std::string& cacheFile) {
    nlohmann::json empty = {{"version", kCacheVersion}, {"files", nlohmann::json::object()}};
    std::ifstream in(cacheFile, std::ios::binary);
    if (!in) return empty;
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (!j.is_object() || intField(j, "version") != kCacheVersion || !j.contains("files") || !j["files"].is_object()) {
        return empty;
    }
    return j;
}

bool isHexDigest(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::mutex& cacheMutex() {
    static std::mutex m;
    return m;
}

} // namespace

std::string fileSha256(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw fileError("file", path, "is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fileError("file", path, std::string("cannot be opened: ") + std::strerror(errno));
    Sha256 hash;
    std::string buffer(1 << 20, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        hash.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw fileError("file", path, "read failed");
    return hash.hexDigest();
}

std::string defaultHashCachePath() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && fs::path(xdg).is_absolute()) return (fs::path(xdg) / "atelier" / "file-sha256.json").string();
    const char* home = std::getenv("HOME");
    if (home && fs::path(home).is_absolute()) {
        return (fs::path(home) / ".cache" / "atelier" / "file-sha256.json").string();
    }
    return {};
}

std::string cachedFileSha256(const std::string& path, const std::string& cacheFile) {
    const FileStamp stamp = stampOf(path);
    if (cacheFile.empty()) return fileSha256(path);
    {
        std::lock_guard<std::mutex> lock(cacheMutex());
        const nlohmann::json cache = readCache(cacheFile);
        const auto& files = cache["files"];
        if (auto it = files.find(stamp.path); it != files.end() && it->is_object()) {
            const std::string digest = stringField(*it, "sha256");
            if (intField(*it, "size") == stamp.size && intField(*it, "mtime_ns") == stamp.mtimeNs &&
                isHexDigest(digest)) {
                return digest;
            }
        }
    }
    // Hash outside the lock: a multi-gigabyte checkpoint takes seconds.
    const std::string digest = fileSha256(path);
    std::lock_guard<std::mutex> lock(cacheMutex());
    nlohmann::json cache = readCache(cacheFile);
    nlohmann::json& files = cache["files"];
    if (files.size() >= kMaxCacheEntries) {
        // Forget files that are gone; if that is not enough, start over.
        for (auto it = files.begin(); it != files.end();) {
            std::error_code ec;
            it = fs::exists(it.key(), ec) ? std::next(it) : files.erase(it);
        }
        if (files.size() >= kMaxCacheEntries) files = nlohmann::json::object();
    }
    files[stamp.path] = {{"size", stamp.size}, {"mtime_ns", stamp.mtimeNs}, {"sha256", digest}};
    try {
        std::error_code ec;
        fs::create_directories(fs::path(cacheFile).parent_path(), ec);
        writeFileAtomic(cacheFile, cache.dump(1));
    } catch (const Error&) {
        // A cache that cannot be written is not an error: the digest is still right.
    }
    return digest;
}

std::string weightsSha256(const std::vector<std::string>& files, const std::string& cacheFile) {
    if (files.empty()) throw Error("model weights hash: no weight files given");
    if (files.size() == 1) return cachedFileSha256(files.front(), cacheFile);
    Sha256 combined;
    for (const std::string& f : files) combined.update(cachedFileSha256(f, cacheFile) + "\n");
    return combined.hexDigest();
}

} // namespace atelier::engine
