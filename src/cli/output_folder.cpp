// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/output_folder.h"

#include "core/error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace atelier::cli {
namespace fs = std::filesystem;

void prepareOutputFolder(const std::string& dir) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        throw fileError("output folder", dir, "exists and is not a folder");
    }
    fs::create_directories(dir, ec);
    if (ec) throw fileError("output folder", dir, "cannot be created: " + ec.message());
    const fs::path probe = fs::path(dir) / (".atelier-write-probe-" + std::to_string(::getpid()));
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw fileError("output folder", dir, std::string("cannot be written: ") + std::strerror(errno));
    ::close(fd);
    ::unlink(probe.c_str());
}

} // namespace atelier::cli
