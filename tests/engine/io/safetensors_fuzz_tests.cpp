// SPDX-License-Identifier: GPL-3.0-or-later
// Randomised corruption of real safetensors files: every case either parses to
// an index whose ranges lie inside the buffer, or throws atelier::Error. No
// crash, no hang, no out-of-bounds range.
#include "core/error.h"
#include "engine/io/safetensors_file.h"
#include "golden_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

using namespace atelier;
using namespace atelier::engine;

namespace {

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Applies one random corruption: byte flips in the header, a truncation, a new
// header length, or a splice of random digits into the JSON.
std::string corrupt(const std::string& original, std::mt19937_64& rng) {
    std::string b = original;
    const std::uint64_t headerEnd = 8 + (static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[0])) |
                                         static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[1])) << 8 |
                                         static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[2])) << 16);
    std::uniform_int_distribution<int> kind(0, 4);
    switch (kind(rng)) {
    case 0: { // flip bytes in the header
        const int flips = 1 + static_cast<int>(rng() % 8);
        for (int i = 0; i < flips; ++i) b[rng() % headerEnd] = static_cast<char>(rng());
        break;
    }
    case 1: // truncate anywhere
        b.resize(rng() % b.size());
        break;
    case 2: // a random header length
        for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(i < 3 ? rng() : (rng() % 4 == 0 ? rng() : 0));
        break;
    case 3: { // replace a digit in the JSON with another run of digits
        const std::size_t at = 8 + rng() % (headerEnd - 8);
        const std::size_t digit = b.find_first_of("0123456789", at);
        if (digit < headerEnd) b.replace(digit, 1, std::to_string(rng() % 100000000000ull));
        break;
    }
    default: // set a byte to a structural JSON character
        b[8 + rng() % (headerEnd - 8)] = "{}[],:\"-0e"[rng() % 10];
        break;
    }
    return b;
}

} // namespace

TEST(SafetensorsFuzz, ThousandsOfCorruptionsNeverEscapeTheBuffer) {
    std::mt19937_64 rng(20261121);
    int parsed = 0, refused = 0;
    for (const char* name : {"clip_text_sd15.safetensors", "vae.safetensors", "sam.safetensors"}) {
        const std::string original = readAll(test::goldenPath(name));
        ASSERT_GT(original.size(), 64u) << name;
        for (int i = 0; i < 2000; ++i) {
            const std::string bytes = corrupt(original, rng);
            TensorIndex index;
            std::map<std::string, std::string> metadata;
            try {
                parseSafetensorsHeader(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), name, index,
                                       metadata);
            } catch (const Error& e) {
                ASSERT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
                ++refused;
                continue;
            }
            for (const auto& [key, info] : index) {
                ASSERT_LE(info.offset + info.byteSize, bytes.size()) << key;
            }
            ++parsed;
        }
    }
    EXPECT_GT(refused, 3000);
    std::cout << "fuzz: " << parsed << " parsed, " << refused << " refused\n";
}
