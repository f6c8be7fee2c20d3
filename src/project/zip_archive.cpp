// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/zip_archive.h"

#include "core/error.h"

#include <zip.h>

#include <set>

namespace atelier::project {
namespace {

std::string errorText(zip_error_t* error) {
    const std::string text = zip_error_strerror(error);
    return text;
}

std::string errorText(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

} // namespace

// --- ZipWriter ----------------------------------------------------------------

struct ZipWriter::State {
    zip_source_t* source = nullptr; // the in-memory archive; kept alive past zip_close()
    zip_t* archive = nullptr;
    std::vector<std::unique_ptr<std::string>> buffers; // entry data must live until zip_close()
    std::set<std::string> names;
};

ZipWriter::ZipWriter() : m_state(std::make_unique<State>()) {
    zip_error_t error;
    zip_error_init(&error);
    m_state->source = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!m_state->source) {
        const std::string text = errorText(&error);
        zip_error_fini(&error);
        throw Error("cannot create a zip archive in memory: " + text);
    }
    m_state->archive = zip_open_from_source(m_state->source, ZIP_TRUNCATE, &error);
    if (!m_state->archive) {
        const std::string text = errorText(&error);
        zip_error_fini(&error);
        zip_source_free(m_state->source);
        throw Error("cannot create a zip archive in memory: " + text);
    }
    zip_error_fini(&error);
    zip_source_keep(m_state->source);
}

ZipWriter::~ZipWriter() {
    if (m_state->archive) zip_discard(m_state->archive);
    if (m_state->source) zip_source_free(m_state->source);
}

void ZipWriter::add(const std::string& name, std::string bytes, bool compress) {
    if (!m_state->archive) throw Error("zip archive already finished");
    if (!m_state->names.insert(name).second) throw Error("entry '" + name + "' added twice");
    m_state->buffers.push_back(std::make_unique<std::string>(std::move(bytes)));
    const std::string& data = *m_state->buffers.back();
    zip_source_t* entry = zip_source_buffer(m_state->archive, data.data(), data.size(), 0);
    if (!entry) throw Error("entry '" + name + "': " + zip_strerror(m_state->archive));
    const zip_int64_t index = zip_file_add(m_state->archive, name.c_str(), entry, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(entry);
        throw Error("entry '" + name + "': " + zip_strerror(m_state->archive));
    }
    const zip_int32_t method = compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE;
    if (zip_set_file_compression(m_state->archive, static_cast<zip_uint64_t>(index), method, 0) != 0) {
        throw Error("entry '" + name + "': " + zip_strerror(m_state->archive));
    }
    // A fixed time stamp: saving the same project twice gives the same bytes.
    zip_file_set_mtime(m_state->archive, static_cast<zip_uint64_t>(index), 0, 0);
}

std::string ZipWriter::finish() {
    if (!m_state->archive) throw Error("zip archive already finished");
    if (zip_close(m_state->archive) != 0) {
        const std::string text = zip_strerror(m_state->archive);
        zip_discard(m_state->archive);
        m_state->archive = nullptr;
        throw Error("cannot build the zip archive: " + text);
    }
    m_state->archive = nullptr;
    m_state->buffers.clear();

    zip_source_t* src = m_state->source;
    zip_stat_t st;
    if (zip_source_open(src) != 0) throw Error("cannot read back the zip archive: " + errorText(zip_source_error(src)));
    zip_stat_init(&st);
    std::string out;
    if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) out.reserve(st.size);
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_source_read(src, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    const bool failed = n < 0;
    const std::string text = failed ? errorText(zip_source_error(src)) : std::string();
    zip_source_close(src);
    if (failed) throw Error("cannot read back the zip archive: " + text);
    return out;
}

// --- ZipReader ----------------------------------------------------------------

struct ZipReader::State {
    zip_t* archive = nullptr;
};

ZipReader::ZipReader(const std::string& bytes) : m_state(std::make_unique<State>()) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) {
        const std::string text = errorText(&error);
        zip_error_fini(&error);
        throw Error("not a readable zip archive: " + text);
    }
    m_state->archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!m_state->archive) {
        const int code = zip_error_code_zip(&error);
        const std::string text = errorText(&error);
        zip_error_fini(&error);
        zip_source_free(src); // not taken over on failure
        if (code == ZIP_ER_NOZIP) throw Error("not a zip archive, or truncated (no end of central directory)");
        if (code == ZIP_ER_INCONS) throw Error("damaged zip archive (its headers disagree)");
        throw Error("not a readable zip archive (" + text + ")");
    }
    zip_error_fini(&error);
}

ZipReader::~ZipReader() {
    if (m_state->archive) zip_discard(m_state->archive);
}

bool ZipReader::contains(const std::string& name) const {
    return zip_name_locate(m_state->archive, name.c_str(), ZIP_FL_ENC_GUESS) >= 0;
}

std::string ZipReader::read(const std::string& name, long long maxBytes) const {
    const auto fail = [&name](const std::string& message) { return Error("entry '" + name + "': " + message); };
    const zip_int64_t index = zip_name_locate(m_state->archive, name.c_str(), ZIP_FL_ENC_GUESS);
    if (index < 0) throw fail("missing");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(m_state->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        throw fail(std::string("unreadable (") + zip_strerror(m_state->archive) + ")");
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) throw fail("is marked as encrypted, which project entries never are (damaged file?)");
    if (st.size > static_cast<zip_uint64_t>(maxBytes)) {
        throw fail("declares " + std::to_string(st.size) + " bytes, more than the limit of " + std::to_string(maxBytes));
    }
    zip_file_t* file = zip_fopen_index(m_state->archive, static_cast<zip_uint64_t>(index), 0);
    if (!file) throw fail(std::string("cannot be opened (") + zip_strerror(m_state->archive) + ")");
    std::string out(static_cast<std::size_t>(st.size), '\0');
    std::size_t done = 0;
    std::string problem;
    while (done < out.size()) {
        const zip_int64_t n = zip_fread(file, out.data() + done, out.size() - done);
        if (n < 0) {
            problem = std::string("data is damaged (") + zip_file_strerror(file) + ")";
            break;
        }
        if (n == 0) {
            problem = "data ends early";
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (problem.empty()) {
        // Read to the end so libzip checks the CRC, and make sure nothing follows.
        char extra = 0;
        const zip_int64_t n = zip_fread(file, &extra, 1);
        if (n < 0) problem = std::string("data is damaged (") + zip_file_strerror(file) + ")";
        else if (n > 0) problem = "holds more data than it declares";
    }
    const int closed = zip_fclose(file);
    if (problem.empty() && closed != 0) problem = "data is damaged (" + errorText(closed) + ")";
    if (!problem.empty()) throw fail(problem);
    return out;
}

} // namespace atelier::project
