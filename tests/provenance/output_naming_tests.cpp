// SPDX-License-Identifier: GPL-3.0-or-later
// File name templates, prompt slugs and free-name search.
#include "core/error.h"
#include "provenance/output_naming.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace atelier;
using namespace atelier::provenance;
namespace fs = std::filesystem;

namespace {
NameFields fields() {
    NameFields f;
    f.project = "garden";
    f.index = 3;
    f.seed = 42;
    f.prompt = "A Red Bicycle, leaning on a wall!";
    f.mode = "inpaint";
    f.date = "2026-11-21";
    return f;
}
} // namespace

TEST(OutputNaming, DefaultTemplate) {
    EXPECT_EQ(expandNameTemplate(kDefaultNameTemplate, fields()), "garden_3_42");
}

TEST(OutputNaming, EveryPlaceholderAndLiteralBraces) {
    EXPECT_EQ(expandNameTemplate("{date}-{mode}-{prompt}-{seed}{{x}}", fields()),
              "2026-11-21-inpaint-a-red-bicycle-leaning-on-a-wall-42{x}");
}

TEST(OutputNaming, UnsafeCharactersCannotEscapeTheFolder) {
    NameFields f = fields();
    f.project = "../../etc/passwd";
    EXPECT_EQ(expandNameTemplate("{project}", f), "_.._etc_passwd");
    f.project = "...";
    EXPECT_THROW(expandNameTemplate("{project}", f), Error);
    f.project = std::string(199, 'a') + "\xc3\xa9" + std::string(100, 'b'); // byte 200 is inside the "é"
    EXPECT_EQ(expandNameTemplate("{project}", f), std::string(199, 'a'));
}

TEST(OutputNaming, BadTemplatesAreErrors) {
    EXPECT_THROW(expandNameTemplate("{nope}", fields()), Error);
    EXPECT_THROW(expandNameTemplate("{seed", fields()), Error);
    EXPECT_THROW(expandNameTemplate("seed}", fields()), Error);
    EXPECT_THROW(expandNameTemplate("", fields()), Error);
}

TEST(OutputNaming, PromptSlug) {
    EXPECT_EQ(promptSlug("  Hello,   World!! "), "hello-world");
    EXPECT_EQ(promptSlug("\xe7\x8c\xab"), "untitled");
    EXPECT_EQ(promptSlug("one two three four five six seven eight nine ten", 20), "one-two-three-four");
    EXPECT_EQ(promptSlug(std::string(60, 'x'), 40), std::string(40, 'x'));
}

TEST(OutputNaming, FirstFreePathNumbersTakenNames) {
    const fs::path dir = fs::temp_directory_path() / ("atelier-naming-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string a = (dir / "a_1_7.png").string();
    EXPECT_FALSE(pathTaken(a));
    EXPECT_EQ(firstFreePath(a), a);
    std::ofstream(a) << "x";
    std::ofstream((dir / "a_1_7-2.png").string()) << "x";
    EXPECT_TRUE(pathTaken(a));
    EXPECT_EQ(firstFreePath(a), (dir / "a_1_7-3.png").string());
    fs::remove_all(dir);
}

TEST(OutputNaming, TodayIsIsoDate) {
    const std::string d = todayIso();
    ASSERT_EQ(d.size(), 10u);
    EXPECT_EQ(d[4], '-');
    EXPECT_EQ(d[7], '-');
}
