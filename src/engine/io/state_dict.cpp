// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/state_dict.h"

#include "core/error.h"
#include "engine/io/weight_tensors.h"

#include <set>
#include <sstream>

namespace atelier::engine {
namespace {

std::string shapeText(c10::IntArrayRef s) {
    std::ostringstream o;
    o << "[";
    for (std::size_t i = 0; i < s.size(); ++i) o << (i ? ", " : "") << s[i];
    o << "]";
    return o.str();
}

void appendList(std::ostringstream& o, const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    o << "\n  " << title << " (" << items.size() << "):";
    const std::size_t shown = std::min<std::size_t>(items.size(), 40);
    for (std::size_t i = 0; i < shown; ++i) o << "\n    " << items[i];
    if (items.size() > shown) o << "\n    ... and " << items.size() - shown << " more";
}

} // namespace

void loadStateDict(torch::nn::Module& module, const std::vector<std::string>& keys, const TensorSource& source,
                   const std::string& prefix, const std::string& what) {
    std::set<std::string> unused;
    for (const std::string& k : keys) {
        if (k.compare(0, prefix.size(), prefix) == 0) unused.insert(k);
    }
    std::vector<std::string> missing, badShape;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> assignments;
    const auto visit = [&](const std::string& name, torch::Tensor& target) {
        const std::string key = prefix + name;
        if (unused.erase(key) == 0) {
            missing.push_back(key);
            return;
        }
        torch::Tensor value = source(key);
        if (!value.defined()) {
            missing.push_back(key);
            return;
        }
        if (value.sizes() != target.sizes()) {
            badShape.push_back(key + ": expected " + shapeText(target.sizes()) + ", got " + shapeText(value.sizes()));
            return;
        }
        assignments.emplace_back(target, std::move(value));
    };
    for (auto& item : module.named_parameters(true)) visit(item.key(), item.value());
    for (auto& item : module.named_buffers(true)) visit(item.key(), item.value());
    if (!missing.empty() || !unused.empty() || !badShape.empty()) {
        std::ostringstream o;
        o << "the " << what << " do not match the model";
        appendList(o, "missing keys", missing);
        appendList(o, "unexpected keys", std::vector<std::string>(unused.begin(), unused.end()));
        appendList(o, "keys with the wrong shape", badShape);
        throw Error(o.str());
    }
    torch::NoGradGuard noGrad;
    for (auto& [target, value] : assignments) target.copy_(value.to(target.dtype()));
}

namespace {

template <typename File>
void loadFromFile(torch::nn::Module& module, const File& file, const std::string& prefix) {
    std::vector<std::string> keys;
    for (const auto& [name, info] : file.tensors()) keys.push_back(name);
    try {
        loadStateDict(module, keys,
                      [&file](const std::string& key) {
                          const TensorInfo* info = file.find(key);
                          return info ? tensorFromBytes(file.data(*info), *info) : torch::Tensor();
                      },
                      prefix);
    } catch (const Error& e) {
        throw e.withContext("weights '" + file.path() + "'");
    }
}

} // namespace

void loadStateDict(torch::nn::Module& module, const SafetensorsFile& file, const std::string& prefix) {
    loadFromFile(module, file, prefix);
}

void loadStateDict(torch::nn::Module& module, const WeightFile& file, const std::string& prefix) {
    loadFromFile(module, file, prefix);
}

} // namespace atelier::engine
