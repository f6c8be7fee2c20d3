// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/resource_usage.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace atelier::bench {

double peakRssBytes() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0.0;
    return static_cast<double>(usage.ru_maxrss) * 1024.0; // kilobytes on Linux
}

double currentRssBytes() {
    std::ifstream statm("/proc/self/statm");
    long long pages = 0, resident = 0;
    if (!(statm >> pages >> resident)) return 0.0;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

std::string mallocName() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        if (line.find("libtcmalloc") != std::string::npos) return "tcmalloc";
    }
    return "glibc";
}

} // namespace atelier::bench
