// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/job_history_model.h"

#include <QColor>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace atelier::app {
namespace {

QString seedText(const QJsonValue& value) {
    if (value.isDouble()) return value.toVariant().toString(); // integers stay exact (qint64)
    if (value.isString()) return value.toString();
    return {};
}

QString secondsText(double seconds) {
    if (seconds < 0) return {};
    if (seconds < 60) return JobHistoryModel::tr("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 2 : 1);
    return JobHistoryModel::tr("%1 min %2 s").arg(int(seconds) / 60).arg(int(seconds) % 60);
}

} // namespace

JobHistoryModel::JobHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int JobHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString JobHistoryModel::eventLabel(const QString& event) {
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("job_requested"), QT_TR_NOOP("Job requested")},
        {QStringLiteral("job_finished"), QT_TR_NOOP("Job finished")},
        {QStringLiteral("job_failed"), QT_TR_NOOP("Job failed")},
        {QStringLiteral("job_cancelled"), QT_TR_NOOP("Job cancelled")},
        {QStringLiteral("variation_approved"), QT_TR_NOOP("Approved")},
        {QStringLiteral("variation_unapproved"), QT_TR_NOOP("Approval revoked")},
        {QStringLiteral("variation_rejected"), QT_TR_NOOP("Rejected")},
        {QStringLiteral("variation_unrejected"), QT_TR_NOOP("Rejection revoked")},
        {QStringLiteral("variation_applied"), QT_TR_NOOP("Applied")},
        {QStringLiteral("exported"), QT_TR_NOOP("Exported")},
    };
    const auto it = labels.find(event);
    return it == labels.end() ? event : tr(it.value());
}

JobHistoryModel::Row JobHistoryModel::makeRow(const provenance::AuditEvent& e) {
    Row row;
    row.event = QString::fromStdString(e.event);
    row.job = QString::fromStdString(e.jobId);
    row.time = QDateTime::fromString(QString::fromStdString(e.time), Qt::ISODateWithMs);
    const QJsonObject d = QJsonDocument::fromJson(QByteArray::fromStdString(e.detailsJson)).object();
    row.details = d.isEmpty() ? QString::fromStdString(e.detailsJson)
                              : QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Indented));
    row.seed = seedText(d.value(QStringLiteral("seed")));
    if (row.seed.isEmpty()) row.seed = seedText(d.value(QStringLiteral("recipe")).toObject().value(QStringLiteral("seed")));
    const auto variationText = [&] {
        const QJsonValue index = d.value(QStringLiteral("index"));
        return index.isDouble() ? tr("variation %1").arg(index.toInt() + 1) : QString();
    };

    if (row.event == QLatin1String("job_requested")) {
        const int count = d.value(QStringLiteral("variation_count")).toInt();
        row.outcome = tr("%1, %n variation(s)", nullptr, count).arg(d.value(QStringLiteral("mode")).toString());
        if (row.time.isValid()) m_requested.insert(row.job, row.time);
    } else if (row.event == QLatin1String("job_finished") || row.event == QLatin1String("job_cancelled")) {
        int count = d.value(QStringLiteral("variations")).toArray().size();
        if (d.contains(QStringLiteral("variation_count"))) count = d.value(QStringLiteral("variation_count")).toInt();
        row.outcome = row.event == QLatin1String("job_finished") ? tr("done, %n variation(s)", nullptr, count)
                                                                 : tr("cancelled after %n variation(s)", nullptr, count);
        const QString notice = d.value(QStringLiteral("notice")).toString();
        if (!notice.isEmpty()) row.outcome += QStringLiteral(" · ") + notice;
    } else if (row.event == QLatin1String("job_failed")) {
        row.outcome = tr("failed");
        row.error = d.value(QStringLiteral("error")).toString();
    } else if (row.event == QLatin1String("exported")) {
        row.outcome = tr("%1 (%2)").arg(QFileInfo(d.value(QStringLiteral("path")).toString()).fileName(),
                                        d.value(QStringLiteral("format")).toString().toUpper());
    } else {
        row.outcome = variationText();
    }
    if (row.event.startsWith(QLatin1String("job_")) && row.event != QLatin1String("job_requested")) {
        const QJsonValue wall = d.value(QStringLiteral("wall_s"));
        if (wall.isDouble()) {
            row.duration = secondsText(wall.toDouble());
        } else if (m_requested.contains(row.job) && row.time.isValid()) {
            row.duration = secondsText(m_requested.value(row.job).msecsTo(row.time) / 1000.0);
        }
    }
    return row;
}

QVariant JobHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = m_rows[m_rows.size() - 1 - static_cast<std::size_t>(index.row())]; // newest first
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: {
            if (!r.time.isValid()) return QString();
            const QDateTime local = r.time.toLocalTime(); // today's events show the time only
            return local.toString(local.date() == QDate::currentDate() ? QStringLiteral("HH:mm:ss")
                                                                        : QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        case EventColumn: return eventLabel(r.event);
        case JobColumn: return r.job;
        case SeedColumn: return r.seed;
        case OutcomeColumn: return r.outcome;
        case DurationColumn: return r.duration;
        case ErrorColumn: return r.error;
        default: return {};
        }
    case Qt::ToolTipRole: {
        QString tip = r.time.isValid() ? r.time.toLocalTime().toString(Qt::ISODateWithMs) + QLatin1Char('\n') : QString();
        if (!r.error.isEmpty()) tip += r.error + QStringLiteral("\n\n");
        return tip + r.details;
    }
    case Qt::ForegroundRole:
        if (r.event == QLatin1String("job_failed")) return QColor(200, 40, 40);
        return {};
    case EventNameRole:
        return r.event;
    case DetailsJsonRole:
        return r.details;
    default:
        return {};
    }
}

QVariant JobHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case EventColumn: return tr("Event");
    case JobColumn: return tr("Job");
    case SeedColumn: return tr("Seed");
    case OutcomeColumn: return tr("Outcome");
    case DurationColumn: return tr("Duration");
    case ErrorColumn: return tr("Error");
    default: return {};
    }
}

void JobHistoryModel::setEvents(const std::vector<provenance::AuditEvent>& events) {
    beginResetModel();
    m_rows.clear();
    m_requested.clear();
    m_rows.reserve(events.size());
    for (const provenance::AuditEvent& e : events) m_rows.push_back(makeRow(e));
    endResetModel();
}

void JobHistoryModel::appendEvent(const provenance::AuditEvent& event) {
    Row row = makeRow(event);
    beginInsertRows(QModelIndex(), 0, 0);
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void JobHistoryModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_requested.clear();
    endResetModel();
}

} // namespace atelier::app
