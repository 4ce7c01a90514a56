// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Pipeline.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

const QList<std::pair<NodeKind, QString>>& kindNames()
{
    static const QList<std::pair<NodeKind, QString>> names{
        {NodeKind::Input, u"input"_s},         {NodeKind::Model, u"model"_s},   {NodeKind::Template, u"template"_s},
        {NodeKind::Transform, u"transform"_s}, {NodeKind::Condition, u"condition"_s},
        {NodeKind::Merge, u"merge"_s},         {NodeKind::Output, u"output"_s},
    };
    return names;
}

} // namespace

QString nodeKindName(NodeKind kind)
{
    for (const auto& [k, name] : kindNames()) {
        if (k == kind)
            return name;
    }
    return {};
}

std::optional<NodeKind> nodeKindFromName(const QString& name)
{
    for (const auto& [k, n] : kindNames()) {
        if (n == name)
            return k;
    }
    return std::nullopt;
}

const Node* Pipeline::node(const QString& id) const
{
    for (const Node& n : nodes) {
        if (n.name == id)
            return &n;
    }
    return nullptr;
}

Node* Pipeline::node(const QString& id)
{
    for (Node& n : nodes) {
        if (n.name == id)
            return &n;
    }
    return nullptr;
}

const Variable* Pipeline::variable(const QString& id) const
{
    for (const Variable& v : variables) {
        if (v.name == id)
            return &v;
    }
    return nullptr;
}

QList<Edge> Pipeline::edgesInto(const QString& id) const
{
    QList<Edge> out;
    for (const Edge& e : edges) {
        if (e.to == id)
            out.append(e);
    }
    return out;
}

QList<Edge> Pipeline::edgesFrom(const QString& id) const
{
    QList<Edge> out;
    for (const Edge& e : edges) {
        if (e.from == id)
            out.append(e);
    }
    return out;
}

bool Pipeline::hasEdge(const QString& from, const QString& to) const
{
    for (const Edge& e : edges) {
        if (e.from == from && e.to == to)
            return true;
    }
    return false;
}

bool isValidName(const QString& name)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_]{0,63}$"_s);
    return pattern.match(name).hasMatch();
}

ChatSettings modelSettingsOf(const Node& n)
{
    ChatSettings s;
    s.model = n.model;
    s.fallbacks = n.fallbacks;
    s.systemPrompt = n.system;
    s.temperature = n.temperature;
    s.topP = n.topP;
    s.maxTokens = n.maxTokens;
    s.seed = n.seed;
    s.reasoningEffort = n.reasoningEffort;
    return s;
}

void setModelSettings(Node& n, const ChatSettings& s)
{
    n.fallbacks = s.fallbacks;
    n.system = s.systemPrompt;
    n.temperature = s.temperature;
    n.topP = s.topP;
    n.maxTokens = s.maxTokens;
    n.seed = s.seed;
    n.reasoningEffort = s.reasoningEffort;
}

QString uniqueName(const Pipeline& pipeline, const QString& base)
{
    QString stem = base.toLower();
    stem.replace(QRegularExpression(u"[^a-z0-9_]+"_s), u"_"_s);
    if (stem.isEmpty() || !stem.front().isLetter())
        stem.prepend(u"node_"_s);
    stem.truncate(56);
    const auto taken = [&pipeline](const QString& name) {
        return pipeline.node(name) != nullptr || pipeline.variable(name) != nullptr || name == u"item"_s;
    };
    if (!taken(stem))
        return stem;
    for (int i = 2;; ++i) {
        const QString candidate = u"%1_%2"_s.arg(stem).arg(i);
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace juxta
