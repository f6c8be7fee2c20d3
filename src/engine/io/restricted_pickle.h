// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: a pickle reader that builds plain data and never runs code.
#pragma once

#include "engine/io/tensor_index.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace atelier::engine::pickle {

/// Index of a Value in Graph::values.
using Ref = std::uint32_t;

/// What a pickled object became. Nothing pickled is ever instantiated: objects
/// a state dict does not need but that carry no code (numpy scalars, sets, ...)
/// become Opaque, named by the global that would have built them.
enum class Kind : std::uint8_t { None, Bool, Int, Float, Str, Bytes, Tuple, List, Dict, Global, Storage, Tensor, Opaque };

/// The role of an allowed global (see kAllowedGlobals in restricted_pickle_globals.cpp).
enum class Role : std::uint8_t {
    OrderedDict,      ///< collections.OrderedDict() -> empty dict
    RebuildTensor,    ///< torch._utils._rebuild_tensor_v2(storage, offset, size, stride, grad, hooks[, meta])
    RebuildParameter, ///< torch._utils._rebuild_parameter[_with_state](tensor, grad, hooks[, state])
    RebuildFromType,  ///< torch._tensor._rebuild_from_type_v2(func, type, args, state)
    TensorType,       ///< torch.Tensor, torch.nn.parameter.Parameter: only as the type above
    StorageType,      ///< torch.FloatStorage, ...: only inside a persistent id
    TorchSize,        ///< torch.Size(tuple) -> tuple
    TypeTag,          ///< torch.jit._pickle.restore_type_tag(value, type) -> value (LibTorch's pickler)
    BuildList,        ///< torch.jit._pickle.build_intlist(list), ... -> list
    Inert,            ///< code-free data (numpy.dtype, builtins.set, ...) -> Opaque, never read
};

/// One unpickled object. Containers refer to their items by Ref, so shared and
/// even cyclic structures are plain indices (no ownership cycles).
struct Value {
    Kind kind = Kind::None;
    Role role = Role::Inert;  ///< Global only
    std::int64_t integer = 0; ///< Bool, Int; Storage/Tensor: index in Graph::storages/tensors
    double real = 0;          ///< Float
    std::string text;         ///< Str, Bytes; Global "module.name"; Opaque: the global that made it
    std::vector<Ref> items;   ///< Tuple, List; Dict: key, value, key, value, ... in insertion order
};

/// A storage named by a persistent id ('storage', torch.<T>Storage, key, location, numel).
struct Storage {
    std::string key; ///< the record data/<key> in the archive
    DType dtype = DType::F32;
    std::uint64_t numel = 0;
};

/// A tensor rebuilt by torch._utils._rebuild_tensor_v2: a view of a storage.
struct Tensor {
    std::size_t storage = 0; ///< index in Graph::storages
    std::int64_t storageOffset = 0;
    std::vector<std::int64_t> shape, stride;
};

/// The object graph of one pickle.
struct Graph {
    std::vector<Value> values;
    std::vector<Storage> storages;
    std::vector<Tensor> tensors;
    Ref root = 0;

    const Value& at(Ref ref) const { return values[ref]; }
};

/// Runs the pickle `bytes[0, size)` (protocols 2 to 5, the binary opcodes of
/// Python's pickletools) on a restricted machine. GLOBAL and STACK_GLOBAL
/// accept only the globals a torch.save state dict needs; REDUCE, NEWOBJ and
/// BUILD are interpreted for those alone (torch/_utils.py _rebuild_tensor_v2,
/// torch/serialization.py persistent ids). Nothing is imported or called.
/// Throws atelier::Error "<what> at byte N: ..." naming the opcode and global
/// on anything else, on malformed input, and on running past the end.
Graph unpickleRestricted(const std::uint8_t* bytes, std::size_t size);

/// "a dict", "an integer", ... for error messages.
std::string describe(Kind kind);

/// Opcode name as pickletools spells it ("GLOBAL", "BINPUT", ...), or "0x.." when unknown.
std::string opcodeName(std::uint8_t opcode);

} // namespace atelier::engine::pickle
