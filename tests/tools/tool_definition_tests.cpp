// SPDX-License-Identifier: GPL-3.0-or-later
// Tool definitions as data: the shipped resources/tools/tools.json and the validating parser.
#include "core/error.h"
#include "tools/tool_definition.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace atelier;
using namespace atelier::tools;

namespace {

std::string readShippedFile() {
    std::ifstream in(std::string(ATELIER_SOURCE_DIR) + "/resources/tools/tools.json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A file with one tool entry made of `fields` (a repeated key: the last one wins).
std::string oneTool(const std::string& fields) { return R"({"version": 1, "tools": [{)" + fields + "}]}"; }

const std::string kValidFields =
    R"("id": "box", "name": "Box", "controller": "drag_box", "joining": "rectangle", "ink": "selection",)"
    R"( "shortcut": "X", "hint": "Drag")";

// The message of the Error `text` raises (empty when it parses).
std::string errorOf(const std::string& text) {
    try {
        parseToolDefinitions(text);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(ToolDefinitions, EmbeddedTextIsTheShippedFile) {
    EXPECT_EQ(builtinToolDefinitionsJson(), readShippedFile());
}

TEST(ToolDefinitions, ShippedFileParsesIntoEveryTool) {
    const std::vector<ToolDefinition> tools = parseToolDefinitions(readShippedFile());
    ASSERT_EQ(tools.size(), 8u);
    const char* ids[] = {"brush", "eraser", "lasso", "polygon_lasso", "rectangle", "ellipse", "magic_wand", "segment"};
    for (std::size_t i = 0; i < tools.size(); ++i) EXPECT_EQ(tools[i].id, ids[i]);
    const ToolDefinition& segment = toolDefinition("segment");
    EXPECT_EQ(segment.controller, Controller::ClickOrDrag);
    EXPECT_EQ(segment.joining, Joining::Prompt);
    EXPECT_EQ(segment.ink, Ink::Segment);
    EXPECT_EQ(segment.shortcut, "S");
    EXPECT_EQ(toolDefinition("eraser").ink, Ink::EraseMask);
    EXPECT_EQ(toolDefinition("polygon_lasso").controller, Controller::PointByPoint);
    ASSERT_TRUE(toolDefinition("brush").brush.has_value());
    EXPECT_DOUBLE_EQ(toolDefinition("brush").brush->radius, 20.0);
    EXPECT_DOUBLE_EQ(toolDefinition("brush").brush->hardness, 0.8);
    EXPECT_EQ(toolDefinition("magic_wand").wandTolerance, 32);
    EXPECT_FALSE(toolDefinition("lasso").brush.has_value());
    for (const ToolDefinition& t : tools) {
        EXPECT_FALSE(t.name.empty()) << t.id;
        EXPECT_EQ(t.shortcut.size(), 1u) << t.id;
        EXPECT_FALSE(t.hint.empty()) << t.id;
    }
}

TEST(ToolDefinitions, MinimalEntryParses) {
    const std::vector<ToolDefinition> tools = parseToolDefinitions(oneTool(kValidFields));
    ASSERT_EQ(tools.size(), 1u);
    EXPECT_EQ(tools[0].controller, Controller::DragBox);
    EXPECT_FALSE(tools[0].brush.has_value());
    EXPECT_FALSE(tools[0].wandTolerance.has_value());
}

TEST(ToolDefinitions, BadJsonIsAClearError) {
    const std::string e = errorOf(R"({"version": 1, "tools": [)");
    EXPECT_NE(e.find("tool definitions"), std::string::npos) << e;
    EXPECT_NE(e.find("not valid JSON"), std::string::npos) << e;
    EXPECT_NE(errorOf("[]").find("top level"), std::string::npos);
    EXPECT_NE(errorOf(R"({"tools": []})").find("'version'"), std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 2, "tools": []})").find("unsupported version 2"), std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 1, "tools": []})").find("non-empty array"), std::string::npos);
    EXPECT_NE(errorOf(R"({"version": 1, "tools": [3]})").find("entry 0: must be an object"), std::string::npos);
}

TEST(ToolDefinitions, UnknownEnumValueNamesEntryFieldAndValue) {
    const std::string e = errorOf(oneTool(
        R"("id": "spray", "name": "Spray", "controller": "airbrush", "joining": "dabs", "ink": "paint_mask",)"
        R"( "shortcut": "A", "hint": "")"));
    EXPECT_NE(e.find("entry 0"), std::string::npos) << e;
    EXPECT_NE(e.find("tool 'spray'"), std::string::npos) << e;
    EXPECT_NE(e.find("field 'controller'"), std::string::npos) << e;
    EXPECT_NE(e.find("'airbrush'"), std::string::npos) << e;
    EXPECT_NE(e.find("freehand"), std::string::npos) << e; // lists the known values
    EXPECT_NE(errorOf(oneTool(kValidFields + R"(, "ink": "glitter")")).find("field 'ink'"), std::string::npos);
    EXPECT_NE(errorOf(oneTool(kValidFields + R"(, "joining": "zigzag")")).find("field 'joining'"),
              std::string::npos);
}

TEST(ToolDefinitions, MissingOrMistypedFieldsAreNamed) {
    const std::string noInk = errorOf(oneTool(
        R"("id": "box", "name": "Box", "controller": "drag_box", "joining": "rectangle", "shortcut": "X", "hint": "")"));
    EXPECT_NE(noInk.find("tool 'box': missing field 'ink'"), std::string::npos) << noInk;
    EXPECT_NE(errorOf(oneTool(R"("name": "Box")")).find("missing field 'id'"), std::string::npos);
    EXPECT_NE(errorOf(oneTool(kValidFields + R"(, "name": 7)")).find("field 'name' must be a string"),
              std::string::npos);
    EXPECT_NE(errorOf(oneTool(kValidFields + R"(, "id": "")")).find("field 'id' is empty"), std::string::npos);
}

TEST(ToolDefinitions, BadDefaultsAndDuplicatesAreRejected) {
    const std::string radius = errorOf(oneTool(kValidFields + R"(, "brush": {"radius": -3})"));
    EXPECT_NE(radius.find("brush"), std::string::npos) << radius;
    EXPECT_NE(radius.find("radius"), std::string::npos) << radius;
    EXPECT_NE(errorOf(oneTool(kValidFields + R"(, "brush": {"hardness": "soft"})")).find("'hardness'"),
              std::string::npos);
    EXPECT_NE(errorOf(oneTool(kValidFields + R"(, "wand_tolerance": 300)")).find("wand_tolerance"),
              std::string::npos);
    const std::string twice = R"({"version": 1, "tools": [{)" + kValidFields + "}, {" + kValidFields + "}]}";
    const std::string dup = errorOf(twice);
    EXPECT_NE(dup.find("entry 1: duplicate id 'box'"), std::string::npos) << dup;
}
