// SPDX-License-Identifier: GPL-3.0-or-later
// `juxta compare --events`: the comparison as it happens, one JSON object per line on standard output, flushed as
// soon as it is known, so a script (or a test that kills the process) sees exactly what had arrived:
//   {"event":"start","comparison_id":…,"models":[…]}
//   {"event":"text","lane":0,"model":…,"run":0,"text":"…"}      new answer text of a run
//   {"event":"retry","lane":…,"run":…,"failure":"…","delay_ms":…}
//   {"event":"restart","lane":…,"run":…}                         a fallback starts the answer again
//   {"event":"run_finished","lane":…,"run":…,"answer_id":…,"state":"complete"}
//   {"event":"finished","result":{…the --json object…}}
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace juxta {
class AnswerRun;
class Comparison;
}

namespace juxta::cli {

class CompareEvents final : public QObject
{
    Q_OBJECT

public:
    // Prints nothing unless `enabled`.
    CompareEvents(Comparison& comparison, QStringList models, bool enabled);
    void finish(const QJsonObject& result);

private:
    void watch(int lane, AnswerRun* run, int index);
    void print(const QJsonObject& event);

    Comparison& m_comparison;
    QStringList m_models;
    bool m_enabled;
};

} // namespace juxta::cli
