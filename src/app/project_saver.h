// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace atelier::app {

/// Writes `.atelier` projects on a worker thread (QtConcurrent), one at a
/// time, so a large save never blocks the UI thread. The caller captures the
/// project on the UI thread (a value snapshot: tile pointers and shared,
/// immutable variations) and hands it over; the worker never touches the
/// session. Writes stay atomic (project::saveProject()).
class ProjectSaver : public QObject {
    Q_OBJECT

public:
    explicit ProjectSaver(QObject* parent = nullptr);
    /// Waits for a write in flight, so no file is left half-written at exit.
    ~ProjectSaver() override;

    /// True while a write is in flight.
    bool isBusy() const { return m_busy; }
    /// The file being written; empty when idle.
    QString busyPath() const { return m_busy ? m_path : QString(); }

    /// Starts writing `snapshot` to `path`; returns false (and does nothing)
    /// while another write is in flight.
    bool start(project::Project snapshot, const QString& path);
    /// Runs a local event loop (repaints, timers and queued signals go on; user
    /// input waits) until the write in flight ends; returns its error message,
    /// empty on success or when idle.
    QString wait();

signals:
    /// A write ended: `error` is empty on success, else the message for the user.
    void finished(const QString& path, const QString& error);

private:
    QFutureWatcher<QString> m_watcher;
    QString m_path;
    QString m_lastError;
    bool m_busy = false;
};

} // namespace atelier::app
