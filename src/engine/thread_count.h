// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace atelier::engine {

/// The CPU threads engine work uses by default: ATELIER_THREADS when set to a
/// positive number, else one per hardware thread (at least 1). The torch
/// runtime (initRuntime) and the classical fill both follow it.
int defaultThreadCount();

} // namespace atelier::engine
