// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RunTimeline.h"

#include "common/Tones.h"
#include "pipeline/NodeItem.h"
#include "report/FigureFormat.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {
constexpr double kRow = 22;
constexpr double kTop = 8;
constexpr double kAxis = 24;
constexpr double kRight = 16;

// 1, 2 or 5 × 10ⁿ: a tick step giving about `ticks` ticks over `span`.
double niceStep(double span, int ticks)
{
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * magnitude)
            return m * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

QColor runStateColour(NodeState state, const QPalette& palette)
{
    switch (state) {
    case NodeState::Waiting:
    case NodeState::Skipped: return palette.color(QPalette::PlaceholderText);
    case NodeState::Running: return toneColour(Tone::Active, palette);
    case NodeState::Done: return toneColour(Tone::Positive, palette);
    case NodeState::Failed: return toneColour(Tone::Negative, palette);
    case NodeState::Cached: return toneColour(Tone::Cached, palette);
    }
    return palette.color(QPalette::Text);
}

RunTimeline::RunTimeline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"runTimeline"_s);
    setAccessibleName(tr("Run timeline"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void RunTimeline::setRecord(const RunRecord& record, double nowMs)
{
    const bool rowsChange = record.nodes.size() != m_record.nodes.size();
    m_record = record;
    m_nowMs = nowMs;
    m_labelWidth = 60;
    for (const NodeRun& n : m_record.nodes)
        m_labelWidth = std::max(m_labelWidth, double(fontMetrics().horizontalAdvance(n.node)) + 16);
    m_labelWidth = std::min(m_labelWidth, 220.0);
    QStringList summary;
    for (const NodeRun& n : m_record.nodes)
        summary.append(u"%1: %2, %3 to %4"_s.arg(n.node, nodeStateLabel(n.state), formatDuration(n.startedMs),
                                                 formatDuration(isFinal(n.state) ? n.finishedMs : nowMs)));
    setAccessibleDescription(summary.join(u"; "_s));
    if (rowsChange)
        updateGeometry();
    update();
}

QSize RunTimeline::sizeHint() const
{
    return {320, int(kTop + kAxis + kRow * std::max<qsizetype>(2, m_record.nodes.size()) + 8)};
}

QSize RunTimeline::minimumSizeHint() const
{
    return {240, int(kTop + kAxis + kRow * 2)};
}

double RunTimeline::axisEndMs() const
{
    double end = std::max(m_record.wallMs, m_nowMs);
    for (const NodeRun& n : m_record.nodes)
        end = std::max(end, n.finishedMs);
    return std::max(end, 1.0);
}

QRectF RunTimeline::barRect(int row, const NodeRun& run) const
{
    const double plot = std::max(10.0, width() - m_labelWidth - kRight);
    const double end = axisEndMs();
    const double from = run.state == NodeState::Waiting ? 0 : run.startedMs;
    const double to = isFinal(run.state) ? run.finishedMs : run.state == NodeState::Running ? m_nowMs : from;
    const double x0 = m_labelWidth + plot * from / end;
    const double x1 = m_labelWidth + plot * std::max(from, to) / end;
    return QRectF(x0, kTop + row * kRow + 4, std::max(3.0, x1 - x0), kRow - 8);
}

void RunTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    if (m_record.nodes.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Run the pipeline to see where the time goes."));
        return;
    }
    const double end = axisEndMs();
    const double plot = std::max(10.0, width() - m_labelWidth - kRight);
    const double bottom = kTop + kRow * m_record.nodes.size();

    // Grid and axis labels
    QColor grid = pal.color(QPalette::WindowText);
    grid.setAlphaF(0.12f);
    const double step = niceStep(end, std::max(2, int(plot / 90)));
    painter.setFont(font());
    for (double t = 0; t <= end + 1e-9; t += step) {
        const double x = m_labelWidth + plot * t / end;
        painter.setPen(grid);
        painter.drawLine(QPointF(x, kTop), QPointF(x, bottom));
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(x - 45, bottom + 4, 90, kAxis - 6), Qt::AlignHCenter | Qt::AlignTop, formatDuration(t));
    }
    for (int row = 0; row < m_record.nodes.size(); ++row) {
        const NodeRun& n = m_record.nodes.at(row);
        const double y = kTop + row * kRow;
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRectF(4, y, m_labelWidth - 10, kRow), Qt::AlignVCenter | Qt::AlignRight,
                         fontMetrics().elidedText(n.node, Qt::ElideMiddle, int(m_labelWidth - 10)));
        if (n.state == NodeState::Waiting)
            continue;
        const QRectF bar = barRect(row, n);
        const QColor colour = runStateColour(n.state, pal);
        painter.setPen(Qt::NoPen);
        QRectF generating = bar;
        if (n.ttftMs && n.state != NodeState::Cached) { // the wait for the first token, drawn lighter
            QColor wait = colour;
            wait.setAlphaF(0.4f);
            painter.setBrush(wait);
            painter.drawRoundedRect(bar, 3, 3);
            const double x = m_labelWidth + plot * std::min(n.startedMs + *n.ttftMs, end) / end;
            generating.setLeft(std::clamp(x, bar.left(), bar.right()));
        }
        painter.setBrush(colour);
        painter.drawRoundedRect(generating, 3, 3);
    }
    painter.setPen(grid);
    painter.drawLine(QPointF(m_labelWidth, bottom), QPointF(m_labelWidth + plot, bottom));
}

bool RunTimeline::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        for (int row = 0; row < m_record.nodes.size(); ++row) {
            const NodeRun& n = m_record.nodes.at(row);
            if (barRect(row, n).adjusted(-2, -4, 2, 4).contains(help->pos())) {
                QString tip = u"%1 — %2"_s.arg(n.node, nodeStateLabel(n.state));
                const QString figures = nodeRunFiguresLine(n);
                if (!figures.isEmpty())
                    tip += u"\n"_s + figures;
                tip += u"\n"_s + tr("from %1 to %2").arg(formatDuration(n.startedMs),
                                                          formatDuration(isFinal(n.state) ? n.finishedMs : m_nowMs));
                QToolTip::showText(help->globalPos(), tip, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace juxta
