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
    bool mkldnnConvolutions = false; ///< CPU convolutions through oneDNN (else im2col + sgemm)
};

/// Sets up torch's CPU runtime once per process and returns it:
/// - the intra-op thread count (LibTorch may start with a single OpenMP thread):
///   `threads` <= 0 means one per hardware core, or ATELIER_THREADS when set;
/// - denormal floats flushed to zero;
/// - CPU convolutions through im2col + sgemm rather than oneDNN (an SD 1.5 UNet
///   step at 512² on this project's reference machine: 8.0 s of convolutions
///   instead of 13.7 s); ATELIER_MKLDNN=1 turns oneDNN back on for the UNet
///   (the VAE always uses it: see OneDnnScope).
/// The executables link tcmalloc (cmake/AtelierMalloc.cmake): with glibc's
/// malloc every tensor over 32 MiB is a fresh mmap() that faults in page by page.
RuntimeInfo initRuntime(int threads = 0);

/// The runtime as initRuntime() left it (initialising with defaults if needed).
RuntimeInfo runtimeInfo();

} // namespace atelier::engine
