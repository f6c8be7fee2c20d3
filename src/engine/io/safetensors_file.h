// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/io/mapped_file.h"
#include "engine/io/tensor_index.h"

#include <map>
#include <string>

namespace atelier::engine {

/// A memory-mapped, fully validated .safetensors file.
///
/// Format (huggingface/safetensors): an 8-byte little-endian header length N,
/// N bytes of JSON {name: {dtype, shape, data_offsets: [begin, end]},
/// "__metadata__": {string: string}}, then the tensor bytes; offsets are
/// relative to the end of the header.
///
/// open() checks everything before any tensor is read: the header length
/// against the file size, the JSON, each dtype, that shape x dtype size equals
/// the byte range, that ranges lie inside the data and do not overlap. Any
/// failure throws atelier::Error naming the file (and the tensor).
/// Supported dtypes: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL.
class SafetensorsFile {
public:
    static SafetensorsFile open(const std::string& path);

    const std::string& path() const { return m_file.path(); }
    const TensorIndex& tensors() const { return m_index; }
    /// The tensor called `name`, or nullptr.
    const TensorInfo* find(const std::string& name) const;
    /// The first byte of `info`'s data (valid while this object lives).
    const std::uint8_t* data(const TensorInfo& info) const { return m_file.data() + info.offset; }
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

private:
    explicit SafetensorsFile(MappedFile file) : m_file(std::move(file)) {}

    MappedFile m_file;
    TensorIndex m_index;
    std::map<std::string, std::string> m_metadata;
};

/// Parses a safetensors header from memory (used by open(); exposed for fuzzing).
/// `bytes` is the whole file; `path` only names it in errors.
void parseSafetensorsHeader(const std::uint8_t* bytes, std::size_t size, const std::string& path, TensorIndex& index,
                            std::map<std::string, std::string>& metadata);

} // namespace atelier::engine
