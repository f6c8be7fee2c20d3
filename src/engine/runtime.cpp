// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/runtime.h"

#include "engine/thread_count.h"

#include <torch/version.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace atelier::engine {
namespace {

std::once_flag g_initOnce;
RuntimeInfo g_info;

bool envIs(const char* name, const char* value) {
    const char* v = std::getenv(name);
    return v && std::strcmp(v, value) == 0;
}

} // namespace

RuntimeInfo initRuntime(int threads) {
    std::call_once(g_initOnce, [threads] {
        // LibTorch can start with a single OpenMP thread: set the count explicitly.
        at::set_num_threads(threads > 0 ? threads : defaultThreadCount());
        // Denormal floats (softmax tails, tiny activations) cost ~100x per operation on x86: flush them.
        at::globalContext().setFlushDenormal(true);
        at::globalContext().setUserEnabledMkldnn(!envIs("ATELIER_MKLDNN", "0"));
        g_info.mkldnnConvolutions = at::globalContext().userEnabledMkldnn() && at::hasMKLDNN();
        g_info.torchVersion = TORCH_VERSION;
        g_info.cudaAvailable = torch::cuda::is_available();
        g_info.device = g_info.cudaAvailable ? "cuda:0" : "cpu";
        g_info.cpuThreads = at::get_num_threads();
    });
    return g_info;
}

RuntimeInfo runtimeInfo() { return initRuntime(0); }

} // namespace atelier::engine
