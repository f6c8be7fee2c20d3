// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Unicode helpers for the CLIP tokenizer (engine-internal, no torch).
//
// openai/CLIP's simple_tokenizer.py works on Python str (code points) and uses
// the `regex` module's \p{L}, \p{N} and \s plus str.lower()/str.strip(). These
// functions give the same answers over UTF-8 input without ICU; the property
// tables (clip_tokenizer_unicode_tables.cpp) were derived from the `regex`
// module (L*, N*) and Python 3.11 (Cased, Case_Ignorable, str.lower()).

#include <string>

namespace atelier::engine::unicode {

/// True for a code point in general category L* (the regex \p{L}).
bool isLetter(char32_t cp);
/// True for a code point in general category N* (Nd, Nl, No: the regex \p{N}).
bool isNumber(char32_t cp);
/// The `regex` module's \s: the Unicode White_Space property (no U+001C..U+001F).
bool isRegexSpace(char32_t cp);
/// Python's str.isspace() (used by str.strip()): White_Space plus U+001C..U+001F.
bool isPythonSpace(char32_t cp);

/// Unicode's Cased property (Lowercase, Uppercase or Lt).
bool isCased(char32_t cp);
/// Unicode's Case_Ignorable property (Mn, Me, Cf, Lm, Sk, apostrophes, '.', ':', ...).
bool isCaseIgnorable(char32_t cp);
/// The single-code-point lower-case mapping str.lower() applies (cp itself if none).
char32_t lowerSimple(char32_t cp);

/// Python's str.lower() on a whole string: lowerSimple() everywhere, U+0130 to
/// "i" + U+0307, and capital sigma to final sigma in Unicode's Final_Sigma
/// context (cased letter before, none after, case-ignorables skipped).
std::u32string toLower(const std::u32string& text);

/// Decodes UTF-8 to code points; every ill-formed subsequence becomes one
/// U+FFFD (the "maximal subpart" rule Python's errors="replace" follows).
std::u32string decodeUtf8(const std::string& bytes);
/// Encodes code points as UTF-8 (surrogates and values above U+10FFFF become U+FFFD).
std::string encodeUtf8(const std::u32string& text);
/// Appends one code point to `out` as UTF-8.
void appendUtf8(char32_t cp, std::string& out);

} // namespace atelier::engine::unicode
