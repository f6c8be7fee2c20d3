// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace atelier {

/// The one error type every Atelier level throws.
///
/// An Error carries a message (what went wrong) and a context chain (where:
/// the file, the tensor, the option), outermost first. `what()` joins them as
/// "context: context: message", e.g.
///   "mask 'cup.png': size 300x200 does not match the image (512x512)".
/// Callers add context as the error travels outwards with `withContext()`.
class Error : public std::exception {
public:
    explicit Error(std::string message);

    /// Returns a copy with `context` prepended to the chain.
    Error withContext(std::string context) const;

    /// The bare message, without context.
    const std::string& message() const noexcept { return m_message; }
    /// The context chain, outermost first.
    const std::vector<std::string>& context() const noexcept { return m_context; }
    /// Context chain and message joined with ": ".
    const char* what() const noexcept override { return m_what.c_str(); }

private:
    void rebuild();

    std::string m_message;
    std::vector<std::string> m_context;
    std::string m_what;
};

/// Builds an Error about a file: "<role> '<path>': <message>".
Error fileError(const std::string& role, const std::string& path, const std::string& message);

} // namespace atelier
