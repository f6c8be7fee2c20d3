// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/edit_request.h"
#include "engine/progress.h"
#include "engine/variation.h"

#include <string>
#include <vector>

namespace atelier::engine {

/// What a job produced.
struct EditResult {
    std::vector<Variation> variations; ///< finished variations, in index order
    bool cancelled = false;            ///< true when a cancel request stopped the job early
    std::string notice;                ///< what the user should know (e.g. which backend ran)
};

/// Runs an edit job synchronously on the calling thread (callers put it on a worker).
///
/// Picks the backend from the request: no `modelPath` selects the classical
/// fill, which ignores the prompt and says so through ProgressSink::onNotice.
/// Every result is composited back onto the original full-resolution pixels
/// through the inward-feathered mask, so pixels where the mask is 0 are
/// bit-identical to the source.
///
/// `sink` and `cancel` may be null. Throws atelier::Error for an invalid
/// request (see validate()) or a backend failure; a cancelled job returns what
/// was finished with `cancelled` set.
EditResult runEdit(const EditRequest& request, ProgressSink* sink = nullptr, const CancelToken* cancel = nullptr);

/// The application version recorded in recipes ("0.1.0").
std::string appVersion();

} // namespace atelier::engine
