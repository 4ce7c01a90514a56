// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/ComparisonExport.h"

#include "chat/ConversationExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta {

QByteArray exportComparisonJson(const SavedComparison& comparison)
{
    QJsonArray columns;
    for (const Conversation& column : comparison.columns)
        columns.append(QJsonDocument::fromJson(exportConversationJson(column)).object());
    const QJsonObject o{{u"format"_s, u"juxta-comparison"_s},
                        {u"version"_s, 1},
                        {u"id"_s, comparison.record.id},
                        {u"title"_s, comparison.record.title},
                        {u"created_at"_s, comparison.record.createdAt.toString(Qt::ISODateWithMs)},
                        {u"setup"_s, QJsonDocument::fromJson(comparison.record.setupJson).object()},
                        {u"columns"_s, columns}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace juxta
