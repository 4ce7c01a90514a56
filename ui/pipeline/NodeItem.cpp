// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/NodeItem.h"

#include "common/Tones.h"
#include "pipeline/PipelineGraph.h"
#include "pipeline/PipelineScene.h"
#include "pipeline/RunTimeline.h"
#include "report/FigureFormat.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr double kHeader = 28;
constexpr double kPortRadius = 5.5;
constexpr double kPortReach = 14;
constexpr double kPortLabel = 40; // room beside a port for its name
constexpr double kFirstPortY = 44;
constexpr double kPortGap = 24;
constexpr int kPreviewLines = 3;
constexpr int kExpandedLines = 14;

// One categorical colour per kind, readable against the palette's base.
QColor kindColour(NodeKind kind, const QPalette& palette)
{
    switch (kind) {
    case NodeKind::Input: return seriesColour(4, palette);
    case NodeKind::Model: return seriesColour(0, palette);
    case NodeKind::Template: return seriesColour(2, palette);
    case NodeKind::Transform: return seriesColour(1, palette);
    case NodeKind::Condition: return seriesColour(3, palette);
    case NodeKind::Merge: return seriesColour(6, palette);
    case NodeKind::Output: return seriesColour(5, palette);
    }
    return seriesColour(6, palette);
}

// The last `count` lines of `text` as they fit `width`: a stream is read from its end.
QStringList lastLines(const QString& text, int count, const QFontMetricsF& metrics, double width)
{
    QStringList lines;
    const QStringList parts = text.right(count * 160).split(u'\n');
    for (qsizetype i = parts.size() - 1; i >= 0 && lines.size() < count; --i) {
        const QString line = parts.at(i).trimmed();
        if (!line.isEmpty() || !lines.isEmpty())
            lines.prepend(metrics.elidedText(line, Qt::ElideRight, width));
    }
    while (!lines.isEmpty() && lines.constFirst().isEmpty())
        lines.removeFirst();
    return lines;
}

// One line of text centred vertically in `box`, drawn at a point: QPainter's rectangle-and-flags form lays the
// text out again on every call, and a canvas draws hundreds of these per frame.
void drawLine(QPainter* painter, const QRectF& box, const QString& text, double ascent, double descent,
              double width = -1)
{
    const double baseline = box.top() + (box.height() - ascent - descent) / 2 + ascent;
    painter->drawText(QPointF(width < 0 ? box.left() : box.right() - width, baseline), text);
}

} // namespace

QString nodeSummary(const Node& n)
{
    switch (n.kind) {
    case NodeKind::Input:
        switch (n.source) {
        case InputSource::Variable: return u"{{%1}}"_s.arg(n.variable.isEmpty() ? n.name : n.variable);
        case InputSource::Text: return QObject::tr("fixed text");
        case InputSource::File: return QObject::tr("file %1").arg(n.file);
        }
        break;
    case NodeKind::Model: {
        QString s = n.model.isEmpty() ? QObject::tr("no model chosen") : n.model;
        if (!n.fallbacks.isEmpty())
            s += QObject::tr(" (+%n fallback(s))", nullptr, int(n.fallbacks.size()));
        return s;
    }
    case NodeKind::Template: return QObject::tr("template");
    case NodeKind::Transform:
        switch (n.op) {
        case TransformOp::Regex: return n.mode == RegexMode::All ? QObject::tr("regex · every match")
                                                                 : QObject::tr("regex · first match");
        case TransformOp::JsonPointer: return QObject::tr("JSON pointer %1").arg(n.pointer);
        case TransformOp::JsonValidate: return QObject::tr("check JSON");
        case TransformOp::Split: return QObject::tr("split");
        case TransformOp::Join: return QObject::tr("join");
        case TransformOp::Script: return QObject::tr("script");
        }
        break;
    case NodeKind::Condition:
        switch (n.test) {
        case ConditionTest::Contains: return QObject::tr("contains “%1”").arg(n.value);
        case ConditionTest::Matches: return QObject::tr("matches /%1/").arg(n.pattern);
        case ConditionTest::Script: return QObject::tr("script");
        }
        break;
    case NodeKind::Merge: return QObject::tr("first input not skipped");
    case NodeKind::Output: return QObject::tr("a result of the run");
    }
    return {};
}

QString nodeKindTitle(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Input: return QObject::tr("Input");
    case NodeKind::Model: return QObject::tr("Model");
    case NodeKind::Template: return QObject::tr("Template");
    case NodeKind::Transform: return QObject::tr("Transform");
    case NodeKind::Condition: return QObject::tr("Condition");
    case NodeKind::Merge: return QObject::tr("Merge");
    case NodeKind::Output: return QObject::tr("Output");
    }
    return {};
}

QString nodeKindHelp(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Input: return QObject::tr("A run variable, fixed text or a file");
    case NodeKind::Model: return QObject::tr("Asks a model, with fallbacks; maps over a list given to items");
    case NodeKind::Template: return QObject::tr("Text with {{name}} filled in");
    case NodeKind::Transform: return QObject::tr("Regex, JSON pointer, JSON check, split, join or a script");
    case NodeKind::Condition: return QObject::tr("Sends its input to then or else");
    case NodeKind::Merge: return QObject::tr("Passes on the first input that was not skipped");
    case NodeKind::Output: return QObject::tr("A result of the run");
    }
    return {};
}

QString nodeStateLabel(NodeState state)
{
    switch (state) {
    case NodeState::Waiting: return QObject::tr("Waiting");
    case NodeState::Running: return QObject::tr("Running");
    case NodeState::Done: return QObject::tr("Done");
    case NodeState::Failed: return QObject::tr("Failed");
    case NodeState::Skipped: return QObject::tr("Skipped");
    case NodeState::Cached: return QObject::tr("Cached");
    }
    return {};
}

NodeItem::NodeItem(const Node& node)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsScenePositionChanges);
    setAcceptHoverEvents(true);
    setNode(node);
}

void NodeItem::setNode(const Node& node)
{
    const bool portsChange = node.kind != m_node.kind;
    if (portsChange)
        prepareGeometryChange();
    m_node = node;
    m_subtitle = nodeSummary(node);
    updateToolTip();
    invalidateText();
}

QStringList NodeItem::inputPorts() const
{
    return inputPortsOf(m_node);
}

QStringList NodeItem::outputPorts() const
{
    return outputPortsOf(m_node);
}

QPointF NodeItem::portPosition(bool output, const QString& port) const
{
    const QStringList ports = output ? outputPorts() : inputPorts();
    const qsizetype index = std::max<qsizetype>(0, ports.indexOf(port));
    return {output ? kWidth : 0.0, kFirstPortY + double(index) * kPortGap};
}

std::optional<NodePort> NodeItem::portAt(QPointF at) const
{
    for (bool output : {false, true}) {
        for (const QString& port : output ? outputPorts() : inputPorts()) {
            const QPointF d = at - portPosition(output, port);
            if (d.x() * d.x() + d.y() * d.y() <= kPortReach * kPortReach)
                return NodePort{m_node.name, output, port};
        }
    }
    return std::nullopt;
}

void NodeItem::setProblems(const QStringList& problems)
{
    if (m_problems == problems)
        return;
    m_problems = problems;
    updateToolTip();
    invalidateText();
}

void NodeItem::setRun(const std::optional<NodeRun>& run)
{
    m_run = run;
    m_figures = run ? nodeRunFiguresLine(*run) : QString();
    m_preview = !run ? QString() : run->state == NodeState::Failed && run->output.asText().isEmpty() ? run->error
                                                                                                 : run->output.asText();
    updateToolTip();
    invalidateText();
}

void NodeItem::setLiveText(const QString& tail)
{
    m_preview = tail;
    invalidateText();
}

void NodeItem::setExpanded(bool expanded)
{
    if (m_expanded == expanded)
        return;
    prepareGeometryChange();
    m_expanded = expanded;
    invalidateText();
}

void NodeItem::setPortHighlight(const QString& port, bool accepted)
{
    m_highlightPort = port;
    m_highlightAccepted = accepted;
    update();
}

void NodeItem::clearPortHighlight()
{
    if (m_highlightPort) {
        m_highlightPort.reset();
        update();
    }
}

void NodeItem::updateToolTip()
{
    QStringList tip{u"%1 — %2"_s.arg(m_node.name, m_subtitle)};
    if (m_run) {
        tip.append(nodeStateLabel(m_run->state) + (m_figures.isEmpty() ? QString() : u": "_s + m_figures));
        if (!m_run->error.isEmpty())
            tip.append(m_run->error);
    }
    for (const QString& p : m_problems)
        tip.append(u"⚠ "_s + p);
    setToolTip(tip.join(u'\n'));
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-kPortLabel - 6, -2, kWidth + 2 * kPortLabel + 12, height() + 4);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(-kPortReach, 0, kWidth + 2 * kPortReach, height()));
    return path;
}

void NodeItem::layoutText(const QFont& font) const
{
    // Elided once per change, not per frame: a canvas of many nodes repaints them all while it pans and zooms.
    if (m_text.valid && m_text.font == font)
        return;
    QFont bold = font;
    bold.setBold(true);
    QFont small = font;
    small.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.8));
    const QFontMetricsF metrics(font), boldMetrics(bold), smallMetrics(small);
    const double textWidth = kWidth - 24;
    m_text.font = font;
    m_text.small = small;
    m_text.bold = bold;
    m_text.kind = nodeKindName(m_node.kind).toUpper();
    m_text.kindWidth = smallMetrics.horizontalAdvance(m_text.kind) + 12;
    m_text.name = boldMetrics.elidedText(m_node.name, Qt::ElideRight, kWidth - 24 - m_text.kindWidth);
    m_text.subtitle = metrics.elidedText(m_subtitle, Qt::ElideMiddle, textWidth);
    m_text.line = metrics.height();
    m_text.smallLine = smallMetrics.height();
    m_text.ascent = metrics.ascent();
    m_text.descent = metrics.descent();
    m_text.smallAscent = smallMetrics.ascent();
    m_text.smallDescent = smallMetrics.descent();
    m_text.boldAscent = boldMetrics.ascent();
    m_text.boldDescent = boldMetrics.descent();
    m_text.kindTextWidth = smallMetrics.horizontalAdvance(m_text.kind);
    QString state;
    if (m_run) {
        state = nodeStateLabel(m_run->state);
        if (m_run->state == NodeState::Failed && !m_run->errorClass.isEmpty())
            state += u" · "_s + m_run->errorClass;
    }
    m_text.state = smallMetrics.elidedText(state, Qt::ElideRight, textWidth - 14);
    double y = kHeader + 6 + m_text.line + 2 + (m_run ? m_text.line : 0);
    const double figuresTop = height() - m_text.line - 6;
    const int lines = std::max(0, std::min(m_expanded ? kExpandedLines : kPreviewLines,
                                           int((figuresTop - y) / m_text.smallLine)));
    m_text.preview = lastLines(m_preview, lines, smallMetrics, textWidth);
    const QString bottom = !m_figures.isEmpty()    ? m_figures
                           : !m_problems.isEmpty() ? QObject::tr("⚠ %1").arg(m_problems.constFirst())
                                                   : QString();
    m_text.bottom = smallMetrics.elidedText(bottom, Qt::ElideRight, textWidth);
    m_text.valid = true;
}

void NodeItem::invalidateText()
{
    m_text.valid = false;
    update();
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QPalette& palette = option->palette;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF body(0, 0, kWidth, height());
    const QColor kind = kindColour(m_node.kind, palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor problem = toneColour(Tone::Warning, palette);

    // Levels of detail. A small graph keeps its text and smooth edges down to about half size; a large one (where a
    // zoomed-out view holds hundreds of nodes) switches sooner, so a frame stays within budget.
    const bool large = scene() && static_cast<const PipelineScene*>(scene())->isLarge();
    if (lod < (large ? 0.4 : 0.25)) { // a block in the kind's colour: the shape of the graph; no text to read
        painter->setRenderHint(QPainter::Antialiasing, false);
        const QColor block = m_problems.isEmpty() ? blendColours(base, kind, 0.35) : problem;
        painter->fillRect(body, isSelected() ? highlight : block);
        painter->fillRect(QRectF(0, 0, kWidth, kHeader), kind);
        if (m_run)
            painter->fillRect(QRectF(0, height() - 12, kWidth, 12), runStateColour(m_run->state, palette));
        return;
    }
    const bool detail = lod >= (large ? 0.75 : 0.45); // below, the name alone
    painter->setRenderHint(QPainter::Antialiasing, !large || detail); // hundreds of small boxes: speed over polish
    const QFont font = painter->font();
    layoutText(font);


    QPen border(isSelected() ? highlight : !m_problems.isEmpty() ? problem : palette.color(QPalette::Mid),
                isSelected() || !m_problems.isEmpty() ? 2.5 : 1);
    painter->setPen(border);
    painter->setBrush(base);
    painter->drawRoundedRect(body, 8, 8);

    static const QPainterPath headerPath = [] { // rounded at the top only
        const QRectF header(1, 1, kWidth - 2, kHeader);
        QPainterPath path;
        path.addRoundedRect(header, 7, 7);
        path.addRect(header.adjusted(0, kHeader / 2, 0, 0));
        return path.simplified();
    }();
    painter->setPen(Qt::NoPen);
    painter->setBrush(blendColours(base, kind, 0.35));
    painter->drawPath(headerPath);
    painter->fillRect(QRectF(1, 1, 5, kHeader), kind);

    painter->setFont(m_text.bold);
    painter->setPen(palette.color(QPalette::Text));
    drawLine(painter, QRectF(12, 1, kWidth - 24 - m_text.kindWidth, kHeader), m_text.name, m_text.boldAscent,
             m_text.boldDescent);
    painter->setFont(m_text.small);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    drawLine(painter, QRectF(kWidth - m_text.kindWidth - 6, 1, m_text.kindWidth, kHeader), m_text.kind,
             m_text.smallAscent, m_text.smallDescent, m_text.kindTextWidth);

    if (detail) {
        const double line = m_text.line;
        const double textWidth = kWidth - 24;
        double y = kHeader + 6;
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::Text));
        drawLine(painter, QRectF(12, y, textWidth, line), m_text.subtitle, m_text.ascent, m_text.descent);
        y += line + 2;
        if (m_run) { // state chip
            painter->setBrush(runStateColour(m_run->state, palette));
            painter->setPen(Qt::NoPen);
            painter->drawEllipse(QPointF(16, y + line / 2), 4, 4);
            painter->setPen(palette.color(QPalette::Text));
            painter->setFont(m_text.small);
            drawLine(painter, QRectF(26, y, textWidth - 14, line), m_text.state, m_text.smallAscent, m_text.smallDescent);
            y += line;
        }
        // The output's last lines, then the figures on the bottom line.
        painter->setFont(m_text.small);
        painter->setPen(palette.color(QPalette::Text));
        for (const QString& l : std::as_const(m_text.preview)) {
            drawLine(painter, QRectF(12, y, textWidth, m_text.smallLine), l, m_text.smallAscent, m_text.smallDescent);
            y += m_text.smallLine;
        }
        if (!m_text.bottom.isEmpty()) {
            painter->setPen(m_figures.isEmpty() ? problem : palette.color(QPalette::PlaceholderText));
            drawLine(painter, QRectF(12, height() - line - 6, textWidth, line), m_text.bottom, m_text.smallAscent,
                     m_text.smallDescent);
        }
    } else if (m_run) { // the state as a stripe, where the text is not drawn
        painter->fillRect(QRectF(1, height() - 8, kWidth - 2, 6), runStateColour(m_run->state, palette));
    }

    // Ports, with their names where there is more than one.
    painter->setFont(m_text.small);
    for (bool output : {false, true}) {
        const QStringList ports = output ? outputPorts() : inputPorts();
        for (const QString& port : ports) {
            const QPointF at = portPosition(output, port);
            const bool lit = !output && m_highlightPort && *m_highlightPort == port;
            const QColor accepted = toneColour(Tone::Positive, palette, ToneUse::Mark);
            const QColor fill = lit ? (m_highlightAccepted ? accepted : problem) : kind;
            painter->setPen(QPen(palette.color(QPalette::Base), 1.5));
            painter->setBrush(fill);
            painter->drawEllipse(at, lit ? kPortRadius + 2 : kPortRadius, lit ? kPortRadius + 2 : kPortRadius);
            if (!port.isEmpty() && detail) { // outside the body, under the port: the text inside stays whole
                painter->setPen(palette.color(QPalette::PlaceholderText));
                const QRectF label = output ? QRectF(at.x() + 4, at.y() + 5, kPortLabel, 12)
                                            : QRectF(at.x() - 4 - kPortLabel, at.y() + 5, kPortLabel, 12);
                painter->drawText(label, (output ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, port);
            }
        }
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemScenePositionHasChanged) {
        if (auto* s = qobject_cast<PipelineScene*>(scene()))
            s->nodeItemMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace juxta
