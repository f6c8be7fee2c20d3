// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper: assembles torch.save zip checkpoints byte by byte, the way
// torch/serialization.py _save and Python's pickle (protocol 2) write them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace atelier::test {

/// Emits pickle opcodes (names as in Python's pickletools) into a byte string.
class PickleWriter {
public:
    PickleWriter& proto(int version = 2);
    PickleWriter& op(std::uint8_t code);
    PickleWriter& raw(const std::string& bytes);
    /// GLOBAL 'module\nname\n' (protocols 0-3).
    PickleWriter& global(const std::string& module, const std::string& name);
    /// SHORT_BINUNICODE module, SHORT_BINUNICODE name, STACK_GLOBAL (protocol 4+).
    PickleWriter& stackGlobal(const std::string& module, const std::string& name);
    /// BINUNICODE with a 4-byte length.
    PickleWriter& str(const std::string& s);
    /// BININT1, BININT2, BININT or LONG1, as Python picks.
    PickleWriter& integer(std::int64_t v);
    PickleWriter& boolean(bool b) { return op(b ? 0x88 : 0x89); }
    PickleWriter& put(std::uint32_t memo);
    PickleWriter& get(std::uint32_t memo);
    PickleWriter& mark() { return op('('); }
    PickleWriter& stop() { return op('.'); }
    /// MARK, each integer, TUPLE.
    PickleWriter& intTuple(const std::vector<std::int64_t>& values);
    const std::string& bytes() const { return m_bytes; }

private:
    std::string m_bytes;
};

/// One tensor of a hand-made checkpoint: a view of storage `key`.
struct FakeTensor {
    std::string name;
    std::string storageType = "FloatStorage"; ///< torch.<storageType>
    std::string key;
    std::int64_t storageNumel = 0;
    std::int64_t offset = 0;
    std::vector<std::int64_t> shape;
    std::vector<std::int64_t> stride; ///< empty: row-major contiguous
};

/// Appends REDUCE(torch._utils._rebuild_tensor_v2, (BINPERSID(('storage',
/// torch.<T>Storage, key, 'cpu', numel)), offset, size, stride, False, OrderedDict())).
void writeTensor(PickleWriter& w, const FakeTensor& t);

/// A protocol-2 pickle of OrderedDict(name -> tensor); with `ldmWrapper`, wrapped
/// as {"state_dict": OrderedDict, "global_step": 470000, "epoch": 6} like an ldm .ckpt.
std::string stateDictPickle(const std::vector<FakeTensor>& tensors, bool ldmWrapper);

/// One zip record.
struct ZipRecord {
    std::string name;
    std::string data;
    std::uint16_t method = 0; ///< 0 STORED; 8 claims DEFLATE (data is left as is)
};

/// A zip archive like PyTorchStreamWriter's: STORED records whose data starts
/// 64-byte aligned (padding in the local extra field). With `zip64`, every size
/// and offset goes through ZIP64 extra fields and records.
std::string makeZip(const std::vector<ZipRecord>& records, bool zip64 = false);

/// A storage record: key and its raw little-endian bytes.
struct StorageBytes {
    std::string key;
    std::string bytes;
};

/// `<archive>/data.pkl` = pickle, `<archive>/data/<key>` per storage, `<archive>/version` = "3\n".
std::string makeCheckpoint(const std::string& pickle, const std::vector<StorageBytes>& storages,
                           const std::string& archive = "archive", bool zip64 = false);

/// Writes `bytes` to a fresh file in the temporary folder named `name` (unique per process) and returns its path.
std::string writeTempFile(const std::string& name, const std::string& bytes);

/// Little-endian bytes of `values` (floats, int64, ...).
template <typename T> std::string leBytes(const std::vector<T>& values) {
    std::string s(values.size() * sizeof(T), '\0');
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (std::size_t b = 0; b < sizeof(T); ++b) {
            s[i * sizeof(T) + b] = reinterpret_cast<const char*>(&values[i])[b];
        }
    }
    return s;
}

} // namespace atelier::test
