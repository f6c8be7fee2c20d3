// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/progress.h"

#include <gtest/gtest.h>

using namespace atelier::engine;

TEST(CancelToken, StartsNone) { EXPECT_EQ(CancelToken().requested(), CancelMode::None); }

TEST(CancelToken, NowUpgradesAfterCurrentVariation) {
    CancelToken t;
    t.request(CancelMode::AfterCurrentVariation);
    EXPECT_EQ(t.requested(), CancelMode::AfterCurrentVariation);
    t.request(CancelMode::Now);
    EXPECT_EQ(t.requested(), CancelMode::Now);
}

TEST(CancelToken, AfterCurrentVariationDoesNotDowngradeNow) {
    CancelToken t;
    t.request(CancelMode::Now);
    t.request(CancelMode::AfterCurrentVariation);
    EXPECT_EQ(t.requested(), CancelMode::Now);
}
