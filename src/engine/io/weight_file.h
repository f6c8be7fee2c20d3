// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/io/pytorch_checkpoint.h"
#include "engine/io/safetensors_file.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

namespace atelier::engine {

/// The kinds of weights file Atelier reads.
enum class WeightFormat { Safetensors, PyTorchZip };

/// Chooses the reader for `path` from its first bytes `head[0, size)` (a zip
/// signature "PK\3\4" / "PK\5\6", or a legacy bare pickle starting 0x80 ->
/// PyTorchZip; an 8-byte length then '{' -> Safetensors), else from its
/// extension (.safetensors; .ckpt .pt .pth .bin). Throws atelier::Error naming
/// the file when neither tells.
WeightFormat detectWeightFormat(const std::string& path, const std::uint8_t* head, std::size_t size);

/// A memory-mapped, fully validated weights file of either format behind one
/// interface, so loaders take .safetensors and torch.save checkpoints alike.
/// Read a tensor with engine::tensorFromBytes(file.data(info), info).
class WeightFile {
public:
    /// Opens `path` with the reader detectWeightFormat() picks from its first 16 bytes.
    static WeightFile open(const std::string& path);

    WeightFormat format() const { return m_file.index() == 0 ? WeightFormat::Safetensors : WeightFormat::PyTorchZip; }
    const std::string& path() const;
    const TensorIndex& tensors() const;
    /// The tensor called `name`, or nullptr.
    const TensorInfo* find(const std::string& name) const;
    /// The first byte of `info`'s data (valid while this object lives).
    const std::uint8_t* data(const TensorInfo& info) const;

    /// The underlying readers, for format-specific details (metadata, wrapper), or nullptr.
    const SafetensorsFile* safetensors() const { return std::get_if<SafetensorsFile>(&m_file); }
    const PyTorchCheckpoint* pytorch() const { return std::get_if<PyTorchCheckpoint>(&m_file); }

private:
    explicit WeightFile(std::variant<SafetensorsFile, PyTorchCheckpoint> file) : m_file(std::move(file)) {}

    std::variant<SafetensorsFile, PyTorchCheckpoint> m_file;
};

} // namespace atelier::engine
