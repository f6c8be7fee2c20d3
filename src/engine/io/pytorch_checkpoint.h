// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/io/mapped_file.h"
#include "engine/io/tensor_index.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace atelier::engine {

/// A memory-mapped PyTorch checkpoint in torch.save's zip format (PyTorch 1.6+):
/// `.ckpt`, `.pt`, `.pth`, `pytorch_model.bin`, `diffusion_pytorch_model.bin`.
///
/// Format (torch/serialization.py _save/_load): a zip archive of STORED entries
/// `<archive>/data.pkl` (the pickled object), `<archive>/data/<key>` (one
/// storage's raw little-endian bytes each), `<archive>/version`, and maybe
/// `<archive>/byteorder`. The pickle is walked by a restricted machine that
/// never imports or calls anything: only the globals a state dict needs are
/// accepted (collections.OrderedDict, torch._utils._rebuild_tensor_v2 /
/// _rebuild_parameter, torch._tensor._rebuild_from_type_v2, torch.<T>Storage,
/// torch.Size, LibTorch's torch.jit._pickle type tags, and a few code-free data
/// types that become unread placeholders); any other global, and INST, OBJ,
/// NEWOBJ or BUILD on anything else, is refused naming the opcode and global.
///
/// Tensor names: every tensor reachable from the top-level dict through dicts
/// (string or integer keys), lists and tuples, named by its key path joined with
/// "." (lists by position). Non-tensor values (global_step, epoch, strings,
/// numpy scalars, ...) are skipped. Wrapper rule: when exactly one top-level
/// entry holds tensors, its key is "state_dict" or "model", and its value is a
/// dict, that "state_dict." / "model." prefix is stripped (Lightning / ldm
/// checkpoints); wrapper() then returns it. Otherwise names keep their full path.
///
/// open() validates everything before any tensor is read: the zip directory,
/// that used entries are stored uncompressed and unencrypted, the byte order,
/// each storage's size against its record, that every tensor is contiguous
/// (PyTorch's rule: size-1 dimensions may have any stride) and lies inside its
/// storage. TensorInfo::offset is the absolute file offset of the tensor's first
/// element, so data() works like SafetensorsFile's. Shared storages make
/// tensors overlap; that is allowed here. Errors are atelier::Error naming the
/// file (and the tensor, record, or opcode). The legacy pre-1.6 format is refused.
class PyTorchCheckpoint {
public:
    static PyTorchCheckpoint open(const std::string& path);

    const std::string& path() const { return m_file.path(); }
    const TensorIndex& tensors() const { return m_index; }
    /// The tensor called `name`, or nullptr.
    const TensorInfo* find(const std::string& name) const;
    /// The first byte of `info`'s data (valid while this object lives).
    const std::uint8_t* data(const TensorInfo& info) const { return m_file.data() + info.offset; }
    /// The stripped top-level wrapper key ("state_dict", "model"), or "" when none was stripped.
    const std::string& wrapper() const { return m_wrapper; }

private:
    explicit PyTorchCheckpoint(MappedFile file) : m_file(std::move(file)) {}

    MappedFile m_file;
    TensorIndex m_index;
    std::string m_wrapper;
};

/// Parses a whole torch.save zip checkpoint from memory (used by open();
/// exposed for fuzzing). `bytes` is the whole file; `path` only names it in
/// errors. Fills `index` and `wrapper` (see PyTorchCheckpoint) or throws atelier::Error.
void parsePyTorchCheckpoint(const std::uint8_t* bytes, std::size_t size, const std::string& path, TensorIndex& index,
                            std::string& wrapper);

} // namespace atelier::engine
