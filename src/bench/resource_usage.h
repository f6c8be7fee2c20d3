// SPDX-License-Identifier: GPL-3.0-or-later
// Process memory figures for the benchmarks (Linux /proc and getrusage).
#pragma once

#include <string>

namespace atelier::bench {

/// Peak resident set size of this process so far, in bytes (getrusage ru_maxrss).
double peakRssBytes();

/// Current resident set size of this process, in bytes (/proc/self/statm); 0 when unknown.
double currentRssBytes();

/// "tcmalloc" when libtcmalloc is mapped into this process (LD_PRELOAD or
/// linked), else "glibc".
std::string mallocName();

} // namespace atelier::bench
