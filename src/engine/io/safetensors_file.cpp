// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/safetensors_file.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <vector>

namespace atelier::engine {
namespace {

constexpr std::uint64_t kMaxHeaderBytes = 100ull << 20; // what the reference implementation allows

bool parseDtype(const std::string& s, DType& out) {
    static const std::pair<const char*, DType> kNames[] = {
        {"F64", DType::F64}, {"F32", DType::F32}, {"F16", DType::F16}, {"BF16", DType::BF16},
        {"I64", DType::I64}, {"I32", DType::I32}, {"I16", DType::I16}, {"I8", DType::I8},
        {"U8", DType::U8},   {"BOOL", DType::Bool}};
    for (const auto& [name, dtype] : kNames) {
        if (s == name) {
            out = dtype;
            return true;
        }
    }
    return false;
}

// numel * elementSize without overflow; false when it does not fit in 63 bits.
bool byteCount(const std::vector<std::int64_t>& shape, std::size_t elementSize, std::uint64_t& out) {
    constexpr std::uint64_t kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    std::uint64_t n = elementSize;
    for (std::int64_t d : shape) {
        const auto size = static_cast<std::uint64_t>(d);
        if (size != 0 && n > kMax / size) return false;
        n *= size;
    }
    out = n;
    return true;
}

TensorInfo parseEntry(const std::string& name, const nlohmann::json& e, std::uint64_t dataStart,
                      std::uint64_t dataSize) {
    if (!e.is_object()) throw Error("entry is not a JSON object");
    const auto dtypeIt = e.find("dtype"), shapeIt = e.find("shape"), offsetsIt = e.find("data_offsets");
    if (dtypeIt == e.end() || shapeIt == e.end() || offsetsIt == e.end()) {
        throw Error("entry needs dtype, shape and data_offsets");
    }
    TensorInfo info;
    info.name = name;
    if (!dtypeIt->is_string() || !parseDtype(dtypeIt->get<std::string>(), info.dtype)) {
        throw Error("unsupported dtype " + dtypeIt->dump());
    }
    if (!shapeIt->is_array() || shapeIt->size() > 16) throw Error("shape must be an array of at most 16 sizes");
    for (const nlohmann::json& d : *shapeIt) {
        if (!d.is_number_unsigned()) throw Error("shape " + shapeIt->dump() + " has a size that is not a natural number");
        info.shape.push_back(static_cast<std::int64_t>(std::min<std::uint64_t>(d.get<std::uint64_t>(), 1ull << 62)));
    }
    if (!offsetsIt->is_array() || offsetsIt->size() != 2 || !(*offsetsIt)[0].is_number_unsigned() ||
        !(*offsetsIt)[1].is_number_unsigned()) {
        throw Error("data_offsets must be [begin, end]");
    }
    const std::uint64_t begin = (*offsetsIt)[0].get<std::uint64_t>(), end = (*offsetsIt)[1].get<std::uint64_t>();
    if (begin > end) throw Error("data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "] run backwards");
    if (end > dataSize) {
        throw Error("data_offsets end " + std::to_string(end) + " lies beyond the " + std::to_string(dataSize) +
                    " data bytes (file truncated?)");
    }
    if (!byteCount(info.shape, dtypeSize(info.dtype), info.byteSize) || info.byteSize != end - begin) {
        throw Error("shape " + shapeIt->dump() + " of " + dtypeName(info.dtype) + " needs a different byte count than " +
                    "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "]");
    }
    info.offset = dataStart + begin;
    return info;
}

} // namespace

void parseSafetensorsHeader(const std::uint8_t* bytes, std::size_t size, const std::string& path, TensorIndex& index,
                            std::map<std::string, std::string>& metadata) {
    const auto fail = [&path](const std::string& message) { return fileError("weights", path, message); };
    if (size < 8) throw fail("too short for a safetensors file (" + std::to_string(size) + " bytes)");
    std::uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i) headerLength = (headerLength << 8) | bytes[i];
    if (headerLength > kMaxHeaderBytes) throw fail("header length " + std::to_string(headerLength) + " is implausible");
    if (headerLength > size - 8) {
        throw fail("header length " + std::to_string(headerLength) + " exceeds the file size " + std::to_string(size));
    }
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(bytes + 8, bytes + 8 + headerLength);
    } catch (const nlohmann::json::exception& e) {
        throw fail(std::string("header is not valid JSON: ") + e.what());
    }
    if (!header.is_object()) throw fail("header is not a JSON object");
    const std::uint64_t dataStart = 8 + headerLength, dataSize = size - dataStart;
    std::vector<const TensorInfo*> byOffset;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it.value().is_object()) throw fail("__metadata__ is not an object");
            for (auto m = it.value().begin(); m != it.value().end(); ++m) {
                if (!m.value().is_string()) throw fail("__metadata__ value '" + m.key() + "' is not a string");
                metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        try {
            TensorInfo info = parseEntry(it.key(), it.value(), dataStart, dataSize);
            index[it.key()] = std::move(info);
        } catch (const Error& e) {
            throw fail("tensor '" + it.key() + "': " + e.message());
        }
    }
    for (const auto& [name, info] : index) byOffset.push_back(&info);
    std::sort(byOffset.begin(), byOffset.end(), [](const TensorInfo* a, const TensorInfo* b) {
        return a->offset != b->offset ? a->offset < b->offset : a->byteSize < b->byteSize;
    });
    for (std::size_t i = 1; i < byOffset.size(); ++i) {
        const TensorInfo& prev = *byOffset[i - 1];
        if (byOffset[i]->offset < prev.offset + prev.byteSize) {
            throw fail("tensors '" + prev.name + "' and '" + byOffset[i]->name + "' overlap");
        }
    }
}

SafetensorsFile SafetensorsFile::open(const std::string& path) {
    SafetensorsFile file{MappedFile(path)};
    parseSafetensorsHeader(file.m_file.data(), file.m_file.size(), path, file.m_index, file.m_metadata);
    return file;
}

const TensorInfo* SafetensorsFile::find(const std::string& name) const {
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &it->second;
}

} // namespace atelier::engine
