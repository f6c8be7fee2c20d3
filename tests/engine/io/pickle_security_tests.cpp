// SPDX-License-Identifier: GPL-3.0-or-later
// Malicious pickles are refused by name and nothing in them runs: every payload
// would create a marker file, and none ever appears.
#include "checkpoint_builder.h"
#include "core/error.h"
#include "engine/io/pytorch_checkpoint.h"
#include "engine/io/restricted_pickle.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

using namespace atelier;
using namespace atelier::engine;
using test::PickleWriter;

namespace {

const std::string kMarker =
    (std::filesystem::temp_directory_path() / ("atelier-pwned-" + std::to_string(::getpid()))).string();
const std::string kCommand = "touch " + kMarker;

struct Case {
    const char* what;
    std::function<void(PickleWriter&)> body; // between PROTO and STOP
    const char* expected;                    // a part of the error
};

// A torch.save-shaped archive whose data.pkl is PROTO `proto`, `body`, STOP.
std::string archive(const std::function<void(PickleWriter&)>& body, int proto = 2) {
    PickleWriter w;
    w.proto(proto);
    body(w);
    return test::makeCheckpoint(w.stop().bytes(), {{"0", test::leBytes(std::vector<float>{1, 2, 3, 4})}});
}

void pid(PickleWriter& w) {
    w.mark().str("storage").global("torch", "FloatStorage").str("0").str("cpu").integer(4).op('t').op('Q');
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {"os.system via GLOBAL + REDUCE",
         [](PickleWriter& w) { w.global("os", "system").str(kCommand).op(0x85).op('R'); }, "names the global 'os.system'"},
        {"posix.system inside a state dict value",
         [](PickleWriter& w) { w.op('}').str("w").global("posix", "system").str(kCommand).op(0x85).op('R').op('s'); },
         "GLOBAL at byte 9: names the global 'posix.system'"},
        {"builtins.eval via STACK_GLOBAL",
         [](PickleWriter& w) { w.stackGlobal("builtins", "eval").str("__import__('os').system('" + kCommand + "')").op(0x85).op('R'); },
         "STACK_GLOBAL at byte 18: names the global 'builtins.eval'"},
        {"builtins.getattr", [](PickleWriter& w) { w.global("builtins", "getattr"); }, "'builtins.getattr'"},
        {"subprocess.Popen", [](PickleWriter& w) { w.global("subprocess", "Popen"); }, "'subprocess.Popen'"},
        {"torch.load is not a state dict global", [](PickleWriter& w) { w.global("torch", "load"); }, "'torch.load'"},
        {"INST", [](PickleWriter& w) { w.raw("ios\nsystem\n"); }, "opcode INST at byte 2: builds arbitrary objects"},
        {"OBJ", [](PickleWriter& w) { w.mark().global("collections", "OrderedDict").op('o'); }, "opcode OBJ"},
        {"EXT1", [](PickleWriter& w) { w.op(0x82).op(1); }, "opcode EXT1"},
        {"NEWOBJ_EX", [](PickleWriter& w) { w.op(0x92); }, "opcode NEWOBJ_EX"},
        {"NEWOBJ of a non-inert class",
         [](PickleWriter& w) { w.global("collections", "OrderedDict").op(')').op(0x81); },
         "instantiates collections.OrderedDict"},
        {"calling a storage class",
         [](PickleWriter& w) { w.global("torch", "FloatStorage").op(')').op('R'); }, "calls torch.FloatStorage"},
        {"calling a string", [](PickleWriter& w) { w.str("os.system").op(')').op('R'); }, "calls a string"},
        {"BUILD on a list", [](PickleWriter& w) { w.op(']').op('}').op('b'); }, "sets the state of a list"},
        {"PERSID (text)", [](PickleWriter& w) { w.raw("P0\n"); }, "opcode PERSID at byte 2: is not supported"},
        {"a persistent id that is not a storage",
         [](PickleWriter& w) { w.mark().str("module").str("x").op('t').op('Q'); }, "persistent id is not ('storage'"},
        {"a storage type that is not one",
         [](PickleWriter& w) { w.mark().str("storage").global("collections", "OrderedDict").str("0").str("cpu").integer(4).op('t').op('Q'); },
         "names no storage type"},
        {"a rebuild whose storage is a string",
         [](PickleWriter& w) {
             w.global("torch._utils", "_rebuild_tensor_v2").mark().str("0").integer(0).intTuple({4}).intTuple({1});
             w.boolean(false).op('}').op('t').op('R');
         },
         "argument 1 is a string, not a storage"},
        {"a from-type rebuild of something else",
         [](PickleWriter& w) {
             w.global("torch._tensor", "_rebuild_from_type_v2").mark().global("collections", "OrderedDict");
             w.global("torch", "Tensor").op(')').op('N').op('t').op('R');
         },
         "argument 1 is not a tensor rebuild function"},
        {"a from-type rebuild with Python state",
         [](PickleWriter& w) {
             w.global("torch._tensor", "_rebuild_from_type_v2").mark().global("torch._utils", "_rebuild_tensor_v2");
             w.global("torch", "Tensor").mark();
             pid(w);
             w.integer(0).intTuple({4}).intTuple({1}).boolean(false).op('}').op('t');
             w.op('}').str("payload").str(kCommand).op('s').op('t').op('R');
         },
         "non-empty state"},
        {"too many rebuild arguments",
         [](PickleWriter& w) {
             w.global("torch._utils", "_rebuild_tensor_v2").mark();
             pid(w);
             w.integer(0).intTuple({4}).intTuple({1}).boolean(false).op('}').op('N').op('N').op('t').op('R');
         },
         "takes 6 or 7 arguments, not 8"},
        {"a protocol from the future", [](PickleWriter& w) { w.proto(9); }, "protocol 9 is newer than 5"},
        {"popping below a MARK", [](PickleWriter& w) { w.op('N').mark().op('0'); }, "nothing above the MARK to pop"},
        {"an undefined memo entry", [](PickleWriter& w) { w.get(42); }, "memo entry 42 was never stored"},
        {"a byte that is no opcode", [](PickleWriter& w) { w.op(0xff); }, "opcode 0xff at byte 2: is not a pickle opcode"},
    };
    return all;
}

} // namespace

TEST(PickleSecurity, ARealMaliciousTorchSaveFileIsRefusedWithoutRunningIt) {
    const std::string path = std::string(ATELIER_SOURCE_DIR) + "/tests/engine/io/data/malicious.pt";
    std::filesystem::remove("/tmp/atelier-pwned");
    try {
        PyTorchCheckpoint::open(path);
        FAIL() << "a checkpoint calling os.system was accepted";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("malicious.pt"), std::string::npos) << what;
        EXPECT_NE(what.find("malicious/data.pkl: pickle opcode GLOBAL at byte 196: names the global 'posix.system'"),
                  std::string::npos) << what;
    }
    EXPECT_FALSE(std::filesystem::exists("/tmp/atelier-pwned"));
}

TEST(PickleSecurity, EveryForbiddenConstructIsRefusedByName) {
    for (const Case& c : cases()) {
        const std::string file = archive(c.body);
        TensorIndex index;
        std::string wrapper;
        try {
            parsePyTorchCheckpoint(reinterpret_cast<const std::uint8_t*>(file.data()), file.size(), "evil.pt", index, wrapper);
            ADD_FAILURE() << c.what << ": accepted";
        } catch (const Error& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find("weights 'evil.pt': archive/data.pkl: "), std::string::npos) << c.what << ": " << what;
            EXPECT_NE(what.find(c.expected), std::string::npos) << c.what << ": " << what;
        }
    }
    EXPECT_FALSE(std::filesystem::exists(kMarker));
}

TEST(PickleSecurity, InertDataGlobalsBecomeUnreadPlaceholders) {
    // A numpy global_step, as real Lightning checkpoints hold: dtype + BUILD + _codecs.encode.
    PickleWriter w;
    w.proto(2).op('}').str("global_step").global("numpy.core.multiarray", "scalar").global("numpy", "dtype");
    w.str("i8").boolean(false).boolean(true).op(0x87).op('R').mark().integer(3).str("<").op('N').op('N').op('N');
    w.integer(-1).integer(-1).integer(0).op('t').op('b').global("_codecs", "encode").str("\x01").str("latin1");
    w.op(0x86).op('R').op(0x86).op('R').op('s').stop();
    const pickle::Graph g = pickle::unpickleRestricted(reinterpret_cast<const std::uint8_t*>(w.bytes().data()),
                                                       w.bytes().size());
    const pickle::Value& root = g.at(g.root);
    ASSERT_EQ(root.kind, pickle::Kind::Dict);
    ASSERT_EQ(root.items.size(), 2u);
    EXPECT_EQ(g.at(root.items[1]).kind, pickle::Kind::Opaque);
    EXPECT_EQ(g.at(root.items[1]).text, "numpy.core.multiarray.scalar");
}
