// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/io/tensor_index.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace atelier::engine {

/// One tensor to write: its name, dtype, shape and little-endian bytes
/// (numel x dtypeSize bytes).
struct TensorBytes {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::string bytes;
};

/// Encodes tensors as a .safetensors file image: header length, JSON header
/// (padded with spaces to a multiple of 8), then the data in the given order.
/// Throws atelier::Error when a tensor's byte count does not match its shape.
std::string encodeSafetensors(const std::vector<TensorBytes>& tensors,
                              const std::map<std::string, std::string>& metadata = {});

/// Writes encodeSafetensors() atomically to `path` (temporary file + rename).
void writeSafetensors(const std::string& path, const std::vector<TensorBytes>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

} // namespace atelier::engine
