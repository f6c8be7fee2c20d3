// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace atelier::engine {

/// Makes the process run with OMP_WAIT_POLICY=PASSIVE unless the user chose a
/// policy: when the variable is unset, sets it and re-executes the program
/// (/proc/self/exe) with the same `argv`; otherwise returns at once. Call it
/// first in main(), before any thread starts. Returns normally when nothing
/// needed doing or the re-exec failed (the program then runs as before).
///
/// Why: LibTorch's OpenMP worker threads spin after every parallel region
/// (the default, active wait), taking the cores from OpenBLAS's own GEMM
/// threads. On this 2-core CPU, PASSIVE measured: SD 1.5 UNet step at 256²
/// 4.63 s -> 3.40 s, MobileSAM encoder at 1024² 1.73 s -> 1.07 s, SAM
/// decoder 259 -> 107 ms per click. libgomp reads the variable only when it is
/// loaded, before main(), hence the re-exec. Linux only; elsewhere a no-op.
void preferPassiveOpenMPWait(char** argv);

/// The OMP_WAIT_POLICY this process runs with ("" when unset).
std::string openMPWaitPolicy();

} // namespace atelier::engine
