// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openmp_wait_policy.h"

#include <cstdlib>

#if defined(__linux__)
#include <unistd.h>
#endif

namespace atelier::engine {

void preferPassiveOpenMPWait(char** argv) {
#if defined(__linux__)
    if (std::getenv("OMP_WAIT_POLICY") != nullptr || argv == nullptr) return;
    if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 0) != 0) return;
    ::execv("/proc/self/exe", argv);
    // execv returned: it failed. Run on with the policy already loaded (active wait).
#else
    (void)argv;
#endif
}

std::string openMPWaitPolicy() {
    const char* value = std::getenv("OMP_WAIT_POLICY");
    return value ? value : "";
}

} // namespace atelier::engine
