// SPDX-License-Identifier: GPL-3.0-or-later
// The mask layers model and the undoable rename/appearance commands behind it.
#include "app/editor_session.h"
#include "app/mask_layers_model.h"
#include "app_test_support.h"
#include "core/error.h"

#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::app;

namespace {

struct Fixture {
    Fixture() {
        test::ensureGuiApplication();
        session.setImage(test::patternImage(64, 48));
    }
    EditorSession session;
};

} // namespace

TEST(MaskLayersModel, ListsLayersTopFirstWithTheActiveOne) {
    Fixture f;
    MaskLayersModel model(&f.session);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.columnCount(), 2);
    const int second = f.session.addMaskLayer();
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.layerId(0), second); // top first
    EXPECT_EQ(model.activeRow(), 0);
    EXPECT_TRUE(model.data(model.index(0, 0), MaskLayersModel::ActiveRole).toBool());
    EXPECT_EQ(model.data(model.index(0, 0)).toString(), QStringLiteral("Mask 2"));
    EXPECT_EQ(model.data(model.index(0, 0), Qt::CheckStateRole).toInt(), Qt::Checked);
    EXPECT_EQ(model.data(model.index(0, 1)).toString(), QStringLiteral("50%"));
    EXPECT_EQ(model.layerId(5), 0);
    EXPECT_FALSE(model.data(model.index(7, 0)).isValid());
    f.session.undoStack()->undo();
    EXPECT_EQ(model.rowCount(), 1);
}

TEST(MaskLayersModel, VisibilityIsAViewSettingNotAnUndoStep) {
    Fixture f;
    MaskLayersModel model(&f.session);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const int before = f.session.undoStack()->count();
    EXPECT_TRUE(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_FALSE(f.session.document().maskLayers()[0].visible);
    EXPECT_EQ(model.data(model.index(0, 0), Qt::CheckStateRole).toInt(), Qt::Unchecked);
    EXPECT_EQ(f.session.undoStack()->count(), before);
    EXPECT_GE(changed.count(), 1);
}

TEST(MaskLayersModel, RenameIsUndoableAndBlankNamesAreRefused) {
    Fixture f;
    MaskLayersModel model(&f.session);
    const int id = model.layerId(0);
    const std::string original = f.session.document().maskLayer(id)->name;
    EXPECT_TRUE(model.setData(model.index(0, 0), QStringLiteral("  Sky ")));
    EXPECT_EQ(f.session.document().maskLayer(id)->name, "Sky");
    EXPECT_EQ(model.data(model.index(0, 0)).toString(), QStringLiteral("Sky"));
    EXPECT_FALSE(model.setData(model.index(0, 0), QStringLiteral("   ")));
    EXPECT_THROW(f.session.renameMaskLayer(id, QString()), Error);
    EXPECT_THROW(f.session.renameMaskLayer(999, QStringLiteral("x")), Error);
    f.session.undoStack()->undo();
    EXPECT_EQ(f.session.document().maskLayer(id)->name, original);
    EXPECT_EQ(model.data(model.index(0, 0)).toString(), QString::fromStdString(original));
    f.session.undoStack()->redo();
    EXPECT_EQ(f.session.document().maskLayer(id)->name, "Sky");
}

TEST(MaskLayersModel, OpacityChangesMergeIntoOneUndoStep) {
    Fixture f;
    MaskLayersModel model(&f.session);
    const int id = model.layerId(0);
    const int before = f.session.undoStack()->count();
    EXPECT_TRUE(model.setData(model.index(0, 1), 30));
    EXPECT_TRUE(model.setData(model.index(0, 1), 80));
    EXPECT_FALSE(model.setData(model.index(0, 1), 150));
    EXPECT_FALSE(model.setData(model.index(0, 1), QStringLiteral("lots")));
    EXPECT_DOUBLE_EQ(f.session.document().maskLayer(id)->opacity, 0.8);
    EXPECT_EQ(f.session.undoStack()->count(), before + 1);
    f.session.changeMaskAppearance(id, 0x00ff00u, 0.8);
    EXPECT_EQ(f.session.document().maskLayer(id)->color, 0x00ff00u);
    EXPECT_EQ(model.data(model.index(0, 0), Qt::DecorationRole).value<QColor>(), QColor(0, 255, 0));
    f.session.undoStack()->undo();
    EXPECT_EQ(f.session.document().maskLayer(id)->color, 0xff0000u);
    EXPECT_DOUBLE_EQ(f.session.document().maskLayer(id)->opacity, 0.5);
    EXPECT_THROW(f.session.changeMaskAppearance(999, 0, 0.5), Error);
}
