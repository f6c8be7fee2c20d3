// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/safetensors_writer.h"

#include "core/error.h"
#include "engine/image_io.h"

#include <nlohmann/json.hpp>

namespace atelier::engine {

std::string encodeSafetensors(const std::vector<TensorBytes>& tensors, const std::map<std::string, std::string>& metadata) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::uint64_t offset = 0;
    for (const TensorBytes& t : tensors) {
        std::uint64_t expected = dtypeSize(t.dtype);
        for (std::int64_t d : t.shape) expected *= static_cast<std::uint64_t>(d);
        if (expected != t.bytes.size()) {
            throw Error("tensor '" + t.name + "': " + std::to_string(t.bytes.size()) + " bytes given, shape needs " +
                        std::to_string(expected));
        }
        header[t.name] = {{"dtype", dtypeName(t.dtype)}, {"shape", t.shape},
                          {"data_offsets", {offset, offset + t.bytes.size()}}};
        offset += t.bytes.size();
    }
    std::string json = header.dump();
    json.append((8 - json.size() % 8) % 8, ' ');
    std::string out(8, '\0');
    const std::uint64_t n = json.size();
    for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    out += json;
    for (const TensorBytes& t : tensors) out += t.bytes;
    return out;
}

void writeSafetensors(const std::string& path, const std::vector<TensorBytes>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    writeFileAtomic(path, encodeSafetensors(tensors, metadata));
}

} // namespace atelier::engine
