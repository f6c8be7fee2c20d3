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
    bool heapAllocator = false;      ///< glibc malloc keeps large blocks in its heap (see initRuntime)
};

/// Sets up torch's CPU runtime once per process and returns it:
/// - the intra-op thread count (LibTorch may start with a single OpenMP thread):
///   `threads` <= 0 means one per hardware core, or ATELIER_THREADS when set;
/// - denormal floats flushed to zero;
/// - CPU convolutions through im2col + sgemm rather than oneDNN (an SD 1.5 UNet
///   step at 512² on this project's reference machine: 8.0 s of convolutions
///   instead of 13.7 s); ATELIER_MKLDNN=1 turns oneDNN back on;
/// - glibc malloc told to serve large blocks from its heap and keep them
///   (M_MMAP_MAX 0, M_TRIM_THRESHOLD 1 GiB): by default every block over 32 MiB
///   (attention scores, im2col buffers) is a fresh mmap() whose pages fault in
///   on first touch and go back to the system on free; that doubled the UNet
///   step (53.9 s -> 18.5 s on one thread). ATELIER_MALLOC=system skips it; a
///   preloaded tcmalloc ignores it.
RuntimeInfo initRuntime(int threads = 0);

/// The runtime as initRuntime() left it (initialising with defaults if needed).
RuntimeInfo runtimeInfo();

} // namespace atelier::engine
