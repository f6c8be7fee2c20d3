// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Text normalisation and pre-tokenisation of openai/CLIP's SimpleTokenizer
// (clip/simple_tokenizer.py @ d05afc4), engine-internal, no torch.

#include <string>
#include <vector>

namespace atelier::engine::cliptext {

/// Python's html.unescape(): numeric references (&#65; &#x41;, with the HTML5
/// replacements for 0, surrogates, C1 controls and non-characters) and named
/// references from the HTML 4 set plus &apos; — the HTML5 legacy names (&amp,
/// &lt, &eacute, ...) also without ';', longest-prefix matched as Python does.
/// Unknown names are left as they are.
std::u32string htmlUnescape(const std::u32string& text);

/// SimpleTokenizer's `whitespace_clean(basic_clean(text)).lower()`: ftfy (an
/// identity here, as in the golden reference), html.unescape twice, strip,
/// whitespace runs to one space, strip, lower-case. Invalid UTF-8 input bytes
/// become U+FFFD first.
std::u32string cleanText(const std::string& utf8);

/// The pieces SimpleTokenizer's regex finds in cleaned text, as UTF-8, in order:
/// <|startoftext|> | <|endoftext|> | 's 't 're 've 'm 'll 'd | \p{L}+ | \p{N} |
/// [^\s\p{L}\p{N}]+ (case-insensitive; whitespace between pieces is dropped).
std::vector<std::string> splitPieces(const std::u32string& cleaned);

} // namespace atelier::engine::cliptext
