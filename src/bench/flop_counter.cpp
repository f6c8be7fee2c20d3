// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/flop_counter.h"

#include <ATen/record_function.h>
#include <torch/torch.h>

#include <atomic>
#include <cstring>

namespace atelier::bench {
namespace {

std::atomic<std::uint64_t> g_flops{0};
std::atomic<std::uint64_t> g_calls{0};

std::int64_t dim(const c10::IValue& v, int64_t i) {
    const at::Tensor& t = v.toTensor();
    return t.size(i < 0 ? t.dim() + i : i);
}

std::uint64_t matmulFlops(const c10::IValue& a, const c10::IValue& b) {
    const at::Tensor& ta = a.toTensor();
    std::uint64_t batch = 1;
    for (int64_t i = 0; i + 2 < ta.dim(); ++i) batch *= static_cast<std::uint64_t>(ta.size(i));
    return 2ULL * batch * static_cast<std::uint64_t>(dim(a, -2) * dim(a, -1) * dim(b, -1));
}

// aten::convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups)
std::uint64_t convolutionFlops(const std::vector<c10::IValue>& in) {
    const at::Tensor& input = in[0].toTensor();
    const at::Tensor& weight = in[1].toTensor();
    if (in[6].toBool()) { // transposed: every input element meets the whole kernel
        return 2ULL * static_cast<std::uint64_t>(input.numel()) * static_cast<std::uint64_t>(weight.numel() / weight.size(0));
    }
    const auto stride = in[3].toIntVector(), padding = in[4].toIntVector(), dilation = in[5].toIntVector();
    std::uint64_t outputElements = static_cast<std::uint64_t>(input.size(0) * weight.size(0));
    for (size_t d = 0; d + 2 < static_cast<size_t>(input.dim()); ++d) {
        const int64_t k = weight.size(static_cast<int64_t>(d) + 2);
        const int64_t n = (input.size(static_cast<int64_t>(d) + 2) + 2 * padding[d] - dilation[d] * (k - 1) - 1) / stride[d] + 1;
        outputElements *= static_cast<std::uint64_t>(n);
    }
    return 2ULL * outputElements * static_cast<std::uint64_t>(weight.numel() / weight.size(0));
}

std::unique_ptr<at::ObserverContext> onOperatorStart(const at::RecordFunction& fn) {
    const char* name = fn.name();
    if (!name || std::strncmp(name, "aten::", 6) != 0) return nullptr;
    name += 6;
    std::uint64_t flops = 0;
    const auto inputs = fn.inputs();
    const std::vector<c10::IValue> in(inputs.begin(), inputs.end());
    if (std::strcmp(name, "convolution") == 0 && in.size() >= 9) {
        flops = convolutionFlops(in);
    } else if ((std::strcmp(name, "mm") == 0 || std::strcmp(name, "bmm") == 0) && in.size() >= 2) {
        flops = matmulFlops(in[0], in[1]);
    } else if ((std::strcmp(name, "addmm") == 0 || std::strcmp(name, "baddbmm") == 0) && in.size() >= 3) {
        flops = matmulFlops(in[1], in[2]);
    } else {
        return nullptr;
    }
    g_flops += flops;
    ++g_calls;
    return nullptr;
}

} // namespace

FlopCounter::FlopCounter() {
    reset();
    m_handle = at::addThreadLocalCallback(
        at::RecordFunctionCallback(&onOperatorStart).needsInputs(true).scopes({at::RecordScope::FUNCTION}));
}

FlopCounter::~FlopCounter() { at::removeCallback(m_handle); }

std::uint64_t FlopCounter::flops() const { return g_flops.load(); }
std::uint64_t FlopCounter::calls() const { return g_calls.load(); }

void FlopCounter::reset() {
    g_flops = 0;
    g_calls = 0;
}

} // namespace atelier::bench
