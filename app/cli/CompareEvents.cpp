// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompareEvents.h"

#include "answer/AnswerRun.h"
#include "cli/CommandLine.h"
#include "compare/Comparison.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

using namespace Qt::StringLiterals;

namespace juxta::cli {

CompareEvents::CompareEvents(Comparison& comparison, QStringList models, bool enabled)
    : m_comparison(comparison)
    , m_models(std::move(models))
    , m_enabled(enabled)
{
    if (!m_enabled)
        return;
    connect(&m_comparison, &Comparison::lanesBound, this, [this] {
        print({{u"event"_s, u"start"_s},
               {u"comparison_id"_s, m_comparison.record().id},
               {u"models"_s, QJsonArray::fromStringList(m_models)}});
        for (int lane = 0; lane < m_comparison.lanes().size(); ++lane) {
            auto runs = std::make_shared<int>(0);
            connect(m_comparison.lanes().at(lane), &ComparisonLane::runStarted, this,
                    [this, lane, runs](AnswerRun* run) { watch(lane, run, (*runs)++); });
        }
    });
}

void CompareEvents::watch(int lane, AnswerRun* run, int index)
{
    const QJsonObject where{{u"lane"_s, lane}, {u"model"_s, m_models.value(lane)}, {u"run"_s, index}};
    const auto with = [where](std::initializer_list<std::pair<QString, QJsonValue>> fields) {
        QJsonObject event = where;
        for (const auto& [key, value] : fields)
            event.insert(key, value);
        return event;
    };
    auto printed = std::make_shared<qsizetype>(0);
    connect(run, &AnswerRun::grew, this, [this, run, printed, with] {
        const QStringView fresh = run->transcript().textFrom(*printed);
        *printed = run->transcript().length();
        if (!fresh.isEmpty())
            print(with({{u"event"_s, u"text"_s}, {u"text"_s, fresh.toString()}}));
    });
    connect(run, &AnswerRun::restarted, this, [this, printed, with] {
        *printed = 0;
        print(with({{u"event"_s, u"restart"_s}}));
    });
    connect(run, &AnswerRun::retryScheduled, this, [this, with](const QString& failure, int delayMs) {
        print(with({{u"event"_s, u"retry"_s}, {u"failure"_s, failure}, {u"delay_ms"_s, delayMs}}));
    });
    connect(run, &AnswerRun::finished, this, [this, with](const MessageRecord& answer) {
        print(with({{u"event"_s, u"run_finished"_s},
                    {u"answer_id"_s, answer.id},
                    {u"state"_s, messageStateName(answer.state)}}));
    });
}

void CompareEvents::finish(const QJsonObject& result)
{
    if (m_enabled)
        print({{u"event"_s, u"finished"_s}, {u"result"_s, result}});
}

void CompareEvents::print(const QJsonObject& event)
{
    printOut(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace juxta::cli
