// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/segmentation/subject_model_path.h"

#include "core/error.h"

#include <cstdlib>
#include <filesystem>

namespace atelier::engine {

namespace fs = std::filesystem;

std::vector<std::string> subjectModelCandidates() {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("ATELIER_MODEL_DIR"); env && *env) {
        candidates.push_back((fs::path(env) / kSubjectModelFile).string());
    }
#ifdef ATELIER_SOURCE_MODELS
    candidates.push_back((fs::path(ATELIER_SOURCE_MODELS) / kSubjectModelFile).string());
#endif
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        candidates.push_back(
            (exe.parent_path().parent_path() / "share" / "atelier" / "models" / kSubjectModelFile).string());
    }
    return candidates;
}

std::string findSubjectModel() {
    const std::vector<std::string> candidates = subjectModelCandidates();
    std::string looked;
    for (const std::string& c : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(c, ec)) return c;
        looked += (looked.empty() ? "" : ", ") + c;
    }
    throw Error("the ISNet select-subject model was not found (looked at " + looked +
                "); prepare it with `bash packaging/fetch-models.sh` (part of packaging/setup.sh) or set "
                "ATELIER_MODEL_DIR");
}

} // namespace atelier::engine
