// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): strict, name-based loading of module weights.
#pragma once

#include "engine/io/safetensors_file.h"
#include "engine/io/weight_file.h"

#include <torch/torch.h>

#include <functional>
#include <map>
#include <string>

namespace atelier::engine {

/// Produces the tensor for a checkpoint key (already mapped to our names), or
/// an undefined tensor when the source has no such key.
using TensorSource = std::function<torch::Tensor(const std::string& key)>;

/// Copies weights into `module`'s parameters and buffers by name, strictly:
/// every parameter/buffer `prefix + name` must exist in `keys` with the same
/// shape, and every key under `prefix` must be used. Mismatches are gathered and
/// thrown as one atelier::Error listing every missing, unexpected and
/// wrongly-shaped key (at most 40 of each, then a count). Values are converted
/// to each parameter's dtype.
///
/// `keys` is every key the source offers; `source(key)` reads one.
void loadStateDict(torch::nn::Module& module, const std::vector<std::string>& keys, const TensorSource& source,
                   const std::string& prefix = "", const std::string& what = "weights");

/// loadStateDict from a safetensors file whose names equal the module's (plus `prefix`).
void loadStateDict(torch::nn::Module& module, const SafetensorsFile& file, const std::string& prefix = "");
/// loadStateDict from either weights format (safetensors or a restricted-read PyTorch zip).
void loadStateDict(torch::nn::Module& module, const WeightFile& file, const std::string& prefix = "");

} // namespace atelier::engine
