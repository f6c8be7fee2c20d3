// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/tool_definition.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <set>
#include <utility>

namespace atelier::tools {
namespace {

using nlohmann::json;

template <typename E>
using Names = std::vector<std::pair<const char*, E>>;

const Names<Controller> kControllers = {{"freehand", Controller::Freehand},
                                        {"point_by_point", Controller::PointByPoint},
                                        {"drag_box", Controller::DragBox},
                                        {"one_point", Controller::OnePoint},
                                        {"click_or_drag", Controller::ClickOrDrag}};
const Names<Joining> kJoinings = {{"dabs", Joining::Dabs},           {"polygon", Joining::Polygon},
                                  {"rectangle", Joining::Rectangle}, {"ellipse", Joining::Ellipse},
                                  {"flood_fill", Joining::FloodFill}, {"prompt", Joining::Prompt}};
const Names<Ink> kInks = {{"paint_mask", Ink::PaintMask},
                          {"erase_mask", Ink::EraseMask},
                          {"selection", Ink::Selection},
                          {"segment", Ink::Segment}};

const json& field(const json& entry, const char* key) {
    const auto it = entry.find(key);
    if (it == entry.end()) throw Error(std::string("missing field '") + key + "'");
    return *it;
}

std::string stringField(const json& entry, const char* key, bool allowEmpty = false) {
    const json& v = field(entry, key);
    if (!v.is_string()) throw Error(std::string("field '") + key + "' must be a string");
    std::string s = v.get<std::string>();
    if (s.empty() && !allowEmpty) throw Error(std::string("field '") + key + "' is empty");
    return s;
}

template <typename E>
E enumField(const json& entry, const char* key, const Names<E>& names) {
    const std::string value = stringField(entry, key);
    std::string known;
    for (const auto& [name, e] : names) {
        if (value == name) return e;
        known += (known.empty() ? "" : ", ") + std::string(name);
    }
    throw Error(std::string("field '") + key + "': unknown value '" + value + "' (known: " + known + ")");
}

double numberField(const json& object, const char* key, double fallback) {
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_number()) throw Error(std::string("field '") + key + "' must be a number");
    return it->get<double>();
}

BrushSettings parseBrush(const json& v) {
    if (!v.is_object()) throw Error("field 'brush' must be an object");
    BrushSettings b;
    try {
        b.radius = numberField(v, "radius", b.radius);
        b.hardness = numberField(v, "hardness", b.hardness);
        b.opacity = numberField(v, "opacity", b.opacity);
        b.spacing = numberField(v, "spacing", b.spacing);
        validate(b);
    } catch (const Error& e) {
        throw e.withContext("brush");
    }
    return b;
}

ToolDefinition parseTool(const json& entry) {
    if (!entry.is_object()) throw Error("must be an object");
    ToolDefinition t;
    t.id = stringField(entry, "id");
    try {
        t.name = stringField(entry, "name");
        t.controller = enumField(entry, "controller", kControllers);
        t.joining = enumField(entry, "joining", kJoinings);
        t.ink = enumField(entry, "ink", kInks);
        t.shortcut = stringField(entry, "shortcut", true);
        t.hint = stringField(entry, "hint", true);
        if (const auto it = entry.find("brush"); it != entry.end()) t.brush = parseBrush(*it);
        if (const auto it = entry.find("wand_tolerance"); it != entry.end()) {
            if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 255) {
                throw Error("field 'wand_tolerance' must be an integer 0..255");
            }
            t.wandTolerance = it->get<int>();
        }
    } catch (const Error& e) {
        throw e.withContext("tool '" + t.id + "'");
    }
    return t;
}

} // namespace

std::vector<ToolDefinition> parseToolDefinitions(const std::string& text) {
    try {
        json root;
        try {
            root = json::parse(text);
        } catch (const json::exception& e) {
            throw Error(std::string("not valid JSON: ") + e.what());
        }
        if (!root.is_object()) throw Error("the top level must be an object");
        const json& version = field(root, "version");
        if (!version.is_number_integer() || version.get<long long>() != 1) {
            throw Error("unsupported version " + version.dump() + " (this build reads version 1)");
        }
        const json& list = field(root, "tools");
        if (!list.is_array() || list.empty()) throw Error("field 'tools' must be a non-empty array");
        std::vector<ToolDefinition> tools;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            try {
                ToolDefinition t = parseTool(list[i]);
                if (!ids.insert(t.id).second) throw Error("duplicate id '" + t.id + "'");
                tools.push_back(std::move(t));
            } catch (const Error& e) {
                throw e.withContext("entry " + std::to_string(i));
            }
        }
        return tools;
    } catch (const Error& e) {
        throw e.withContext("tool definitions");
    }
}

const std::vector<ToolDefinition>& toolDefinitions() {
    // The shipped file is checked by the tests; a broken one fails loudly at first use.
    static const std::vector<ToolDefinition> tools = parseToolDefinitions(builtinToolDefinitionsJson());
    return tools;
}

const ToolDefinition& toolDefinition(const std::string& id) {
    for (const ToolDefinition& t : toolDefinitions()) {
        if (t.id == id) return t;
    }
    throw Error("unknown tool '" + id + "'");
}

} // namespace atelier::tools
