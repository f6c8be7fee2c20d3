// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/runtime_report.h"

#include "bench/resource_usage.h"
#include "engine/openmp_wait_policy.h"

namespace atelier::bench {

nlohmann::json runtimeReport(const std::string& benchmark, const engine::RuntimeInfo& runtime) {
    return {{"benchmark", benchmark},
            {"torch", runtime.torchVersion},
            {"device", "cpu"},
            {"threads", runtime.cpuThreads},
            {"malloc", mallocName()},
            {"omp_wait_policy", engine::openMPWaitPolicy()},
            {"dtype", "float32"},
            {"mkldnn_convolutions", runtime.mkldnnConvolutions}};
}

} // namespace atelier::bench
