// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): turning indexed weight bytes into tensors.
#pragma once

#include "engine/io/safetensors_file.h"

#include <torch/torch.h>

#include <string>

namespace atelier::engine {

/// The torch scalar type of a weights dtype (BOOL -> kBool, ...).
torch::ScalarType toScalarType(DType dtype);

/// Copies `info`'s bytes (little-endian, contiguous) from `data` into a new
/// CPU tensor of its own dtype and shape. The caller guarantees the range is valid
/// (SafetensorsFile::open checked it).
torch::Tensor tensorFromBytes(const std::uint8_t* data, const TensorInfo& info);

/// Reads tensor `name` of `file`, converted to `dtype`. Throws atelier::Error
/// naming the file and tensor when it is missing.
torch::Tensor readTensor(const SafetensorsFile& file, const std::string& name,
                         torch::ScalarType dtype = torch::kFloat32);

} // namespace atelier::engine
