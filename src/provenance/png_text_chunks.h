// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace atelier::provenance {

/// One PNG text chunk: its keyword and its text in UTF-8.
struct PngText {
    std::string keyword;
    std::string text;
};

/// Returns `png` (a whole PNG file) with a text chunk inserted right after IHDR,
/// the way Pillow's PngInfo.add_text() (used by AUTOMATIC1111) writes one: tEXt
/// when `text` (UTF-8) is all ISO 8859-1, else an uncompressed iTXt holding UTF-8
/// (PNG 1.2 §4.2.3). `keyword` must be 1-79 printable Latin-1 characters without
/// leading, trailing or double spaces. Throws atelier::Error when `png` is not a
/// PNG starting with IHDR or the keyword is invalid.
std::string insertPngText(const std::string& png, const std::string& keyword, const std::string& text);

/// Every uncompressed tEXt and iTXt chunk of `png`, in file order, as UTF-8.
/// zTXt and compressed iTXt chunks are skipped. Throws atelier::Error when
/// `png` is not a PNG or a chunk runs past the end of the data; never reads
/// out of bounds.
std::vector<PngText> readPngTexts(const std::string& png);

} // namespace atelier::provenance
