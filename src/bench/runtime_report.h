// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/runtime.h"

#include <nlohmann/json.hpp>

#include <string>

namespace atelier::bench {

/// The fields every torch benchmark report starts with: "benchmark", torch version,
/// device, threads, malloc, OpenMP wait policy, dtype (float32) and oneDNN convolutions.
nlohmann::json runtimeReport(const std::string& benchmark, const engine::RuntimeInfo& runtime);

} // namespace atelier::bench
