// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpoint_builder.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace atelier::test {
namespace {

void le(std::string& out, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint32_t crc32(const std::string& data) {
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

} // namespace

PickleWriter& PickleWriter::proto(int version) {
    m_bytes += '\x80';
    m_bytes += static_cast<char>(version);
    return *this;
}

PickleWriter& PickleWriter::op(std::uint8_t code) {
    m_bytes += static_cast<char>(code);
    return *this;
}

PickleWriter& PickleWriter::raw(const std::string& bytes) {
    m_bytes += bytes;
    return *this;
}

PickleWriter& PickleWriter::global(const std::string& module, const std::string& name) {
    m_bytes += 'c' + module + '\n' + name + '\n';
    return *this;
}

PickleWriter& PickleWriter::stackGlobal(const std::string& module, const std::string& name) {
    for (const std::string* s : {&module, &name}) {
        op(0x8c).op(static_cast<std::uint8_t>(s->size()));
        m_bytes += *s;
    }
    return op(0x93);
}

PickleWriter& PickleWriter::str(const std::string& s) {
    op('X');
    le(m_bytes, s.size(), 4);
    m_bytes += s;
    return *this;
}

PickleWriter& PickleWriter::integer(std::int64_t v) {
    if (v >= 0 && v < 256) {
        op('K');
        le(m_bytes, static_cast<std::uint64_t>(v), 1);
    } else if (v >= 0 && v < 65536) {
        op('M');
        le(m_bytes, static_cast<std::uint64_t>(v), 2);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        op('J');
        le(m_bytes, static_cast<std::uint64_t>(v), 4);
    } else {
        op(0x8a).op(8);
        le(m_bytes, static_cast<std::uint64_t>(v), 8);
    }
    return *this;
}

PickleWriter& PickleWriter::put(std::uint32_t memo) {
    if (memo < 256) return op('q').op(static_cast<std::uint8_t>(memo));
    op('r');
    le(m_bytes, memo, 4);
    return *this;
}

PickleWriter& PickleWriter::get(std::uint32_t memo) {
    if (memo < 256) return op('h').op(static_cast<std::uint8_t>(memo));
    op('j');
    le(m_bytes, memo, 4);
    return *this;
}

PickleWriter& PickleWriter::intTuple(const std::vector<std::int64_t>& values) {
    mark();
    for (std::int64_t v : values) integer(v);
    return op('t');
}

void writeTensor(PickleWriter& w, const FakeTensor& t) {
    std::vector<std::int64_t> stride = t.stride;
    if (stride.empty()) {
        stride.assign(t.shape.size(), 1);
        for (std::size_t i = t.shape.size(); i-- > 1;) stride[i - 1] = stride[i] * t.shape[i];
    }
    w.global("torch._utils", "_rebuild_tensor_v2").mark();
    w.mark().str("storage").global("torch", t.storageType).str(t.key).str("cpu").integer(t.storageNumel).op('t');
    w.op('Q').integer(t.offset).intTuple(t.shape).intTuple(stride).boolean(false);
    w.global("collections", "OrderedDict").op(')').op('R'); // backward_hooks
    w.op('t').op('R');
}

std::string stateDictPickle(const std::vector<FakeTensor>& tensors, bool ldmWrapper) {
    PickleWriter w;
    w.proto(2);
    if (ldmWrapper) w.op('}').put(0).mark().str("state_dict");
    w.global("collections", "OrderedDict").put(1).op(')').op('R').put(2);
    w.mark();
    for (const FakeTensor& t : tensors) {
        w.str(t.name);
        writeTensor(w, t);
    }
    w.op('u');
    if (ldmWrapper) w.str("global_step").integer(470000).str("epoch").integer(6).op('u');
    return w.stop().bytes();
}

std::string makeZip(const std::vector<ZipRecord>& records, bool zip64) {
    std::string out, central;
    for (const ZipRecord& r : records) {
        const std::uint64_t localOffset = out.size();
        std::string extra;
        if (zip64) {
            le(extra, 0x0001, 2);
            le(extra, 16, 2);
            le(extra, r.data.size(), 8);
            le(extra, r.data.size(), 8);
        }
        const std::size_t headerEnd = out.size() + 30 + r.name.size() + extra.size() + 4;
        const std::size_t pad = (64 - headerEnd % 64) % 64;
        le(extra, 0x4246, 2); // "FB": PyTorchStreamWriter's alignment padding
        le(extra, pad, 2);
        extra += std::string(pad, 'Z');
        const std::uint32_t crc = crc32(r.data);
        const std::uint64_t size32 = zip64 ? 0xffffffffu : r.data.size();
        le(out, 0x04034b50, 4);
        le(out, zip64 ? 45 : 20, 2);
        le(out, 0, 2);
        le(out, r.method, 2);
        le(out, 0, 4); // time, date
        le(out, crc, 4);
        le(out, size32, 4);
        le(out, size32, 4);
        le(out, r.name.size(), 2);
        le(out, extra.size(), 2);
        out += r.name + extra + r.data;

        std::string cextra;
        if (zip64) {
            le(cextra, 0x0001, 2);
            le(cextra, 24, 2);
            le(cextra, r.data.size(), 8);
            le(cextra, r.data.size(), 8);
            le(cextra, localOffset, 8);
        }
        le(central, 0x02014b50, 4);
        le(central, zip64 ? 45 : 20, 2);
        le(central, zip64 ? 45 : 20, 2);
        le(central, 0, 2);
        le(central, r.method, 2);
        le(central, 0, 4);
        le(central, crc, 4);
        le(central, size32, 4);
        le(central, size32, 4);
        le(central, r.name.size(), 2);
        le(central, cextra.size(), 2);
        le(central, 0, 2);  // comment
        le(central, 0, 2);  // disk
        le(central, 0, 2);  // internal attributes
        le(central, 0, 4);  // external attributes
        le(central, zip64 ? 0xffffffffu : localOffset, 4);
        central += r.name + cextra;
    }
    const std::uint64_t centralOffset = out.size();
    out += central;
    if (zip64) {
        const std::uint64_t recordOffset = out.size();
        le(out, 0x06064b50, 4);
        le(out, 44, 8);
        le(out, 45, 2);
        le(out, 45, 2);
        le(out, 0, 4);
        le(out, 0, 4);
        le(out, records.size(), 8);
        le(out, records.size(), 8);
        le(out, central.size(), 8);
        le(out, centralOffset, 8);
        le(out, 0x07064b50, 4);
        le(out, 0, 4);
        le(out, recordOffset, 8);
        le(out, 1, 4);
    }
    le(out, 0x06054b50, 4);
    le(out, 0, 4); // disks
    le(out, zip64 ? 0xffff : records.size(), 2);
    le(out, zip64 ? 0xffff : records.size(), 2);
    le(out, zip64 ? 0xffffffffu : central.size(), 4);
    le(out, zip64 ? 0xffffffffu : centralOffset, 4);
    le(out, 0, 2);
    return out;
}

std::string makeCheckpoint(const std::string& pickle, const std::vector<StorageBytes>& storages,
                           const std::string& archive, bool zip64) {
    std::vector<ZipRecord> records{{archive + "/data.pkl", pickle}};
    for (const StorageBytes& s : storages) records.push_back({archive + "/data/" + s.key, s.bytes});
    records.push_back({archive + "/version", "3\n"});
    return makeZip(records, zip64);
}

std::string writeTempFile(const std::string& name, const std::string& bytes) {
    const std::string path =
        (std::filesystem::temp_directory_path() / ("atelier-" + std::to_string(::getpid()) + "-" + name)).string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
}

} // namespace atelier::test
