// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/weight_tensors.h"

#include "core/error.h"

#include <cstring>

namespace atelier::engine {

torch::ScalarType toScalarType(DType dtype) {
    switch (dtype) {
    case DType::F64: return torch::kFloat64;
    case DType::F32: return torch::kFloat32;
    case DType::F16: return torch::kFloat16;
    case DType::BF16: return torch::kBFloat16;
    case DType::I64: return torch::kInt64;
    case DType::I32: return torch::kInt32;
    case DType::I16: return torch::kInt16;
    case DType::I8: return torch::kInt8;
    case DType::U8: return torch::kUInt8;
    case DType::Bool: return torch::kBool;
    }
    return torch::kFloat32;
}

torch::Tensor tensorFromBytes(const std::uint8_t* data, const TensorInfo& info) {
    torch::Tensor t = torch::empty(info.shape, torch::TensorOptions().dtype(toScalarType(info.dtype)));
    if (info.byteSize > 0) std::memcpy(t.data_ptr(), data, info.byteSize);
    return t;
}

torch::Tensor readTensor(const SafetensorsFile& file, const std::string& name, torch::ScalarType dtype) {
    const TensorInfo* info = file.find(name);
    if (!info) throw fileError("weights", file.path(), "has no tensor '" + name + "'");
    torch::Tensor t = tensorFromBytes(file.data(*info), *info);
    return t.scalar_type() == dtype ? t : t.to(dtype);
}

} // namespace atelier::engine
