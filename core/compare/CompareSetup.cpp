// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/CompareSetup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace juxta {

ChatSettings CompareSetup::settingsFor(int index) const
{
    ChatSettings s = shared;
    const ChatSettings& o = columns.at(index).overrides;
    s.model = o.model;
    if (!o.systemPrompt.isEmpty())
        s.systemPrompt = o.systemPrompt;
    if (o.temperature)
        s.temperature = o.temperature;
    if (o.topP)
        s.topP = o.topP;
    if (o.maxTokens)
        s.maxTokens = o.maxTokens;
    if (o.seed)
        s.seed = o.seed;
    if (!o.reasoningEffort.isEmpty())
        s.reasoningEffort = o.reasoningEffort;
    if (!o.fallbacks.isEmpty())
        s.fallbacks = o.fallbacks;
    return s;
}

QString CompareSetup::columnLabel(int index) const
{
    const ChatSettings& o = columns.at(index).overrides;
    QStringList notes;
    if (o.temperature)
        notes.append(u"t %1"_s.arg(*o.temperature));
    if (o.topP)
        notes.append(u"top p %1"_s.arg(*o.topP));
    if (o.maxTokens)
        notes.append(u"max %1"_s.arg(*o.maxTokens));
    if (o.seed)
        notes.append(u"seed %1"_s.arg(*o.seed));
    if (!o.reasoningEffort.isEmpty())
        notes.append(u"effort "_s + o.reasoningEffort);
    if (!o.systemPrompt.isEmpty())
        notes.append(u"own system prompt"_s);
    int twins = 0; // columns that would carry the same label
    for (const CompareColumnSetup& c : columns)
        twins += c.overrides == o ? 1 : 0;
    if (notes.isEmpty() && twins > 1)
        notes.append(u"#%1"_s.arg(index + 1)); // two identical columns still need telling apart
    return notes.isEmpty() ? o.model : o.model + u" · "_s + notes.join(u", "_s);
}

QByteArray CompareSetup::toJson() const
{
    QJsonArray list;
    for (const CompareColumnSetup& c : columns) {
        QJsonObject column = QJsonDocument::fromJson(c.overrides.toJson()).object();
        if (c.hidden)
            column.insert(u"hidden"_s, true);
        list.append(column);
    }
    QJsonObject o{{u"columns"_s, list},
                  {u"shared"_s, QJsonDocument::fromJson(shared.toJson()).object()},
                  {u"repeat"_s, repeat}};
    if (concurrentRepeats)
        o.insert(u"concurrent_repeats"_s, true);
    if (blind)
        o.insert(u"blind"_s, true);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

CompareSetup CompareSetup::fromJson(const QByteArray& json)
{
    CompareSetup setup;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    for (const QJsonValue& v : o.value("columns"_L1).toArray()) {
        if (!v.isObject())
            continue;
        CompareColumnSetup column;
        column.overrides = ChatSettings::fromJson(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        column.hidden = v.toObject().value("hidden"_L1).toBool();
        if (!column.overrides.model.isEmpty() && setup.columns.size() < kMaxColumns)
            setup.columns.append(column);
    }
    setup.shared = ChatSettings::fromJson(QJsonDocument(o.value("shared"_L1).toObject()).toJson());
    setup.repeat = std::clamp(o.value("repeat"_L1).toInt(1), 1, 100);
    setup.concurrentRepeats = o.value("concurrent_repeats"_L1).toBool();
    setup.blind = o.value("blind"_L1).toBool();
    return setup;
}

} // namespace juxta
