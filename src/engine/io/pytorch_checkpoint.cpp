// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/pytorch_checkpoint.h"

#include "core/error.h"
#include "engine/io/restricted_pickle.h"
#include "engine/io/zip_directory.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace atelier::engine {
namespace {

using pickle::Graph;
using pickle::Kind;
using pickle::Ref;

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxName = 4096, kMaxNameBytes = 64u << 20;
constexpr std::uint64_t kMax63 = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

struct Found {
    std::string name;
    std::size_t tensor = 0;
};

struct TopEntry {
    std::string key;
    Ref value = 0;
    std::size_t begin = 0, end = 0; ///< its tensors in Collector::found
};

// Names every tensor reachable from the root. Each container is walked once, so
// the work is linear in the pickle even when it shares or nests objects.
class Collector {
public:
    explicit Collector(const Graph& graph) : m_graph(graph), m_state(graph.values.size(), kUnseen) {}

    std::vector<TopEntry> walkRoot() {
        const pickle::Value& root = m_graph.at(m_graph.root);
        if (root.kind != Kind::Dict) {
            throw Error("the pickled object is " + pickle::describe(root.kind) + ", not a dict of tensors");
        }
        std::vector<TopEntry> top;
        m_state[m_graph.root] = kOpen;
        forEachChild(m_graph.root, "", [&](const std::string& key, Ref child) {
            TopEntry entry{key, child, found.size(), 0};
            walk(child, key, 1);
            entry.end = found.size();
            top.push_back(std::move(entry));
        });
        return top;
    }

    std::vector<Found> found;

private:
    enum State : std::uint8_t { kUnseen, kOpen, kDoneEmpty, kDoneWithTensors };

    static bool keyText(const pickle::Value& key, std::string& out) {
        if (key.kind == Kind::Str) out = key.text;
        else if (key.kind == Kind::Int) out = std::to_string(key.integer);
        else return false;
        return true;
    }

    std::string join(const std::string& prefix, const std::string& key) const {
        std::string name = prefix.empty() ? key : prefix + "." + key;
        if (name.size() > kMaxName) throw Error("a tensor name longer than " + std::to_string(kMaxName) + " bytes");
        return name;
    }

    // Calls f(key, child) for each dict entry (the last of equal keys, as Python keeps)
    // or list/tuple item; tensors under other keys (None, tuples, ...) are refused.
    template <typename F> void forEachChild(Ref ref, const std::string& prefix, F&& f) {
        const pickle::Value& v = m_graph.at(ref);
        if (v.kind != Kind::Dict) {
            for (std::size_t i = 0; i < v.items.size(); ++i) f(join(prefix, std::to_string(i)), v.items[i]);
            return;
        }
        std::unordered_map<std::string, std::size_t> last;
        std::string key;
        for (std::size_t i = 0; i + 1 < v.items.size(); i += 2) {
            if (keyText(m_graph.at(v.items[i]), key)) last[key] = i;
        }
        for (std::size_t i = 0; i + 1 < v.items.size(); i += 2) {
            if (!keyText(m_graph.at(v.items[i]), key)) {
                const std::size_t before = found.size();
                walk(v.items[i + 1], join(prefix, "?"), 1);
                if (found.size() > before) {
                    throw Error("'" + prefix + "' holds a tensor under " + pickle::describe(m_graph.at(v.items[i]).kind) +
                                " key; only string and integer keys name tensors");
                }
                continue;
            }
            if (last[key] == i) f(join(prefix, key), v.items[i + 1]);
        }
    }

    void walk(Ref ref, const std::string& name, int depth) {
        const pickle::Value& v = m_graph.at(ref);
        if (v.kind == Kind::Tensor) {
            m_nameBytes += name.size();
            if (m_nameBytes > kMaxNameBytes) throw Error("tensor names exceed " + std::to_string(kMaxNameBytes) + " bytes");
            found.push_back({name, static_cast<std::size_t>(v.integer)});
            return;
        }
        if (v.kind != Kind::Dict && v.kind != Kind::List && v.kind != Kind::Tuple) return;
        if (depth > kMaxDepth) throw Error("'" + name + "' is nested deeper than " + std::to_string(kMaxDepth) + " levels");
        switch (m_state[ref]) {
        case kOpen: throw Error("'" + name + "' contains itself");
        case kDoneWithTensors: throw Error("'" + name + "' is the same container as another path that holds tensors");
        case kDoneEmpty: return;
        case kUnseen: break;
        }
        m_state[ref] = kOpen;
        const std::size_t before = found.size();
        forEachChild(ref, name, [&](const std::string& childName, Ref child) { walk(child, childName, depth + 1); });
        m_state[ref] = found.size() > before ? kDoneWithTensors : kDoneEmpty;
    }

    const Graph& m_graph;
    std::vector<State> m_state;
    std::size_t m_nameBytes = 0;
};

// numel * elementSize without overflow; false when it does not fit in 63 bits.
bool byteCount(const std::vector<std::int64_t>& shape, std::size_t elementSize, std::uint64_t& out) {
    std::uint64_t n = elementSize;
    for (std::int64_t d : shape) {
        const auto size = static_cast<std::uint64_t>(d);
        if (size != 0 && n > kMax63 / size) return false;
        n *= size;
    }
    out = n;
    return true;
}

// PyTorch's is_contiguous(): row-major strides, ignoring size-1 dims; empty tensors always are.
bool contiguous(const std::vector<std::int64_t>& shape, const std::vector<std::int64_t>& stride) {
    for (std::int64_t d : shape) {
        if (d == 0) return true;
    }
    std::int64_t expected = 1;
    for (std::size_t i = shape.size(); i-- > 0;) {
        if (shape[i] == 1) continue;
        if (stride[i] != expected) return false;
        expected *= shape[i];
    }
    return true;
}

std::string shapeText(const std::vector<std::int64_t>& dims) {
    std::string s = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
    return s + "]";
}

const ZipEntry& storedRecord(const ZipDirectory& zip, const std::string& name) {
    const auto it = zip.find(name);
    if (it == zip.end()) throw Error("the archive has no record '" + name + "'");
    const ZipEntry& e = it->second;
    if (e.flags & 1) throw Error("record '" + name + "' is encrypted");
    if (e.method != 0 || e.size != e.uncompressedSize) {
        throw Error("record '" + name + "' is compressed (method " + std::to_string(e.method) +
                    "); torch.save stores records uncompressed, so it cannot be memory-mapped");
    }
    return e;
}

// The "<archive>" folder holding data.pkl: the only top-level folder that has one.
std::string archiveFolder(const ZipDirectory& zip) {
    std::string folder;
    int count = 0;
    for (const auto& [name, entry] : zip) {
        const std::size_t slash = name.find('/');
        if (slash != std::string::npos && slash > 0 && name.compare(slash, std::string::npos, "/data.pkl") == 0) {
            folder = name.substr(0, slash);
            ++count;
        }
    }
    if (count == 0) throw Error("the zip archive has no <archive>/data.pkl, so it is not a torch.save checkpoint");
    if (count > 1) throw Error("the zip archive holds " + std::to_string(count) + " data.pkl records");
    return folder;
}

TensorInfo locate(const Found& f, const Graph& graph, const ZipDirectory& zip, const std::string& folder) {
    const pickle::Tensor& t = graph.tensors[f.tensor];
    const pickle::Storage& s = graph.storages[t.storage];
    const std::uint64_t element = dtypeSize(s.dtype);
    const ZipEntry& record = storedRecord(zip, folder + "/data/" + s.key);
    if (s.numel > kMax63 / element || s.numel * element > record.size) {
        throw Error("its storage '" + s.key + "' declares " + std::to_string(s.numel) + " elements of " +
                    dtypeName(s.dtype) + " but the record holds " + std::to_string(record.size) + " bytes");
    }
    const std::uint64_t storageBytes = s.numel * element;
    TensorInfo info;
    info.name = f.name;
    info.dtype = s.dtype;
    info.shape = t.shape;
    if (!byteCount(t.shape, element, info.byteSize)) throw Error("shape " + shapeText(t.shape) + " overflows");
    if (!contiguous(t.shape, t.stride)) {
        throw Error("it is not contiguous (shape " + shapeText(t.shape) + ", stride " + shapeText(t.stride) +
                    "); re-save it with .contiguous()");
    }
    const auto offset = static_cast<std::uint64_t>(t.storageOffset);
    if (offset > storageBytes / element || info.byteSize > storageBytes - offset * element) {
        throw Error("shape " + shapeText(t.shape) + " from element " + std::to_string(offset) + " needs " +
                    std::to_string(info.byteSize) + " bytes, but its storage '" + s.key + "' holds only " +
                    std::to_string(s.numel) + " elements (" + std::to_string(storageBytes) + " bytes)");
    }
    info.offset = record.dataOffset + offset * element;
    return info;
}

} // namespace

void parsePyTorchCheckpoint(const std::uint8_t* bytes, std::size_t size, const std::string& path, TensorIndex& index,
                            std::string& wrapper) {
    const auto fail = [&path](const std::string& message) { return fileError("weights", path, message); };
    if (size >= 2 && bytes[0] == 0x80 && bytes[1] <= 5) {
        throw fail("is in the legacy pre-1.6 torch.save format (a bare pickle, not a zip archive); re-save it "
                   "with a current PyTorch or convert it to .safetensors");
    }
    ZipDirectory zip;
    std::string folder;
    try {
        zip = readZipDirectory(bytes, size);
        folder = archiveFolder(zip);
    } catch (const Error& e) {
        throw fail("is not a torch.save zip checkpoint: " + e.message());
    }
    const std::string pkl = folder + "/data.pkl";
    Graph graph;
    try {
        if (zip.count(folder + "/byteorder")) {
            const ZipEntry& order = storedRecord(zip, folder + "/byteorder");
            const std::string text(reinterpret_cast<const char*>(bytes + order.dataOffset),
                                   std::min<std::uint64_t>(order.size, 16));
            if (text != "little") throw Error("the storages are in '" + text + "' byte order; only little-endian is supported");
        }
        const ZipEntry& entry = storedRecord(zip, pkl);
        graph = pickle::unpickleRestricted(bytes + entry.dataOffset, entry.size);
    } catch (const Error& e) {
        throw fail(pkl + ": " + e.message());
    }
    Collector collector(graph);
    std::vector<TopEntry> top;
    try {
        top = collector.walkRoot();
    } catch (const Error& e) {
        throw fail(pkl + ": " + e.message());
    }
    const TopEntry* only = nullptr;
    int holding = 0;
    for (const TopEntry& e : top) {
        if (e.end > e.begin) {
            only = &e;
            ++holding;
        }
    }
    wrapper.clear();
    if (holding == 1 && (only->key == "state_dict" || only->key == "model") &&
        graph.at(only->value).kind == Kind::Dict) {
        wrapper = only->key;
    }
    for (Found& f : collector.found) {
        if (!wrapper.empty()) f.name.erase(0, wrapper.size() + 1);
        try {
            TensorInfo info = locate(f, graph, zip, folder);
            if (!index.emplace(f.name, std::move(info)).second) throw Error("two tensors have this name");
        } catch (const Error& e) {
            throw fail("tensor '" + f.name + "': " + e.message());
        }
    }
}

PyTorchCheckpoint PyTorchCheckpoint::open(const std::string& path) {
    PyTorchCheckpoint file{MappedFile(path)};
    parsePyTorchCheckpoint(file.m_file.data(), file.m_file.size(), path, file.m_index, file.m_wrapper);
    return file;
}

const TensorInfo* PyTorchCheckpoint::find(const std::string& name) const {
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &it->second;
}

} // namespace atelier::engine
