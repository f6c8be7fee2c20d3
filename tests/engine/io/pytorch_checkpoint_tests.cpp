// SPDX-License-Identifier: GPL-3.0-or-later
// Reading torch.save zip checkpoints: real files written by Python PyTorch
// (data/make_torch_checkpoints.py), files written by LibTorch's
// torch::pickle_save, and hand-assembled ldm-style checkpoints. Values are read
// back through tensorFromBytes and compared with what was written.
#include "checkpoint_builder.h"
#include "core/error.h"
#include "engine/io/pytorch_checkpoint.h"
#include "engine/io/weight_tensors.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace atelier;
using namespace atelier::engine;
using test::FakeTensor;

namespace {

std::string fixture(const std::string& name) {
    return std::string(ATELIER_SOURCE_DIR) + "/tests/engine/io/data/" + name;
}

// What make_torch_checkpoints.py's ramp(n, dtype) holds.
torch::Tensor ramp(std::int64_t n, torch::ScalarType dtype) {
    return (torch::arange(n, torch::kFloat64) * 0.25 - 1.0).to(dtype);
}

torch::Tensor read(const PyTorchCheckpoint& f, const std::string& name) {
    const TensorInfo* info = f.find(name);
    if (!info) throw Error("no tensor '" + name + "'");
    EXPECT_LE(info->offset + info->byteSize, std::filesystem::file_size(f.path())) << name;
    return tensorFromBytes(f.data(*info), *info);
}

std::string errorOpening(const std::string& path) {
    try {
        PyTorchCheckpoint::open(path);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(PyTorchCheckpoint, ReadsARealLdmCheckpointAndStripsItsStateDictWrapper) {
    const PyTorchCheckpoint f = PyTorchCheckpoint::open(fixture("ldm_tiny.ckpt"));
    EXPECT_EQ(f.wrapper(), "state_dict");
    EXPECT_EQ(f.tensors().size(), 11u); // global_step (a numpy scalar) and epoch are skipped
    EXPECT_TRUE(torch::equal(read(f, "model.diffusion_model.0.weight"), ramp(6, torch::kFloat32).view({2, 3})));
    EXPECT_TRUE(torch::equal(read(f, "model.diffusion_model.0.bias"), ramp(2, torch::kFloat32)));
    EXPECT_TRUE(torch::equal(read(f, "model.diffusion_model.1.weight"), torch::ones({2})));
    EXPECT_TRUE(torch::equal(read(f, "first_stage_model.scale"), ramp(4, torch::kFloat16)));
    EXPECT_TRUE(torch::equal(read(f, "cond_stage_model.proj"), ramp(6, torch::kBFloat16).view({3, 2})));
    EXPECT_TRUE(torch::equal(read(f, "cond_stage_model.position_ids"), torch::arange(5, torch::kInt64).view({1, 5})));
    EXPECT_TRUE(torch::equal(read(f, "model_ema.num_updates"), torch::tensor(7, torch::kInt32)));
    EXPECT_EQ(f.find("model_ema.decay")->shape, std::vector<std::int64_t>{});
    EXPECT_FLOAT_EQ(read(f, "model_ema.decay").item<float>(), 0.9999f);
    // Two views of one storage: the tail starts 8 floats into it.
    const TensorInfo* whole = f.find("shared.whole");
    const TensorInfo* tail = f.find("shared.tail");
    ASSERT_TRUE(whole && tail);
    EXPECT_EQ(tail->offset, whole->offset + 8 * 4);
    EXPECT_TRUE(torch::equal(read(f, "shared.tail"), ramp(12, torch::kFloat32).slice(0, 8)));
    EXPECT_EQ(f.find("global_step"), nullptr);
}

TEST(PyTorchCheckpoint, ReadsARealDiffusersBinWithParametersBoolsAndBytes) {
    const PyTorchCheckpoint f = PyTorchCheckpoint::open(fixture("diffusion_pytorch_model.bin"));
    EXPECT_EQ(f.wrapper(), "");
    EXPECT_EQ(f.tensors().size(), 5u);
    EXPECT_EQ(f.find("conv_in.weight")->dtype, DType::F16);
    EXPECT_TRUE(torch::equal(read(f, "conv_in.weight"), ramp(18, torch::kFloat16).view({2, 1, 3, 3})));
    EXPECT_TRUE(torch::equal(read(f, "conv_in.bias"), ramp(2, torch::kFloat16))); // an nn.Parameter
    EXPECT_TRUE(torch::equal(read(f, "time_embedding.linear_1.weight"), ramp(8, torch::kFloat16).view({4, 2})));
    EXPECT_TRUE(torch::equal(read(f, "flags"), torch::tensor({true, false, true})));
    EXPECT_TRUE(torch::equal(read(f, "bytes"), torch::arange(4, torch::kUInt8)));
}

TEST(PyTorchCheckpoint, ReadsAProtocol4PickleAndStripsAModelWrapper) {
    const PyTorchCheckpoint f = PyTorchCheckpoint::open(fixture("protocol4.pt"));
    EXPECT_EQ(f.wrapper(), "model");
    EXPECT_TRUE(torch::equal(read(f, "a.weight"), ramp(6, torch::kFloat64).view({3, 2})));
    EXPECT_TRUE(torch::equal(read(f, "a.bias"), ramp(3, torch::kInt16)));
}

TEST(PyTorchCheckpoint, RefusesARealNonContiguousTensorNamingIt) {
    const std::string e = errorOpening(fixture("non_contiguous.pt"));
    EXPECT_NE(e.find("tensor 'w'"), std::string::npos) << e;
    EXPECT_NE(e.find("not contiguous"), std::string::npos) << e;
    EXPECT_NE(e.find("non_contiguous.pt"), std::string::npos) << e;
}

TEST(PyTorchCheckpoint, ReadsWhatLibTorchPickleSaveWrites) {
    const torch::Tensor base = torch::randn({12});
    c10::Dict<std::string, at::Tensor> sd;
    sd.insert("a.weight", base.view({3, 4}));
    sd.insert("a.bias", base.slice(0, 4, 8)); // shares base's storage at offset 4
    sd.insert("half", torch::randn({2, 3}).to(torch::kHalf));
    sd.insert("bf16", torch::randn({5}).to(torch::kBFloat16));
    sd.insert("ids", torch::arange(7, torch::kInt64));
    sd.insert("row", torch::randn({3, 1}).t()); // size-1 dimension: contiguous whatever its stride
    sd.insert("scalar", torch::tensor(2.5));
    c10::impl::GenericDict top(c10::StringType::get(), c10::AnyType::get());
    top.insert("state_dict", sd);
    top.insert("global_step", 470000);
    const std::vector<char> bytes = torch::pickle_save(top);
    const std::string path = test::writeTempFile("libtorch.pt", std::string(bytes.begin(), bytes.end()));
    const PyTorchCheckpoint f = PyTorchCheckpoint::open(path);
    EXPECT_EQ(f.wrapper(), "state_dict");
    EXPECT_EQ(f.tensors().size(), sd.size());
    for (const auto& entry : sd) {
        const torch::Tensor got = read(f, entry.key());
        EXPECT_TRUE(torch::equal(got, entry.value().contiguous())) << entry.key();
        EXPECT_EQ(got.scalar_type(), entry.value().scalar_type()) << entry.key();
    }
    EXPECT_EQ(f.find("a.bias")->offset, f.find("a.weight")->offset + 16);
    std::filesystem::remove(path);
}

TEST(PyTorchCheckpoint, RefusesALibTorchTransposedTensor) {
    c10::Dict<std::string, at::Tensor> sd;
    sd.insert("t", torch::randn({2, 3}).t());
    const std::vector<char> bytes = torch::pickle_save(sd);
    const std::string path = test::writeTempFile("transposed.pt", std::string(bytes.begin(), bytes.end()));
    const std::string e = errorOpening(path);
    EXPECT_NE(e.find("tensor 't': it is not contiguous (shape [3, 2], stride [1, 3])"), std::string::npos) << e;
    std::filesystem::remove(path);
}

namespace {

// An ldm-style checkpoint assembled byte by byte: F32 with two views of one
// storage, F16, BF16, I64.
struct HandMade {
    std::vector<float> f32{0.5f, -1.f, 2.f, 3.25f, 4.f, 5.f, 6.f, 7.f, 8.f, 9.f, 10.f, 11.f};
    std::vector<std::uint16_t> f16{0x3c00, 0xc000, 0x3800, 0x0000}; // 1, -2, 0.5, 0
    std::vector<std::uint16_t> bf16{0x3f80, 0x4040};                 // 1, 3
    std::vector<std::int64_t> i64{49406, -7, 1ll << 40};
    std::vector<FakeTensor> tensors{
        {"model.diffusion_model.w", "FloatStorage", "0", 12, 0, {3, 4}, {}},
        {"model.diffusion_model.tail", "FloatStorage", "0", 12, 8, {2, 2}, {}},
        {"first_stage_model.h", "HalfStorage", "1", 4, 0, {4}, {}},
        {"cond_stage_model.b", "BFloat16Storage", "2", 2, 0, {1, 2}, {}},
        {"cond_stage_model.ids", "LongStorage", "3", 3, 0, {3}, {}},
    };
    std::string file(bool zip64) const {
        return test::makeCheckpoint(test::stateDictPickle(tensors, true),
                                    {{"0", test::leBytes(f32)}, {"1", test::leBytes(f16)},
                                     {"2", test::leBytes(bf16)}, {"3", test::leBytes(i64)}},
                                    "v1-5-pruned", zip64);
    }
};

} // namespace

TEST(PyTorchCheckpoint, ReadsAHandAssembledLdmCheckpoint) {
    const HandMade made;
    for (bool zip64 : {false, true}) {
        const std::string path = test::writeTempFile("hand.ckpt", made.file(zip64));
        const PyTorchCheckpoint f = PyTorchCheckpoint::open(path);
        EXPECT_EQ(f.wrapper(), "state_dict");
        ASSERT_EQ(f.tensors().size(), 5u);
        const torch::Tensor all = torch::from_blob(const_cast<float*>(made.f32.data()), {12}).clone();
        EXPECT_TRUE(torch::equal(read(f, "model.diffusion_model.w"), all.view({3, 4})));
        EXPECT_TRUE(torch::equal(read(f, "model.diffusion_model.tail"), all.slice(0, 8).view({2, 2})));
        EXPECT_EQ(f.find("model.diffusion_model.w")->offset % 64, 0u); // torch's alignment survives
        EXPECT_TRUE(torch::equal(read(f, "first_stage_model.h"), torch::tensor({1.f, -2.f, 0.5f, 0.f}).to(torch::kHalf)));
        EXPECT_TRUE(torch::equal(read(f, "cond_stage_model.b"), torch::tensor({{1.f, 3.f}}).to(torch::kBFloat16)));
        EXPECT_TRUE(torch::equal(read(f, "cond_stage_model.ids"),
                                 torch::tensor(std::vector<std::int64_t>{49406, -7, 1ll << 40})));
        std::filesystem::remove(path);
    }
}

TEST(PyTorchCheckpoint, AcceptsParameterAndFromTypeRebuildsAndTorchSize) {
    test::PickleWriter w;
    w.proto(2).op('}').mark();
    w.str("p").global("torch._utils", "_rebuild_parameter").mark();
    test::writeTensor(w, {"", "FloatStorage", "0", 4, 0, {4}, {}});
    w.boolean(true).global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
    w.str("q").global("torch._tensor", "_rebuild_from_type_v2").mark();
    w.global("torch._utils", "_rebuild_tensor_v2").global("torch.nn.parameter", "Parameter").mark();
    w.mark().str("storage").global("torch", "FloatStorage").str("0").str("cpu").integer(4).op('t').op('Q');
    w.integer(2).global("torch", "Size").intTuple({2}).op(0x85).op('R').intTuple({1}).boolean(false).op('}');
    w.op('t').op('}').op('t').op('R');
    w.op('u').stop();
    const std::string path = test::writeTempFile("rebuild.pt", test::makeCheckpoint(
        w.bytes(), {{"0", test::leBytes(std::vector<float>{1, 2, 3, 4})}}));
    const PyTorchCheckpoint f = PyTorchCheckpoint::open(path);
    EXPECT_TRUE(torch::equal(read(f, "p"), torch::tensor({1.f, 2.f, 3.f, 4.f})));
    EXPECT_TRUE(torch::equal(read(f, "q"), torch::tensor({3.f, 4.f})));
    std::filesystem::remove(path);
}
