// SPDX-License-Identifier: GPL-3.0-or-later
// Randomised corruption of valid torch.save checkpoints (real Python files and
// hand-assembled ones, zip and zip64) and randomly generated pickles: every
// case either parses to an index whose ranges lie inside the buffer, or throws
// atelier::Error naming the file. No crash, no hang, no out-of-bounds range.
#include "checkpoint_builder.h"
#include "core/error.h"
#include "engine/io/pytorch_checkpoint.h"
#include "engine/io/zip_directory.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

using namespace atelier;
using namespace atelier::engine;
using test::FakeTensor;

namespace {

const std::string kName = "fuzz.ckpt";

struct Seed {
    std::string name, bytes;
    std::uint64_t pklBegin = 0, pklEnd = 0;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> data; ///< every record's data range
};

Seed makeSeed(const std::string& name, std::string bytes) {
    Seed s;
    s.name = name;
    s.bytes = std::move(bytes);
    const ZipDirectory zip = readZipDirectory(reinterpret_cast<const std::uint8_t*>(s.bytes.data()), s.bytes.size());
    for (const auto& [entry, e] : zip) {
        s.data.emplace_back(e.dataOffset, e.dataOffset + e.size);
        if (entry.size() >= 9 && entry.compare(entry.size() - 9, 9, "/data.pkl") == 0) {
            s.pklBegin = e.dataOffset;
            s.pklEnd = e.dataOffset + e.size;
        }
    }
    return s;
}

std::vector<Seed> seeds() {
    std::vector<Seed> out;
    for (const char* name : {"ldm_tiny.ckpt", "diffusion_pytorch_model.bin", "protocol4.pt"}) {
        std::ifstream in(std::string(ATELIER_SOURCE_DIR) + "/tests/engine/io/data/" + name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        out.push_back(makeSeed(name, ss.str()));
    }
    const std::vector<FakeTensor> tensors{{"a", "FloatStorage", "0", 8, 0, {2, 2}, {}},
                                          {"b", "FloatStorage", "0", 8, 4, {4}, {}},
                                          {"c", "HalfStorage", "1", 2, 0, {2}, {}}};
    for (bool zip64 : {false, true}) {
        out.push_back(makeSeed(zip64 ? "hand-zip64" : "hand", test::makeCheckpoint(
            test::stateDictPickle(tensors, true), {{"0", std::string(32, '\1')}, {"1", std::string(4, '\2')}},
            "archive", zip64)));
    }
    return out;
}

bool inData(const Seed& s, std::uint64_t pos) {
    for (const auto& [begin, end] : s.data) {
        if (pos >= begin && pos < end) return true;
    }
    return false;
}

std::string corrupt(const Seed& seed, std::mt19937_64& rng, int& kindOut) {
    static const std::uint8_t kOpcodes[] = {'(', '.', '0', '1', '2', 'N', 'K', 'M', 'J', 'X', 'q', 'h', 'r', 'j', 't',
                                            ')', ']', '}', 'u', 's', 'a', 'e', 'R', 'b', 'Q', 'c', 0x80, 0x85, 0x86,
                                            0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x93, 0x94, 0x95, 0x81, 'i', 'o'};
    std::string b = seed.bytes;
    const std::uint64_t pkl = seed.pklEnd - seed.pklBegin;
    const auto pklPos = [&] { return seed.pklBegin + rng() % pkl; };
    const auto headerPos = [&] {
        for (;;) {
            const std::uint64_t p = rng() % b.size();
            if (!inData(seed, p)) return p;
        }
    };
    const int kind = kindOut = static_cast<int>(rng() % 7);
    switch (kind) {
    case 0: for (int i = 1 + static_cast<int>(rng() % 8); i > 0; --i) b[pklPos()] = static_cast<char>(rng()); break;
    case 1: b[pklPos()] = static_cast<char>(kOpcodes[rng() % sizeof kOpcodes]); break;
    case 2: { // a random 32-bit value over a length, index or integer field
        const std::uint64_t at = pklPos();
        const std::uint32_t v = rng() % 2 ? static_cast<std::uint32_t>(rng()) : static_cast<std::uint32_t>(rng() % 300);
        for (int i = 0; i < 4 && at + i < seed.pklEnd; ++i) b[at + i] = static_cast<char>(v >> (8 * i));
        break;
    }
    case 3: for (int i = 1 + static_cast<int>(rng() % 4); i > 0; --i) b[headerPos()] = static_cast<char>(rng()); break;
    case 4: { // a boundary value over a zip header field
        const std::uint64_t at = headerPos();
        const std::uint64_t values[] = {0, 0xffffffffull, b.size(), b.size() + 1, rng(), rng() % 4096, 1ull << 63};
        const std::uint64_t v = values[rng() % 7];
        const int width = rng() % 2 ? 4 : 8;
        for (int i = 0; i < width && at + i < b.size(); ++i) b[at + i] = static_cast<char>(v >> (8 * i));
        break;
    }
    case 5: b.resize(rng() % b.size()); break;
    default: // storage bytes only: must still parse
        for (;;) {
            const std::uint64_t p = rng() % b.size();
            if (inData(seed, p) && (p < seed.pklBegin || p >= seed.pklEnd)) {
                b[p] = static_cast<char>(rng());
                break;
            }
        }
    }
    return b;
}

// Parses; checks the invariants; returns whether it was accepted.
bool check(const std::string& bytes) {
    TensorIndex index;
    std::string wrapper;
    try {
        parsePyTorchCheckpoint(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), kName, index, wrapper);
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(kName), std::string::npos) << e.what();
        return false;
    }
    for (const auto& [key, info] : index) {
        EXPECT_LE(info.offset, bytes.size()) << key;
        EXPECT_LE(info.byteSize, bytes.size() - std::min<std::uint64_t>(info.offset, bytes.size())) << key;
        std::uint64_t n = dtypeSize(info.dtype);
        for (std::int64_t d : info.shape) n *= static_cast<std::uint64_t>(d);
        EXPECT_EQ(n, info.byteSize) << key;
    }
    return true;
}

} // namespace

TEST(CheckpointFuzz, ThousandsOfCorruptionsNeverEscapeTheBuffer) {
    std::mt19937_64 rng(20261122);
    int parsed = 0, refused = 0, storageOnly = 0;
    for (const Seed& seed : seeds()) {
        ASSERT_GT(seed.pklEnd, seed.pklBegin) << seed.name;
        ASSERT_TRUE(check(seed.bytes)) << seed.name;
        for (int i = 0; i < 3000; ++i) {
            int kind = 0;
            const bool ok = check(corrupt(seed, rng, kind));
            if (kind == 6) {
                EXPECT_TRUE(ok) << seed.name << ": changing storage bytes must not matter";
                ++storageOnly;
            }
            ok ? ++parsed : ++refused;
            if (::testing::Test::HasFailure()) FAIL() << seed.name << " case " << i;
        }
    }
    EXPECT_GT(refused, 8000);
    std::cout << "checkpoint fuzz: 15000 cases, " << parsed << " parsed (" << storageOnly << " storage-only), "
              << refused << " refused\n";
}

TEST(CheckpointFuzz, RandomOpcodeStreamsNeverEscapeTheBuffer) {
    std::mt19937_64 rng(7);
    const std::string storage(64, '\3');
    int parsed = 0, refused = 0;
    for (int i = 0; i < 5000; ++i) {
        test::PickleWriter w;
        w.proto(2).op('}');
        const int tokens = 1 + static_cast<int>(rng() % 60);
        for (int t = 0; t < tokens; ++t) {
            switch (rng() % 16) {
            case 0: w.mark(); break;
            case 1: w.str(rng() % 2 ? "storage" : std::string(1, static_cast<char>('a' + rng() % 3))); break;
            case 2: w.integer(static_cast<std::int64_t>(rng() % 40) - 4); break;
            case 3: w.global("torch", rng() % 2 ? "FloatStorage" : "HalfStorage"); break;
            case 4: w.global("torch._utils", "_rebuild_tensor_v2"); break;
            case 5: w.global("collections", "OrderedDict"); break;
            case 6: w.op("t)]}uRQsea"[rng() % 10]); break;
            case 7: w.put(static_cast<std::uint32_t>(rng() % 4)); break;
            case 8: w.get(static_cast<std::uint32_t>(rng() % 4)); break;
            case 9: test::writeTensor(w, {"", "FloatStorage", "0", static_cast<std::int64_t>(rng() % 20),
                                          static_cast<std::int64_t>(rng() % 20), {static_cast<std::int64_t>(rng() % 20)}, {}}); break;
            case 10: w.intTuple({static_cast<std::int64_t>(rng() % 5), static_cast<std::int64_t>(rng() % 5)}); break;
            case 11: w.op(static_cast<std::uint8_t>(0x85 + rng() % 5)); break;
            case 12: w.op('b'); break;
            case 13: w.op("012"[rng() % 3]); break;
            case 14: w.str("0").str("cpu"); break;
            default: w.op(static_cast<std::uint8_t>(rng())); break;
            }
        }
        w.op('s').stop();
        check(test::makeCheckpoint(w.bytes(), {{"0", storage}})) ? ++parsed : ++refused;
        if (::testing::Test::HasFailure()) FAIL() << "case " << i;
    }
    EXPECT_GT(refused, 1000);
    std::cout << "opcode fuzz: 5000 cases, " << parsed << " parsed, " << refused << " refused\n";
}
