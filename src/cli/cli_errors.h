// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace atelier::cli {

/// Process exit codes of atelier-cli.
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1, ///< the job could not be done (bad input file, unwritable output, engine error)
    kExitUsage = 2,   ///< the command line is wrong (unknown option, missing argument, bad value)
    kExitCancelled = 3,
};

} // namespace atelier::cli
