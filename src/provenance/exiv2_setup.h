// SPDX-License-Identifier: GPL-3.0-or-later
// Provenance-internal: one-time Exiv2 set-up shared by the metadata writer and reader.
#pragma once

#include <string>

namespace atelier::provenance {

/// Initialises Exiv2's XMP toolkit, registers the "atelier" XMP namespace and
/// silences Exiv2's warnings on stderr, once per process (thread-safe).
void ensureExiv2Ready();

} // namespace atelier::provenance
