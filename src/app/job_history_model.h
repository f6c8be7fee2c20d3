// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provenance/audit_log.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <vector>

namespace atelier::app {

/// The project's audit log as a table for the History of jobs view, newest
/// event first: time, what happened (job requested, finished, failed or
/// cancelled; variation approved, approval revoked, rejected, rejection
/// revoked, applied; exported), job, seed, outcome, duration and error.
/// Rows come from the events' JSON details; an event it does not know, or
/// details that do not parse, still show with what is there (never throws).
class JobHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    /// The columns.
    enum Column { TimeColumn, EventColumn, JobColumn, SeedColumn, OutcomeColumn, DurationColumn, ErrorColumn, ColumnCount };
    /// Custom item roles.
    enum Role {
        EventNameRole = Qt::UserRole + 1, ///< QString, the raw event name ("job_finished", ...)
        DetailsJsonRole,                  ///< QString, the event's details as indented JSON
    };

    explicit JobHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces every row with `events` (oldest first, as a project keeps them).
    void setEvents(const std::vector<provenance::AuditEvent>& events);
    /// Adds one event, newer than all before it, as the top row.
    void appendEvent(const provenance::AuditEvent& event);
    /// Removes every row.
    void clear();

    /// A human name for an event name ("job_finished" -> "Job finished").
    static QString eventLabel(const QString& event);

private:
    struct Row {
        QDateTime time;
        QString event;
        QString job;
        QString seed;
        QString outcome;
        QString duration;
        QString error;
        QString details;
    };
    Row makeRow(const provenance::AuditEvent& event);

    std::vector<Row> m_rows;                ///< oldest first; shown reversed
    QHash<QString, QDateTime> m_requested;  ///< job -> when it was requested (for durations)
};

} // namespace atelier::app
