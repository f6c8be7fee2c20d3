// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace atelier::engine {

/// Element types found in weight files (safetensors names).
enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

/// Bytes per element of `dtype`.
std::size_t dtypeSize(DType dtype);
/// "F32", "F16", ... as safetensors spells them.
const char* dtypeName(DType dtype);

/// Where one tensor's bytes are, without reading them.
struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape; ///< row-major, contiguous
    std::uint64_t offset = 0;        ///< absolute byte offset in the file
    std::uint64_t byteSize = 0;      ///< numel * dtypeSize(dtype)

    std::int64_t numel() const;
};

/// Name -> TensorInfo for one weights file, sorted by name.
using TensorIndex = std::map<std::string, TensorInfo>;

} // namespace atelier::engine
