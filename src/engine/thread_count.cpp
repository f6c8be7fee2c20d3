// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/thread_count.h"

#include <cstdlib>
#include <thread>

namespace atelier::engine {

int defaultThreadCount() {
    if (const char* env = std::getenv("ATELIER_THREADS")) {
        const int n = std::atoi(env);
        if (n > 0) return n;
    }
    const unsigned hw = std::thread::hardware_concurrency();
    return hw > 0 ? static_cast<int>(hw) : 1;
}

} // namespace atelier::engine
