// SPDX-License-Identifier: GPL-3.0-or-later
// One node on the canvas, painted by itself (no widget inside): its kind and name, what it does, its state in the
// run, the last lines of its output as they stream, and its figures once known. Zoomed out it draws less — the name
// only, then a coloured block — so a thousand nodes stay quick. Ports: inputs on the left (a model's "items" below
// its main input), outputs on the right (a condition's "then" and "else").
#pragma once

#include "pipeline/Pipeline.h"
#include "pipeline/RunRecord.h"

#include <QFont>
#include <QGraphicsItem>
#include <optional>

namespace juxta {

struct NodePort
{
    QString node;
    bool output = false;
    QString name; // "" (the main port), "items", "then", "else"
};

class NodeItem final : public QGraphicsItem
{
public:
    static constexpr double kWidth = 224;
    static constexpr double kHeight = 136;
    static constexpr double kExpandedHeight = 300;
    static constexpr int kType = UserType + 1;

    explicit NodeItem(const Node& node);

    void setNode(const Node& node);
    const QString& name() const { return m_node.name; }
    const Node& node() const { return m_node; }

    QStringList inputPorts() const;
    QStringList outputPorts() const;
    QPointF portPosition(bool output, const QString& port) const; // in item coordinates
    // The port within reach of `at` (item coordinates), if any.
    std::optional<NodePort> portAt(QPointF at) const;

    void setProblems(const QStringList& problems);
    bool hasProblems() const { return !m_problems.isEmpty(); }
    // The run's view of this node; nullopt clears it. `live`: the end of the text streaming now.
    void setRun(const std::optional<NodeRun>& run);
    void setLiveText(const QString& tail);
    std::optional<NodeState> state() const { return m_run ? std::optional(m_run->state) : std::nullopt; }
    const QString& figures() const { return m_figures; }
    QString previewText() const { return m_preview; }
    void setExpanded(bool expanded);
    bool isExpanded() const { return m_expanded; }
    void setPortHighlight(const QString& port, bool accepted); // while a connection is dragged over it
    void clearPortHighlight();

    int type() const override { return kType; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override; // the body and its ports: the room for port names is not the node
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void updateToolTip();
    void layoutText(const QFont& font) const;
    void invalidateText();
    double height() const { return m_expanded ? kExpandedHeight : kHeight; }

    Node m_node;
    QString m_subtitle;
    QStringList m_problems;
    std::optional<NodeRun> m_run;
    QString m_preview;
    QString m_figures;
    bool m_expanded = false;
    std::optional<QString> m_highlightPort;
    bool m_highlightAccepted = false;
    struct TextLayout // what paint() draws, elided for the font it was last drawn with
    {
        bool valid = false;
        QFont font, small, bold;
        QString kind, name, subtitle, state, bottom;
        QStringList preview;
        double kindWidth = 0, kindTextWidth = 0, line = 0, smallLine = 0;
        double ascent = 0, descent = 0, smallAscent = 0, smallDescent = 0, boldAscent = 0, boldDescent = 0;
    };
    mutable TextLayout m_text;
};

// What a node does, in a few words: "openai/gpt-4o-mini", "regex · first", "contains “yes”".
QString nodeSummary(const Node& node);
QString nodeStateLabel(NodeState state); // "Running", "Done", …
QString nodeKindTitle(NodeKind kind);     // "Model", "Template", … (the palette's and the inspector's words)
QString nodeKindHelp(NodeKind kind);      // one sentence on what a node of that kind does

} // namespace juxta
