// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace atelier::engine {

/// Where tensors run and how.
struct RuntimeInfo {
    std::string torchVersion; ///< LibTorch version string, e.g. "1.13.0"
    bool cudaAvailable = false;
    std::string device;       ///< "cuda:0" when CUDA is available, else "cpu"
    int cpuThreads = 1;       ///< intra-op threads torch uses on the CPU
};

/// Sets torch's intra-op thread count once per process (LibTorch may start with
/// a single OpenMP thread): `threads` <= 0 means one per hardware core, or the
/// ATELIER_THREADS environment variable when set. Returns the runtime in use.
RuntimeInfo initRuntime(int threads = 0);

/// The runtime as initRuntime() left it (initialising with defaults if needed).
RuntimeInfo runtimeInfo();

} // namespace atelier::engine
