// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <unistd.h>

namespace atelier::provenance {
namespace fs = std::filesystem;
namespace {

int writeAll(int fd, const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

// Moves `tmp` to `target` unless `target` exists (EEXIST then).
int renameNoReplace(const fs::path& tmp, const fs::path& target) {
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return errno;
#endif
    if (::link(tmp.c_str(), target.c_str()) != 0) return errno;
    ::unlink(tmp.c_str());
    return 0;
}

void syncFolder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd); // best effort: the data itself is already on disk
    ::close(fd);
}

} // namespace

PathExistsError::PathExistsError(const std::string& path)
    : Error(fileError("output", path, "already exists")), m_path(path) {}

void writeFileAtomically(const std::string& path, const std::string& bytes, Overwrite overwrite) {
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (target.filename().empty()) throw fileError("output", path, "is not a file name");
    if (!fs::is_directory(dir, ec)) throw fileError("output", path, "folder '" + dir.string() + "' does not exist");
    if (overwrite == Overwrite::Never && fs::symlink_status(target, ec).type() != fs::file_type::not_found) {
        throw PathExistsError(path);
    }
    std::random_device rd;
    const fs::path tmp = dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                std::to_string(rd() & 0xffffff));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw fileError("output", path, std::string("cannot be written: ") + std::strerror(errno));
    int err = writeAll(fd, bytes);
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err == 0) {
        if (overwrite == Overwrite::Never) err = renameNoReplace(tmp, target);
        else if (std::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
    }
    if (err != 0) {
        ::unlink(tmp.c_str());
        if (err == EEXIST) throw PathExistsError(path);
        throw fileError("output", path, std::string("cannot be written: ") + std::strerror(err));
    }
    syncFolder(dir);
}

} // namespace atelier::provenance
