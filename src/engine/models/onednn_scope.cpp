// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/onednn_scope.h"

#include <ATen/Context.h>

namespace atelier::engine {

OneDnnScope::OneDnnScope(bool enabled) : m_previous(at::globalContext().userEnabledMkldnn()) {
    at::globalContext().setUserEnabledMkldnn(enabled && at::hasMKLDNN());
}

OneDnnScope::~OneDnnScope() { at::globalContext().setUserEnabledMkldnn(m_previous); }

} // namespace atelier::engine
