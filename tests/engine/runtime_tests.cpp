// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/runtime.h"

#include <gtest/gtest.h>

#include <thread>

using namespace atelier::engine;

TEST(Runtime, UsesEveryCoreOnTheCpu) {
    const RuntimeInfo info = initRuntime();
    EXPECT_FALSE(info.torchVersion.empty());
    const unsigned hw = std::thread::hardware_concurrency();
    if (hw > 0 && !std::getenv("ATELIER_THREADS")) {
        EXPECT_EQ(info.cpuThreads, static_cast<int>(hw));
    }
    EXPECT_EQ(info.device, info.cudaAvailable ? "cuda:0" : "cpu");
}
