// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256 against the FIPS 180-4 test vectors, file hashing, the per-user hash
// cache (hit, invalidation by size/mtime, corrupt cache ignored) and the
// identity hash of multi-file weights.
#include "core/error.h"
#include "engine/io/file_hash.h"
#include "engine/io/sha256.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

class FileHash : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-hash-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path(name), std::ios::binary) << bytes;
    }
    fs::path m_dir;
};

const std::string kAbcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

} // namespace

TEST(Sha256, MatchesTheFipsTestVectors) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), kAbcDigest);
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, PiecesGiveTheSameDigestAsOneUpdate) {
    Sha256 h;
    h.update("a");
    h.update("");
    h.update("bc");
    EXPECT_EQ(h.hexDigest(), kAbcDigest);
    EXPECT_THROW(h.hexDigest(), Error);
}

TEST_F(FileHash, HashesTheFileBytes) {
    write("abc.bin", "abc");
    EXPECT_EQ(fileSha256(path("abc.bin")), kAbcDigest);
    EXPECT_EQ(cachedFileSha256(path("abc.bin"), ""), kAbcDigest);
}

TEST_F(FileHash, MissingFileOrFolderIsAnErrorNamingIt) {
    try {
        cachedFileSha256(path("missing.safetensors"), path("cache.json"));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("missing.safetensors"), std::string::npos) << e.what();
    }
    EXPECT_THROW(fileSha256(m_dir.string()), Error);
    EXPECT_FALSE(fs::exists(path("cache.json")));
}

TEST_F(FileHash, CacheAnswersUntilTheFileChanges) {
    write("w.bin", "abc");
    const std::string cache = path("sub/cache.json");
    EXPECT_EQ(cachedFileSha256(path("w.bin"), cache), kAbcDigest);
    ASSERT_TRUE(fs::exists(cache));
    // Plant a different digest for the same stamp: a cache hit must return it.
    std::ifstream in(cache);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string fake(64, 'f');
    text.replace(text.find(kAbcDigest), 64, fake);
    std::ofstream(cache) << text;
    EXPECT_EQ(cachedFileSha256(path("w.bin"), cache), fake);
    // A new size invalidates the entry.
    write("w.bin", "abcd");
    EXPECT_EQ(cachedFileSha256(path("w.bin"), cache), sha256Hex("abcd"));
    // So does a new modification time with the same size.
    write("w.bin", "abce");
    fs::last_write_time(path("w.bin"), fs::last_write_time(path("w.bin")) + std::chrono::seconds(5));
    EXPECT_EQ(cachedFileSha256(path("w.bin"), cache), sha256Hex("abce"));
}

TEST_F(FileHash, CorruptCacheIsIgnoredAndReplaced) {
    write("w.bin", "abc");
    for (const std::string& junk : {std::string("{not json"), std::string("[1,2]"), std::string("{\"version\":1,\"files\":3}"),
                                    std::string("{\"version\":\"1\",\"files\":{}}"),
                                    std::string("{\"version\":1,\"files\":{\"" + path("w.bin") +
                                                "\":{\"size\":\"x\",\"sha256\":7}}}"),
                                    std::string("\0\xff", 2)}) {
        std::ofstream(path("cache.json"), std::ios::binary) << junk;
        EXPECT_EQ(cachedFileSha256(path("w.bin"), path("cache.json")), kAbcDigest) << junk;
    }
    EXPECT_EQ(cachedFileSha256(path("w.bin"), path("cache.json")), kAbcDigest);
}

TEST_F(FileHash, UnwritableCacheStillGivesTheDigest) {
    write("w.bin", "abc");
    write("a_file", "x");
    EXPECT_EQ(cachedFileSha256(path("w.bin"), path("a_file/cache.json")), kAbcDigest);
}

TEST_F(FileHash, WeightsHashOfOneFileIsItsSha256AndOfSeveralIsOrdered) {
    write("unet.bin", "abc");
    write("vae.bin", "abcd");
    const std::string cache = path("cache.json");
    EXPECT_EQ(weightsSha256({path("unet.bin")}, cache), kAbcDigest);
    const std::string both = weightsSha256({path("unet.bin"), path("vae.bin")}, cache);
    EXPECT_EQ(both, sha256Hex(kAbcDigest + "\n" + sha256Hex("abcd") + "\n"));
    EXPECT_NE(both, weightsSha256({path("vae.bin"), path("unet.bin")}, cache));
    EXPECT_THROW(weightsSha256({}, cache), Error);
}

TEST(FileHashCache, DefaultPathFollowsXdgCacheHome) {
    const char* old = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_CACHE_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(defaultHashCachePath(), "/tmp/xdg-test/atelier/file-sha256.json");
    ::setenv("XDG_CACHE_HOME", "relative/ignored", 1);
    EXPECT_NE(defaultHashCachePath().find("/.cache/atelier/file-sha256.json"), std::string::npos);
    if (old) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
}
