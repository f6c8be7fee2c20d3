// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/weight_file.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

namespace atelier::engine {
namespace {

bool endsWith(const std::string& s, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// The format an extension implies (.safetensors; .ckpt .pt .pth .bin), if any.
bool formatByName(const std::string& path, WeightFormat& out) {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (endsWith(lower, ".safetensors")) {
        out = WeightFormat::Safetensors;
        return true;
    }
    for (const char* ext : {".ckpt", ".pt", ".pth", ".bin"}) {
        if (endsWith(lower, ext)) {
            out = WeightFormat::PyTorchZip;
            return true;
        }
    }
    return false;
}

} // namespace

WeightFormat detectWeightFormat(const std::string& path, const std::uint8_t* head, std::size_t size) {
    if (size >= 4 && head[0] == 'P' && head[1] == 'K' &&
        ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
        return WeightFormat::PyTorchZip;
    }
    if (size >= 1 && head[0] == 0x80) return WeightFormat::PyTorchZip; // legacy torch.save: refused with a clear message
    if (size >= 9 && head[8] == '{') return WeightFormat::Safetensors;
    WeightFormat byName = WeightFormat::Safetensors;
    if (formatByName(path, byName)) return byName;
    throw fileError("weights", path, "is neither a .safetensors file nor a torch.save zip checkpoint");
}

WeightFile WeightFile::open(const std::string& path) {
    std::uint8_t head[16] = {};
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) return WeightFile(SafetensorsFile::open(path)); // MappedFile says why it cannot be read
    in.read(reinterpret_cast<char*>(head), sizeof head);
    const auto got = static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0));
    WeightFormat byName = WeightFormat::Safetensors;
    if (got == 0 && !formatByName(path, byName)) return WeightFile(SafetensorsFile::open(path)); // says why it is unreadable
    if (detectWeightFormat(path, head, got) == WeightFormat::Safetensors) return WeightFile(SafetensorsFile::open(path));
    return WeightFile(PyTorchCheckpoint::open(path));
}

const std::string& WeightFile::path() const {
    return std::visit([](const auto& f) -> const std::string& { return f.path(); }, m_file);
}

const TensorIndex& WeightFile::tensors() const {
    return std::visit([](const auto& f) -> const TensorIndex& { return f.tensors(); }, m_file);
}

const TensorInfo* WeightFile::find(const std::string& name) const {
    return std::visit([&name](const auto& f) { return f.find(name); }, m_file);
}

const std::uint8_t* WeightFile::data(const TensorInfo& info) const {
    return std::visit([&info](const auto& f) { return f.data(info); }, m_file);
}

} // namespace atelier::engine
