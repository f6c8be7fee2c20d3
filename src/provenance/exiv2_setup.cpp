// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/exiv2_setup.h"

#include "provenance/xmp_names.h"

#include <exiv2/exiv2.hpp>

#include <mutex>

namespace atelier::provenance {

void ensureExiv2Ready() {
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute); // failures arrive as exceptions
        Exiv2::XmpParser::initialize();
        Exiv2::XmpProperties::registerNs(kAtelierXmpNamespace, kAtelierXmpPrefix);
    });
}

} // namespace atelier::provenance
