// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

#include <gtest/gtest.h>

using atelier::Error;

TEST(Error, WhatJoinsContextOutermostFirst) {
    const Error e = Error("bad dtype").withContext("tensor 'w'").withContext("file 'm.safetensors'");
    EXPECT_STREQ(e.what(), "file 'm.safetensors': tensor 'w': bad dtype");
    EXPECT_EQ(e.message(), "bad dtype");
    ASSERT_EQ(e.context().size(), 2u);
    EXPECT_EQ(e.context()[0], "file 'm.safetensors'");
}

TEST(Error, FileErrorNamesRoleAndPath) {
    EXPECT_STREQ(atelier::fileError("mask", "/tmp/m.png", "is empty").what(), "mask '/tmp/m.png': is empty");
}

TEST(Error, CatchableAsStdException) {
    try {
        throw Error("boom");
    } catch (const std::exception& e) {
        EXPECT_STREQ(e.what(), "boom");
        return;
    }
    FAIL() << "not caught";
}
