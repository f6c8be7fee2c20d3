// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace atelier::engine {

/// Calls `work(i)` for every i in [0, count) on up to `threads` std::threads
/// (the calling thread is one of them), handing out indices in order from a
/// shared atomic counter. What each index computes must not depend on which
/// thread runs it: callers give each index its own rows and its own random
/// stream, so results are identical for any thread count. The first exception
/// thrown by `work` is rethrown after all threads have joined.
///
/// Plain std::thread (not OpenMP) so that ThreadSanitizer sees every
/// synchronisation (see packaging/sanitize-fill.sh).
template <typename Work>
void parallelForIndices(int count, int threads, const Work& work) {
    if (count <= 0) return;
    threads = std::clamp(threads, 1, count);
    std::atomic<int> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    const auto run = [&] {
        for (int i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
            try {
                work(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure) failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t) pool.emplace_back(run);
    run();
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

} // namespace atelier::engine
