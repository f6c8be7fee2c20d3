// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/output_naming.h"

#include "core/error.h"

#include <ctime>
#include <filesystem>

namespace atelier::provenance {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxNameBytes = 200;

std::string sanitize(const std::string& raw) {
    std::string s;
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        const bool bad = c < 32 || c == 127 || std::string("/\\<>:\"|?*").find(ch) != std::string::npos;
        s.push_back(bad ? '_' : ch);
    }
    const auto first = s.find_first_not_of(". ");
    if (first == std::string::npos) return {};
    s = s.substr(first);
    s.erase(s.find_last_not_of(". ") + 1);
    if (s.size() > kMaxNameBytes) {
        std::size_t cut = kMaxNameBytes;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80) --cut; // not inside a UTF-8 sequence
        s.resize(cut);
    }
    return s;
}

} // namespace

std::string expandNameTemplate(const std::string& pattern, const NameFields& f) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out.push_back('{');
            ++i;
        } else if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            out.push_back('}');
            ++i;
        } else if (c == '}') {
            throw Error("file name template '" + pattern + "': unmatched '}'");
        } else if (c == '{') {
            const std::size_t end = pattern.find('}', i);
            if (end == std::string::npos) throw Error("file name template '" + pattern + "': unmatched '{'");
            const std::string name = pattern.substr(i + 1, end - i - 1);
            if (name == "project") out += f.project;
            else if (name == "index") out += std::to_string(f.index);
            else if (name == "seed") out += std::to_string(f.seed);
            else if (name == "prompt") out += promptSlug(f.prompt);
            else if (name == "mode") out += f.mode;
            else if (name == "date") out += f.date;
            else {
                throw Error("file name template '" + pattern + "': unknown placeholder {" + name +
                            "} (known: {project} {index} {seed} {prompt} {mode} {date})");
            }
            i = end;
        } else {
            out.push_back(c);
        }
    }
    std::string name = sanitize(out);
    if (name.empty()) throw Error("file name template '" + pattern + "' gives an empty name");
    return name;
}

std::string promptSlug(const std::string& prompt, std::size_t maxLength) {
    std::string slug;
    for (char ch : prompt) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug.push_back(ch);
        else if (c >= 'A' && c <= 'Z') slug.push_back(static_cast<char>(c - 'A' + 'a'));
        else if (!slug.empty() && slug.back() != '-') slug.push_back('-');
    }
    if (slug.size() > maxLength) {
        const std::size_t dash = slug.rfind('-', maxLength);
        slug.resize(dash != std::string::npos && dash > maxLength / 2 ? dash : maxLength);
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "untitled" : slug;
}

std::string todayIso() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

bool pathTaken(const std::string& path) {
    std::error_code ec;
    return fs::symlink_status(path, ec).type() != fs::file_type::not_found;
}

std::string firstFreePath(const std::string& path) {
    if (!pathTaken(path)) return path;
    const fs::path p(path);
    const std::string stem = (p.parent_path() / p.stem()).string(), ext = p.extension().string();
    for (int n = 2; n <= 9999; ++n) {
        const std::string candidate = stem + "-" + std::to_string(n) + ext;
        if (!pathTaken(candidate)) return candidate;
    }
    throw fileError("output", path, "and 9998 numbered variants of it already exist");
}

} // namespace atelier::provenance
