// SPDX-License-Identifier: GPL-3.0-or-later
// Qt only (no torch in this translation unit).
#include "bench/canvas_bench.h"

#include "app/editor_session.h"
#include "bench/resource_usage.h"
#include "gui/canvas_view.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <memory>
#include <ostream>
#include <random>
#include <vector>

namespace atelier::bench {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

nlohmann::json summary(std::vector<double> ms, double targetMs) {
    std::sort(ms.begin(), ms.end());
    const auto pick = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(std::ceil(q * static_cast<double>(ms.size()))) - 1)];
    };
    const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    return {{"median_ms", median}, {"p99_ms", pick(0.99)}, {"max_ms", ms.back()}, {"samples", ms.size()},
            {"target_ms", targetMs}, {"meets_target", median <= targetMs}};
}

QApplication& application() {
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance())) return *app;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "atelier-bench";
    static char* argv[] = {name, nullptr};
    static QApplication app(argc, argv);
    return app;
}

ImageRGBA8 noiseImage(int side) {
    ImageRGBA8 image(side, side);
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
        state = state * 1664525u + 1013904223u;
        image.pixels[i] = static_cast<std::uint8_t>(state >> 24);
        image.pixels[i + 1] = static_cast<std::uint8_t>(state >> 16);
        image.pixels[i + 2] = static_cast<std::uint8_t>(state >> 8);
        image.pixels[i + 3] = 255;
    }
    return image;
}

} // namespace

int runCanvasBench(const CanvasBenchOptions& options, std::ostream& out) {
    application();
    const int side = options.size;
    const double rssStart = currentRssBytes();
    app::EditorSession session;
    session.setHistoryBudget(std::size_t{1} << 40); // measure every stroke; trimming is tested elsewhere
    auto loadStart = Clock::now();
    session.setImage(noiseImage(side));
    gui::CanvasView canvas(&session);
    canvas.resize(options.viewWidth, options.viewHeight);
    const double openMs = msSince(loadStart);
    const double rssOpen = currentRssBytes();

    tools::BrushSettings brush;
    brush.radius = 50.0;
    brush.hardness = 0.5;
    const double spacing = brush.spacing * brush.radius; // one dab per step
    const int dabsPerStroke = static_cast<int>(std::ceil(500.0 / spacing));

    std::mt19937 rng(7);
    std::uniform_real_distribution<double> where(100.0, side - 600.0);
    std::vector<double> dabMs, commitMs;
    for (int s = 0; s < options.strokes; ++s) {
        const double x = where(rng), y = where(rng) + 250.0;
        const bool vertical = s % 2 == 1;
        const auto point = [&](int i) {
            const double d = i * spacing;
            return tools::Pointer{vertical ? PointF{x, y - 250.0 + d} : PointF{x + d, y}, 1.0f, tools::LeftButton};
        };
        session.beginStroke(brush, point(0));
        for (int i = 1; i <= dabsPerStroke; ++i) {
            const auto start = Clock::now();
            session.continueStroke(point(i));
            dabMs.push_back(msSince(start));
        }
        const auto start = Clock::now();
        session.endStroke();
        commitMs.push_back(msSince(start));
    }
    const double rssStrokes = currentRssBytes();
    const std::size_t historyBytes = session.historyMemory();

    std::vector<double> undoMs, redoMs;
    QUndoStack* stack = session.undoStack();
    for (int i = 0; i < options.strokes; ++i) {
        const auto start = Clock::now();
        stack->undo();
        undoMs.push_back(msSince(start));
    }
    for (int i = 0; i < options.strokes; ++i) {
        const auto start = Clock::now();
        stack->redo();
        redoMs.push_back(msSince(start));
    }

    QImage target(options.viewWidth, options.viewHeight, QImage::Format_ARGB32_Premultiplied);
    const auto repaint = [&] {
        std::vector<double> ms;
        canvas.render(&target); // warm-up
        for (int i = 0; i < options.repaints; ++i) {
            const auto start = Clock::now();
            canvas.render(&target);
            ms.push_back(msSince(start));
        }
        return ms;
    };
    canvas.actualSize();
    const std::vector<double> repaint100 = repaint();
    const double zoom100 = canvas.viewTransform().zoom();
    canvas.fitToWindow();
    const std::vector<double> repaintFit = repaint();
    const double zoomFit = canvas.viewTransform().zoom();

    nlohmann::json result = {
        {"benchmark", "canvas"},
        {"image", {{"width", side}, {"height", side}, {"open_ms", openMs}}},
        {"brush", {{"radius_px", brush.radius}, {"hardness", brush.hardness}, {"spacing", brush.spacing}}},
        {"dab", summary(dabMs, 1.0)},
        {"stroke_commit", summary(commitMs, 5.0)},
        {"stroke_length_px", dabsPerStroke * spacing},
        {"undo", summary(undoMs, 5.0)},
        {"redo", summary(redoMs, 5.0)},
        {"repaint_100", summary(repaint100, 16.0)},
        {"repaint_fit", summary(repaintFit, 16.0)},
        {"view", {{"width", options.viewWidth}, {"height", options.viewHeight}, {"zoom_100", zoom100},
                  {"zoom_fit", zoomFit}, {"pyramid_level_fit", canvas.pyramid().levelFor(zoomFit)}}},
        {"history",
         {{"strokes", options.strokes},
          {"accounted_mb", historyBytes / 1.0e6},
          {"rss_growth_mb", (rssStrokes - rssOpen) / 1.0e6},
          {"target_mb", 100.0},
          {"meets_target", historyBytes / 1.0e6 <= 100.0}}},
        {"rss_mb", {{"start", rssStart / 1.0e6}, {"after_open", rssOpen / 1.0e6}, {"after_strokes", rssStrokes / 1.0e6},
                    {"peak", peakRssBytes() / 1.0e6}}},
    };
    out << result.dump(2) << '\n';
    return 0;
}

} // namespace atelier::bench
