// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/op_profile.h"

#include <ATen/record_function.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

namespace atelier::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct StartTime : at::ObserverContext {
    Clock::time_point t0 = Clock::now();
};

std::mutex g_mutex;
std::map<std::string, OpTime> g_totals;

std::unique_ptr<at::ObserverContext> onStart(const at::RecordFunction&) { return std::make_unique<StartTime>(); }

void onEnd(const at::RecordFunction& fn, at::ObserverContext* context) {
    const auto* start = static_cast<StartTime*>(context);
    if (!start || !fn.name()) return;
    const double s = std::chrono::duration<double>(Clock::now() - start->t0).count();
    const std::lock_guard<std::mutex> lock(g_mutex);
    OpTime& t = g_totals[fn.name()];
    t.seconds += s;
    ++t.calls;
}

} // namespace

OpProfile::OpProfile() {
    {
        const std::lock_guard<std::mutex> lock(g_mutex);
        g_totals.clear();
    }
    m_handle = at::addThreadLocalCallback(at::RecordFunctionCallback(&onStart, &onEnd).scopes({at::RecordScope::FUNCTION}));
}

OpProfile::~OpProfile() { at::removeCallback(m_handle); }

std::vector<OpTime> OpProfile::top(std::size_t count) const {
    std::vector<OpTime> all;
    {
        const std::lock_guard<std::mutex> lock(g_mutex);
        for (const auto& [name, t] : g_totals) all.push_back({name, t.seconds, t.calls});
    }
    std::sort(all.begin(), all.end(), [](const OpTime& a, const OpTime& b) { return a.seconds > b.seconds; });
    if (all.size() > count) all.resize(count);
    return all;
}

} // namespace atelier::bench
