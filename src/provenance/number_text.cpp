// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/number_text.h"

#include <charconv>
#include <cmath>

namespace atelier::provenance {

std::string numberText(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[64];
    // Python's repr uses fixed notation for 1e-4 <= |v| < 1e16 and scientific otherwise.
    const double a = std::fabs(v);
    const auto format = (a >= 1e-4 && a < 1e16) ? std::chars_format::fixed : std::chars_format::scientific;
    const auto result = std::to_chars(buf, buf + sizeof buf, v, format);
    return std::string(buf, result.ptr);
}

} // namespace atelier::provenance
