// SPDX-License-Identifier: GPL-3.0-or-later
// What the allowed globals mean. torch.save pickles a state dict as
// (torch/serialization.py _save, torch/_utils.py):
//   OrderedDict via REDUCE(collections.OrderedDict, ()) + SETITEMS (+ BUILD of its _metadata)
//   each tensor as REDUCE(torch._utils._rebuild_tensor_v2,
//       (BINPERSID(('storage', torch.FloatStorage, key, location, numel)),
//        storage_offset, size, stride, requires_grad, backward_hooks[, metadata]))
// Every other global is refused by name when it is first mentioned.
#include "engine/io/restricted_pickle_machine.h"

#include "core/error.h"

namespace atelier::engine::pickle {
namespace {

constexpr std::size_t kMaxDims = 32;

struct AllowedGlobal {
    const char* name;
    Role role;
    DType dtype = DType::F32; ///< StorageType only
};

const AllowedGlobal kAllowedGlobals[] = {
    {"collections.OrderedDict", Role::OrderedDict},
    {"torch._utils._rebuild_tensor_v2", Role::RebuildTensor},
    {"torch._utils._rebuild_parameter", Role::RebuildParameter},
    {"torch._utils._rebuild_parameter_with_state", Role::RebuildParameter},
    {"torch._tensor._rebuild_from_type_v2", Role::RebuildFromType},
    {"torch.Tensor", Role::TensorType},
    {"torch.nn.parameter.Parameter", Role::TensorType},
    {"torch.Size", Role::TorchSize},
    {"torch.DoubleStorage", Role::StorageType, DType::F64},
    {"torch.FloatStorage", Role::StorageType, DType::F32},
    {"torch.HalfStorage", Role::StorageType, DType::F16},
    {"torch.BFloat16Storage", Role::StorageType, DType::BF16},
    {"torch.LongStorage", Role::StorageType, DType::I64},
    {"torch.IntStorage", Role::StorageType, DType::I32},
    {"torch.ShortStorage", Role::StorageType, DType::I16},
    {"torch.CharStorage", Role::StorageType, DType::I8},
    {"torch.ByteStorage", Role::StorageType, DType::U8},
    {"torch.BoolStorage", Role::StorageType, DType::Bool},
    // LibTorch's own pickler (torch::pickle_save) tags containers with their TorchScript type.
    {"torch.jit._pickle.restore_type_tag", Role::TypeTag},
    {"torch.jit._pickle.build_intlist", Role::BuildList},
    {"torch.jit._pickle.build_doublelist", Role::BuildList},
    {"torch.jit._pickle.build_boollist", Role::BuildList},
    {"torch.jit._pickle.build_tensorlist", Role::BuildList},
    // Code-free data seen beside real state dicts (a numpy global_step, Lightning's
    // callback state). They are never called: each becomes an unread Opaque value.
    {"numpy.core.multiarray.scalar", Role::Inert},
    {"numpy._core.multiarray.scalar", Role::Inert},
    {"numpy.dtype", Role::Inert},
    {"_codecs.encode", Role::Inert},
    {"builtins.set", Role::Inert},
    {"__builtin__.set", Role::Inert},
    {"pytorch_lightning.callbacks.model_checkpoint.ModelCheckpoint", Role::Inert},
};

const AllowedGlobal* findAllowed(const std::string& name) {
    for (const AllowedGlobal& g : kAllowedGlobals) {
        if (name == g.name) return &g;
    }
    return nullptr;
}

} // namespace

std::string describe(Kind kind) {
    switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "a bool";
    case Kind::Int: return "an integer";
    case Kind::Float: return "a float";
    case Kind::Str: return "a string";
    case Kind::Bytes: return "bytes";
    case Kind::Tuple: return "a tuple";
    case Kind::List: return "a list";
    case Kind::Dict: return "a dict";
    case Kind::Global: return "a global";
    case Kind::Storage: return "a storage";
    case Kind::Tensor: return "a tensor";
    case Kind::Opaque: return "an opaque object";
    }
    return "an object";
}

Ref Machine::makeGlobal(const std::string& module, const std::string& name) {
    const std::string full = module + "." + name;
    const AllowedGlobal* allowed = findAllowed(full);
    if (!allowed) {
        fail("names the global '" + full + "', which a state dict never needs; refused (Atelier never runs pickled " +
             "code: convert the file to .safetensors if you trust it)");
    }
    Value v;
    v.kind = Kind::Global;
    v.role = allowed->role;
    v.integer = static_cast<std::int64_t>(allowed->dtype);
    v.text = full;
    return make(std::move(v));
}

bool Machine::intArg(Ref ref, std::int64_t& out) const {
    const Value& v = m_graph.values[ref];
    if (v.kind != Kind::Int && v.kind != Kind::Bool) return false;
    out = v.integer;
    return true;
}

bool Machine::intsArg(Ref ref, std::vector<std::int64_t>& out) const {
    const Value& v = m_graph.values[ref];
    if ((v.kind != Kind::Tuple && v.kind != Kind::List) || v.items.size() > kMaxDims) return false;
    out.clear();
    for (Ref item : v.items) {
        std::int64_t n = 0;
        if (m_graph.values[item].kind != Kind::Int || !intArg(item, n)) return false;
        out.push_back(n);
    }
    return true;
}

Ref Machine::rebuildTensor(const std::vector<Ref>& args) {
    const std::string what = "torch._utils._rebuild_tensor_v2";
    if (args.size() != 6 && args.size() != 7) fail(what + " takes 6 or 7 arguments, not " + std::to_string(args.size()));
    if (val(args[0]).kind != Kind::Storage) fail(what + ": argument 1 is " + describe(val(args[0]).kind) + ", not a storage");
    Tensor t;
    t.storage = static_cast<std::size_t>(val(args[0]).integer);
    if (val(args[1]).kind != Kind::Int || !intArg(args[1], t.storageOffset) || t.storageOffset < 0) {
        fail(what + ": the storage offset is not a natural number");
    }
    if (!intsArg(args[2], t.shape)) fail(what + ": the size is not a tuple of at most 32 integers");
    if (!intsArg(args[3], t.stride)) fail(what + ": the stride is not a tuple of at most 32 integers");
    if (t.shape.size() != t.stride.size()) fail(what + ": size and stride have different lengths");
    for (std::int64_t d : t.shape) {
        if (d < 0) fail(what + ": the size has a negative dimension");
    }
    m_graph.tensors.push_back(std::move(t));
    Value v;
    v.kind = Kind::Tensor;
    v.integer = static_cast<std::int64_t>(m_graph.tensors.size() - 1);
    return make(std::move(v));
}

Ref Machine::reduce(Ref callable, Ref argsRef) {
    if (val(callable).kind != Kind::Global) fail("calls " + describe(val(callable).kind) + "; only allowed globals can be called");
    const std::string name = val(callable).text;
    if (val(argsRef).kind != Kind::Tuple) fail("the arguments of " + name + " are " + describe(val(argsRef).kind) + ", not a tuple");
    const std::vector<Ref> args = val(argsRef).items;
    const auto expect = [&](std::size_t low, std::size_t high) {
        if (args.size() < low || args.size() > high) {
            fail(name + " takes " + std::to_string(low) + (low == high ? "" : " to " + std::to_string(high)) +
                 " arguments, not " + std::to_string(args.size()));
        }
    };
    switch (val(callable).role) {
    case Role::OrderedDict: {
        expect(0, 0);
        Value dict;
        dict.kind = Kind::Dict;
        return make(std::move(dict));
    }
    case Role::RebuildTensor: return rebuildTensor(args);
    case Role::RebuildParameter:
        expect(3, 4);
        if (val(args[0]).kind != Kind::Tensor) fail(name + ": argument 1 is " + describe(val(args[0]).kind) + ", not a tensor");
        return args[0];
    case Role::RebuildFromType: {
        expect(4, 4);
        const Value& func = val(args[0]);
        if (func.kind != Kind::Global || (func.role != Role::RebuildTensor && func.role != Role::RebuildParameter)) {
            fail(name + ": argument 1 is not a tensor rebuild function");
        }
        if (val(args[1]).kind != Kind::Global || val(args[1]).role != Role::TensorType) {
            fail(name + ": argument 2 is not torch.Tensor or torch.nn.parameter.Parameter");
        }
        const Value& state = val(args[3]);
        if (!(state.kind == Kind::None || (state.kind == Kind::Dict && state.items.empty()))) {
            fail(name + ": tensors with Python attributes (a non-empty state) are not supported");
        }
        return reduce(args[0], args[2]);
    }
    case Role::TorchSize: {
        expect(1, 1);
        std::vector<std::int64_t> dims;
        if (!intsArg(args[0], dims)) fail(name + ": the argument is not a tuple of at most 32 integers");
        Value tuple;
        tuple.kind = Kind::Tuple;
        tuple.items = val(args[0]).items;
        return make(std::move(tuple));
    }
    case Role::TypeTag: expect(2, 2); return args[0];
    case Role::BuildList:
        expect(1, 1);
        if (val(args[0]).kind != Kind::List) fail(name + ": the argument is " + describe(val(args[0]).kind) + ", not a list");
        return args[0];
    case Role::Inert: {
        Value opaque;
        opaque.kind = Kind::Opaque;
        opaque.text = name;
        return make(std::move(opaque));
    }
    case Role::TensorType:
    case Role::StorageType: break;
    }
    fail("calls " + name + ", which a state dict never does");
}

Ref Machine::newObject(Ref cls, Ref args) {
    const Value& c = val(cls);
    if (c.kind != Kind::Global || c.role != Role::Inert) {
        fail("instantiates " + (c.kind == Kind::Global ? c.text : describe(c.kind)) + ", which a state dict never does");
    }
    if (val(args).kind != Kind::Tuple) fail("the arguments of " + c.text + " are not a tuple");
    Value opaque;
    opaque.kind = Kind::Opaque;
    opaque.text = c.text;
    return make(std::move(opaque));
}

// BUILD sets an object's state: an OrderedDict's attributes (state_dict()'s
// _metadata) and inert objects' fields are never read, so the state is dropped.
void Machine::build(Ref target, Ref state) {
    const Value& t = val(target);
    const Value& s = val(state);
    if (t.kind == Kind::Dict || t.kind == Kind::Opaque) return;
    if (t.kind == Kind::Tensor && (s.kind == Kind::None || (s.kind == Kind::Dict && s.items.empty()))) return;
    fail("sets the state of " + describe(t.kind) + ", which a state dict never does");
}

Ref Machine::persistentLoad(Ref pidRef) {
    const Value& pid = val(pidRef);
    const auto isStr = [&](std::size_t i) { return val(pid.items[i]).kind == Kind::Str; };
    if (pid.kind != Kind::Tuple || pid.items.size() != 5 || !isStr(0) || val(pid.items[0]).text != "storage") {
        fail("the persistent id is not ('storage', type, key, location, numel)");
    }
    const Value& type = val(pid.items[1]);
    if (type.kind != Kind::Global || type.role != Role::StorageType) fail("the persistent id names no storage type");
    if (!isStr(2) || !isStr(3)) fail("the persistent id's key and location must be strings");
    std::int64_t numel = 0;
    if (val(pid.items[4]).kind != Kind::Int || !intArg(pid.items[4], numel) || numel < 0) {
        fail("the persistent id's element count is not a natural number");
    }
    Storage storage{val(pid.items[2]).text, static_cast<DType>(type.integer), static_cast<std::uint64_t>(numel)};
    const auto [it, added] = m_storageByKey.emplace(storage.key, m_graph.storages.size());
    if (added) {
        m_graph.storages.push_back(storage);
    } else {
        const Storage& first = m_graph.storages[it->second];
        if (first.dtype != storage.dtype || first.numel != storage.numel) {
            fail("storage '" + storage.key + "' is declared as both " + std::to_string(first.numel) + " x " +
                 dtypeName(first.dtype) + " and " + std::to_string(storage.numel) + " x " + dtypeName(storage.dtype));
        }
    }
    Value v;
    v.kind = Kind::Storage;
    v.integer = static_cast<std::int64_t>(it->second);
    return make(std::move(v));
}

} // namespace atelier::engine::pickle
