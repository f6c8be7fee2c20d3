// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace atelier::project {

/// Builds a zip archive in memory (libzip). Entries keep the order added.
class ZipWriter {
public:
    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    /// Adds entry `name` holding `bytes`; `compress` deflates it (off for PNGs,
    /// which are compressed already). Throws atelier::Error for a duplicate name.
    void add(const std::string& name, std::string bytes, bool compress);
    /// The whole archive. The writer is spent afterwards. Throws atelier::Error
    /// with libzip's message when the archive cannot be built.
    std::string finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// Reads entries of a zip archive held in memory (libzip, with consistency
/// checks between local and central headers and CRC checks on every read).
class ZipReader {
public:
    /// Opens `bytes` (which must outlive the reader). Throws atelier::Error with
    /// libzip's message when it is not a readable zip archive.
    explicit ZipReader(const std::string& bytes);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    /// True when the archive has an entry `name`.
    bool contains(const std::string& name) const;
    /// The bytes of entry `name`, at most `maxBytes` of them once decompressed.
    /// Throws atelier::Error ("entry '<name>': ...") when it is missing, larger,
    /// encrypted, or its data is damaged (CRC mismatch, short read).
    std::string read(const std::string& name, long long maxBytes) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace atelier::project
