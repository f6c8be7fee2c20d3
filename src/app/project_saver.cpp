// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/project_saver.h"

#include "core/error.h"
#include "project/project_writer.h"

#include <QEventLoop>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <memory>

namespace atelier::app {

ProjectSaver::ProjectSaver(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        m_lastError = m_watcher.result();
        m_busy = false;
        emit finished(m_path, m_lastError);
    });
}

ProjectSaver::~ProjectSaver() { m_watcher.waitForFinished(); }

bool ProjectSaver::start(project::Project snapshot, const QString& path) {
    if (m_busy) return false;
    m_busy = true;
    m_path = path;
    m_lastError.clear();
    // The snapshot moves into the task; QtConcurrent copies the callable, so share it.
    auto shared = std::make_shared<const project::Project>(std::move(snapshot));
    const std::string target = path.toStdString();
    m_watcher.setFuture(QtConcurrent::run([shared, target]() -> QString {
        try {
            project::saveProject(*shared, target);
            return {};
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            return message.isEmpty() ? ProjectSaver::tr("unknown error") : message;
        }
    }));
    return true;
}

QString ProjectSaver::wait() {
    if (!m_busy) return {};
    QEventLoop loop;
    connect(this, &ProjectSaver::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return m_lastError;
}

} // namespace atelier::app
