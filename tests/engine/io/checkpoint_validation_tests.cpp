// SPDX-License-Identifier: GPL-3.0-or-later
// What PyTorchCheckpoint refuses (each error names the file and the tensor or
// record) and how it names tensors (the wrapper rule).
#include "checkpoint_builder.h"
#include "core/error.h"
#include "engine/io/pytorch_checkpoint.h"

#include <gtest/gtest.h>

#include <functional>

using namespace atelier;
using namespace atelier::engine;
using test::FakeTensor;
using test::PickleWriter;

namespace {

const std::string kPath = "model.ckpt";

// Parses `file` from memory; returns the error text, or "" with `index` filled.
std::string parse(const std::string& file, TensorIndex* indexOut = nullptr, std::string* wrapperOut = nullptr) {
    TensorIndex index;
    std::string wrapper;
    try {
        parsePyTorchCheckpoint(reinterpret_cast<const std::uint8_t*>(file.data()), file.size(), kPath, index, wrapper);
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(kPath), std::string::npos) << e.what();
        return e.what();
    }
    if (indexOut) *indexOut = index;
    if (wrapperOut) *wrapperOut = wrapper;
    return {};
}

std::string floats(int n) { return test::leBytes(std::vector<float>(static_cast<std::size_t>(n), 1.f)); }

FakeTensor f32(const std::string& name, std::vector<std::int64_t> shape, std::int64_t numel = 4, std::int64_t offset = 0) {
    return {name, "FloatStorage", "0", numel, offset, std::move(shape), {}};
}

std::string stateDict(const std::vector<FakeTensor>& tensors, int storageFloats = 4) {
    return test::makeCheckpoint(test::stateDictPickle(tensors, true), {{"0", floats(storageFloats)}});
}

// A checkpoint whose pickle is `body` (between PROTO 2 and STOP) and whose storage "0" holds 4 floats.
std::string custom(const std::function<void(PickleWriter&)>& body) {
    PickleWriter w;
    w.proto(2);
    body(w);
    return test::makeCheckpoint(w.stop().bytes(), {{"0", floats(4)}});
}

void tensor(PickleWriter& w, std::vector<std::int64_t> shape = {4}) { test::writeTensor(w, f32("", std::move(shape))); }

std::vector<std::string> names(const TensorIndex& index) {
    std::vector<std::string> out;
    for (const auto& [name, info] : index) out.push_back(name);
    return out;
}

using Names = std::vector<std::string>;

} // namespace

TEST(CheckpointValidation, StorageRecordShorterThanDeclaredIsRefused) {
    const std::string e = parse(stateDict({f32("w", {12}, 12)}, 8));
    EXPECT_NE(e.find("tensor 'w': its storage '0' declares 12 elements of F32 but the record holds 32 bytes"),
              std::string::npos) << e;
}

TEST(CheckpointValidation, TensorBeyondItsStorageIsRefused) {
    const std::string e = parse(stateDict({f32("ok", {2, 2}, 12), f32("w", {4}, 12, 10)}, 12));
    EXPECT_NE(e.find("tensor 'w': shape [4] from element 10 needs 16 bytes, but its storage '0' holds only 12 elements (48 bytes)"),
              std::string::npos) << e;
}

TEST(CheckpointValidation, OverflowingShapesAndStoragesAreRefused) {
    EXPECT_NE(parse(stateDict({f32("w", {1ll << 40, 1ll << 40})})).find("tensor 'w': shape [1099511627776, 1099511627776] overflows"),
              std::string::npos);
    EXPECT_NE(parse(stateDict({f32("w", {4}, 1ll << 62)})).find("declares 4611686018427387904 elements"), std::string::npos);
    EXPECT_NE(parse(stateDict({f32("w", {1}, 4, 1ll << 62)})).find("tensor 'w': shape [1] from element 4611686018427387904 needs 4 bytes"),
              std::string::npos);
}

TEST(CheckpointValidation, NegativeDimensionsAndOffsetsAreRefused) {
    EXPECT_NE(parse(stateDict({f32("w", {-1})})).find("negative dimension"), std::string::npos);
    EXPECT_NE(parse(stateDict({f32("w", {1}, 4, -1)})).find("storage offset is not a natural number"), std::string::npos);
}

TEST(CheckpointValidation, CompressedOrMissingRecordsAreRefused) {
    const std::string pkl = test::stateDictPickle({f32("w", {4})}, false);
    std::string e = parse(test::makeZip({{"archive/data.pkl", pkl}, {"archive/data/0", floats(4), 8}}));
    EXPECT_NE(e.find("tensor 'w': record 'archive/data/0' is compressed (method 8)"), std::string::npos) << e;
    e = parse(test::makeZip({{"archive/data.pkl", pkl, 8}, {"archive/data/0", floats(4)}}));
    EXPECT_NE(e.find("record 'archive/data.pkl' is compressed"), std::string::npos) << e;
    e = parse(test::makeZip({{"archive/data.pkl", pkl}}));
    EXPECT_NE(e.find("tensor 'w': the archive has no record 'archive/data/0'"), std::string::npos) << e;
    e = parse(test::makeZip({{"archive/version", "3\n"}}));
    EXPECT_NE(e.find("no <archive>/data.pkl"), std::string::npos) << e;
}

TEST(CheckpointValidation, LegacyAndNonZipFilesAreRefusedClearly) {
    const std::string legacy("\x80\x02\x8a\x0al\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.\x80\x02M\xe9\x03.", 22);
    EXPECT_NE(parse(legacy).find("legacy pre-1.6 torch.save format"), std::string::npos);
    EXPECT_NE(parse("definitely not a checkpoint, just some text").find("is not a torch.save zip checkpoint"),
              std::string::npos);
    EXPECT_NE(parse("").find("too short for a zip archive"), std::string::npos);
}

TEST(CheckpointValidation, ByteOrderRecordMustBeLittle) {
    const std::string pkl = test::stateDictPickle({f32("w", {4})}, false);
    EXPECT_EQ(parse(test::makeZip({{"a/data.pkl", pkl}, {"a/data/0", floats(4)}, {"a/byteorder", "little"}})), "");
    EXPECT_NE(parse(test::makeZip({{"a/data.pkl", pkl}, {"a/data/0", floats(4)}, {"a/byteorder", "big"}}))
                  .find("'big' byte order"),
              std::string::npos);
}

TEST(CheckpointValidation, ARootThatIsNotADictIsRefused) {
    const std::string e = parse(custom([](PickleWriter& w) { tensor(w); }));
    EXPECT_NE(e.find("data.pkl: the pickled object is a tensor, not a dict of tensors"), std::string::npos) << e;
}

TEST(CheckpointValidation, TwoPathsToOneNameAreRefusedButRepeatedKeysKeepTheLast) {
    std::string e = parse(custom([](PickleWriter& w) {
        w.op('}').mark().str("a.b");
        tensor(w);
        w.str("a").op('}').str("b");
        tensor(w);
        w.op('s').op('u');
    }));
    EXPECT_NE(e.find("tensor 'a.b': two tensors have this name"), std::string::npos) << e;
    TensorIndex index;
    e = parse(custom([](PickleWriter& w) {
        w.op('}').mark().str("w");
        tensor(w, {4});
        w.str("w");
        tensor(w, {2, 2});
        w.op('u');
    }), &index);
    ASSERT_EQ(e, "");
    EXPECT_EQ(index.at("w").shape, (std::vector<std::int64_t>{2, 2}));
}

TEST(CheckpointValidation, CyclesAndSharedContainersWithTensorsAreRefused) {
    std::string e = parse(custom([](PickleWriter& w) {
        w.op('}').str("l").op(']').put(0).mark().get(0);
        tensor(w);
        w.op('e').op('s');
    }));
    EXPECT_NE(e.find("'l.0' contains itself"), std::string::npos) << e;
    e = parse(custom([](PickleWriter& w) {
        w.op('}').mark().str("a").op('}').put(0).str("w");
        tensor(w);
        w.op('s').str("b").get(0).op('u');
    }));
    EXPECT_NE(e.find("'b' is the same container as another path that holds tensors"), std::string::npos) << e;
}

TEST(CheckpointValidation, TensorsUnderKeysThatAreNotNamesAreRefused) {
    TensorIndex index;
    EXPECT_EQ(parse(custom([](PickleWriter& w) {
        w.op('}').integer(7);
        tensor(w);
        w.op('s');
    }), &index), "");
    EXPECT_EQ(names(index), Names{"7"});
    const std::string e = parse(custom([](PickleWriter& w) {
        w.op('}').mark().str("d").op('}').op('N');
        tensor(w);
        w.op('s').op('u');
    }));
    EXPECT_NE(e.find("'d' holds a tensor under None key"), std::string::npos) << e;
}

TEST(CheckpointValidation, AStorageDeclaredWithTwoDtypesIsRefused) {
    const std::string e = parse(stateDict({f32("a", {4}), {"b", "IntStorage", "0", 4, 0, {4}, {}}}));
    EXPECT_NE(e.find("storage '0' is declared as both 4 x F32 and 4 x I32"), std::string::npos) << e;
}

TEST(CheckpointValidation, APickleWithoutStopIsRefused) {
    std::string pkl = test::stateDictPickle({f32("w", {4})}, false);
    pkl.pop_back();
    const std::string e = parse(test::makeCheckpoint(pkl, {{"0", floats(4)}}));
    EXPECT_NE(e.find("without STOP"), std::string::npos) << e;
}

TEST(CheckpointWrapperRule, StripsStateDictWhenItAloneHoldsTensors) {
    TensorIndex index;
    std::string wrapper;
    ASSERT_EQ(parse(custom([](PickleWriter& w) {
        w.op('}').mark().str("state_dict").op('}').str("model.w");
        tensor(w);
        w.op('s').str("global_step").integer(3).str("epoch").integer(1);
        w.str("hparams").op('}').str("lr").op('G').raw(std::string("\x3f\xb9\x99\x99\x99\x99\x99\x9a", 8)).op('s');
        w.op('u');
    }), &index, &wrapper), "");
    EXPECT_EQ(wrapper, "state_dict");
    EXPECT_EQ(names(index), Names{"model.w"});
}

TEST(CheckpointWrapperRule, KeepsFullPathsWhenOtherEntriesHoldTensors) {
    TensorIndex index;
    std::string wrapper;
    ASSERT_EQ(parse(custom([](PickleWriter& w) {
        w.op('}').mark().str("state_dict").op('}').str("w");
        tensor(w);
        w.op('s').str("optimizer_states").op(']').op('}').str("exp_avg");
        tensor(w);
        w.op('s').op('a').op('u');
    }), &index, &wrapper), "");
    EXPECT_EQ(wrapper, "");
    EXPECT_EQ(names(index), (Names{"optimizer_states.0.exp_avg", "state_dict.w"}));
    ASSERT_EQ(parse(custom([](PickleWriter& w) {
        w.op('}').mark().str("model").op('}').str("w");
        tensor(w);
        w.op('s').str("ema").op('}').str("w");
        tensor(w);
        w.op('s').op('u');
    }), &index, &wrapper), "");
    EXPECT_EQ(wrapper, "");
    EXPECT_EQ(names(index), (Names{"ema.w", "model.w"}));
}

TEST(CheckpointWrapperRule, StripsNothingFromABareStateDictOrATensorCalledModel) {
    TensorIndex index;
    std::string wrapper;
    ASSERT_EQ(parse(custom([](PickleWriter& w) {
        w.op('}').str("model");
        tensor(w);
        w.op('s');
    }), &index, &wrapper), "");
    EXPECT_EQ(wrapper, "");
    EXPECT_EQ(names(index), Names{"model"});
    ASSERT_EQ(parse(stateDict({f32("state_dict.x", {4})}), &index, &wrapper), "");
    EXPECT_EQ(wrapper, "state_dict"); // the ldm wrapper of stateDictPickle(..., true)
    EXPECT_EQ(names(index), Names{"state_dict.x"});
}
