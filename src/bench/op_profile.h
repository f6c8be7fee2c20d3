// SPDX-License-Identifier: GPL-3.0-or-later
// Wall time per torch operator, for finding where a benchmark's time goes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace atelier::bench {

/// One operator's totals: inclusive wall time (nested operators are counted in
/// their callers too, e.g. aten::conv2d includes aten::convolution).
struct OpTime {
    std::string name;
    double seconds = 0.0;
    std::uint64_t calls = 0;
};

/// Times every torch operator called on the constructing thread while alive
/// (torch's RecordFunction observers). One profile at a time.
class OpProfile {
public:
    OpProfile();
    ~OpProfile();
    OpProfile(const OpProfile&) = delete;
    OpProfile& operator=(const OpProfile&) = delete;

    /// The `count` operators with the most inclusive time, most first.
    std::vector<OpTime> top(std::size_t count) const;

private:
    std::uint64_t m_handle = 0;
};

} // namespace atelier::bench
