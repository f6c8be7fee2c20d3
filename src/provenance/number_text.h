// SPDX-License-Identifier: GPL-3.0-or-later
// Provenance-internal: numbers as text the way files made by AUTOMATIC1111's UI show them.
#pragma once

#include <string>

namespace atelier::provenance {

/// A whole number without a fraction ("7"), anything else as Python's repr()
/// prints a float: the shortest text that reads back to the same double
/// ("7.5", "0.91", "1e-05"). NaN and infinities print as "nan", "inf", "-inf".
std::string numberText(double value);

} // namespace atelier::provenance
