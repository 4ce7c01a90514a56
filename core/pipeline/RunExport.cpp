// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RunExport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace juxta {

QJsonObject storedRunJson(const PipelineRunRow& run, const QList<NodeRunRow>& nodes)
{
    QJsonObject json = QJsonDocument::fromJson(run.summaryJson).object();
    // A run that never finished (killed) has no summary yet: what the row knows.
    json.insert(u"id"_s, run.id);
    json.insert(u"pipeline"_s, run.name);
    json.insert(u"file"_s, run.file);
    json.insert(u"state"_s, run.state == u"running"_s ? u"interrupted"_s : run.state);
    json.insert(u"started_at"_s, run.startedAt.toString(Qt::ISODateWithMs));
    if (!json.contains(u"variables"_s))
        json.insert(u"variables"_s, QJsonDocument::fromJson(run.variablesJson).object());
    QJsonArray list;
    for (const NodeRunRow& n : nodes)
        list.append(QJsonDocument::fromJson(n.recordJson).object());
    json.insert(u"nodes"_s, list);
    return json;
}

} // namespace juxta
