// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/Report.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace juxta {

QString reportKindName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Comparison: return u"comparison"_s;
    case ReportKind::PipelineRun: return u"pipeline_run"_s;
    case ReportKind::Conversation: return u"conversation"_s;
    }
    return {};
}

QString reportKindTitle(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Comparison: return QCoreApplication::translate("Report", "Comparison report");
    case ReportKind::PipelineRun: return QCoreApplication::translate("Report", "Pipeline run report");
    case ReportKind::Conversation: return QCoreApplication::translate("Report", "Conversation report");
    }
    return {};
}

} // namespace juxta
