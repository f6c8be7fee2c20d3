// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace atelier::provenance {

/// The XMP namespace of Atelier's own properties, prefix "atelier". The .invalid
/// top-level domain (RFC 2606) can never be registered, so the URI cannot clash
/// with anyone else's; it names, it does not resolve. Bump "1.0" when a property
/// changes meaning.
///
/// Properties (all simple text): atelier:Recipe (the whole recipeToJson() text),
/// atelier:Mode, atelier:Prompt, atelier:NegativePrompt, atelier:Seed,
/// atelier:Steps, atelier:CFGScale, atelier:Strength, atelier:Sampler,
/// atelier:Model, atelier:ModelSHA256, atelier:SourceSHA256, atelier:MaskSHA256,
/// atelier:VariationIndex. Beside them: xmp:CreatorTool ("Atelier <version>") and
/// Iptc4xmpExt:DigitalSourceType (see digitalSourceType()).
constexpr const char* kAtelierXmpNamespace = "https://atelier.invalid/ns/recipe/1.0/";
constexpr const char* kAtelierXmpPrefix = "atelier";

} // namespace atelier::provenance
