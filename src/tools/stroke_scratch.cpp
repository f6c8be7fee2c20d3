// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/stroke_scratch.h"

namespace atelier::tools {

StrokeScratch::CoverageTile& StrokeScratch::tile(int tx, int ty) {
    std::unique_ptr<CoverageTile>& slot = m_tiles[static_cast<std::size_t>(ty) * m_tilesX + tx];
    if (!slot) {
        slot = std::make_unique<CoverageTile>();
        slot->fill(0);
    }
    return *slot;
}

} // namespace atelier::tools
