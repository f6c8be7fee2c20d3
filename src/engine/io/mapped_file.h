// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace atelier::engine {

/// A read-only memory map of a whole file (POSIX mmap), unmapped on destruction.
/// Move-only. Throws atelier::Error naming the file when it cannot be opened or mapped.
class MappedFile {
public:
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::uint8_t* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    const std::string& path() const { return m_path; }

private:
    void release();

    std::string m_path;
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace atelier::engine
