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
/// - CPU convolutions through oneDNN (torch's default), which measured faster
///   than im2col + sgemm (with tcmalloc, SD 1.5 UNet step at 512²: 16.4 s vs
///   17.9 s; VAE decode at 512² on a loaded machine: 29.7 s vs 38.9 s) and needs
///   less memory (im2col unfolds a 256-channel 512² map into 2.4 GB);
///   ATELIER_MKLDNN=0 turns it off for A/B runs.
/// The executables link tcmalloc (cmake/AtelierMalloc.cmake): with glibc's
/// malloc every tensor over 32 MiB is a fresh mmap() that faults in page by page.
RuntimeInfo initRuntime(int threads = 0);

/// The runtime as initRuntime() left it (initialising with defaults if needed).
RuntimeInfo runtimeInfo();

} // namespace atelier::engine
