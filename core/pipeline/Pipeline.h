// SPDX-License-Identifier: GPL-3.0-or-later
// A pipeline as plain values: named nodes of a few kinds, edges between them, run-time variables and where each
// node sits on the canvas. Nothing here runs or checks anything (PipelineRunner, PipelineValidator); the editor
// changes it only through PipelineDocument, and PipelineFile reads and writes it.
#pragma once

#include "answer/ChatSettings.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <optional>

namespace juxta {

enum class NodeKind { Input, Model, Template, Transform, Condition, Merge, Output };
QString nodeKindName(NodeKind kind); // "input", "model", …
std::optional<NodeKind> nodeKindFromName(const QString& name);

enum class InputSource { Variable, Text, File };
enum class JsonOutput { None, Object, Schema }; // a model's answer: free text, any JSON object, or a schema's
enum class TransformOp { Regex, JsonPointer, JsonValidate, Split, Join, Script };
enum class RegexMode { First, All };            // the first match (or its group), or every match as a list
enum class SplitBy { Separator, Paragraphs, Tokens };
enum class ConditionTest { Contains, Matches, Script };

// One step. The fields a kind does not use keep their defaults (and are not written to the file).
struct Node
{
    QString name; // [a-z][a-z0-9_]*, unique: also its id in the file and how templates refer to its output
    NodeKind kind = NodeKind::Template;

    // Input
    InputSource source = InputSource::Variable;
    QString variable;   // the variable it passes on (empty: the one named like the node)
    QString file;       // a file's contents, relative to the pipeline's folder
    // Input (fixed text) and Template (the template)
    QString text;

    // Model: a target with fallbacks ("profile/model" only), prompt and the chat's parameters
    QString model;
    QStringList fallbacks;
    QString system;
    QString prompt;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<qint64> seed;
    QString reasoningEffort;
    JsonOutput json = JsonOutput::None;
    QByteArray schema;      // JSON Schema (compact JSON text) when json is Schema
    QString continues;      // an upstream Model node whose conversation this one continues
    int concurrency = 4;    // given a list: how many items run at once

    // Transform
    TransformOp op = TransformOp::Regex;
    RegexMode mode = RegexMode::First;
    QString group;          // Regex: a named or numbered group; empty: the whole match
    QString pointer;        // JsonPointer: RFC 6901
    SplitBy by = SplitBy::Paragraphs;
    QString separator;      // Split (by separator) and Join
    int size = 500;         // Split by tokens: tokens per piece (~4 characters each)
    int overlap = 0;        // Split by tokens: tokens repeated at the start of the next piece
    int timeoutMs = 1000;   // Script (Transform and Condition): then it is interrupted

    // Regex (Transform), Matches (Condition): the pattern; Script: the JavaScript expression
    QString pattern;
    QString script;
    // Condition
    ConditionTest test = ConditionTest::Contains;
    QString value;          // Contains: the text looked for (case-insensitive)

    bool operator==(const Node&) const = default;
};

// Data flows `from` → `to`. From a Condition, `branch` is "then" or "else"; into a Model, `port` "items" is the
// list it maps over (one answer per item). Otherwise both are empty: the node refers to `from` by name.
struct Edge
{
    QString from;
    QString to;
    QString branch;
    QString port;

    bool operator==(const Edge&) const = default;
};
inline const QString kThen = QStringLiteral("then");
inline const QString kElse = QStringLiteral("else");
inline const QString kItemsPort = QStringLiteral("items");

struct Variable
{
    QString name;
    QString defaultValue;
    QString description;

    bool operator==(const Variable&) const = default;
};

struct Pipeline
{
    QString name;
    QString description;
    QList<Variable> variables;
    QList<Node> nodes;
    QList<Edge> edges;                 // in the order they were made: a Merge takes the first input not skipped
    QHash<QString, QPointF> positions; // on the canvas, by node name

    bool operator==(const Pipeline&) const = default;

    const Node* node(const QString& id) const;
    Node* node(const QString& id);
    const Variable* variable(const QString& id) const;
    QList<Edge> edgesInto(const QString& id) const;
    QList<Edge> edgesFrom(const QString& id) const;
    bool hasEdge(const QString& from, const QString& to) const;
};

// A model node's settings as the chat's (model, fallbacks, system prompt, sampling, reasoning effort), and back:
// one mapping for the runner and the editor's parameters panel. Setting them leaves the model as it is.
ChatSettings modelSettingsOf(const Node& node);
void setModelSettings(Node& node, const ChatSettings& settings);

// [a-z][a-z0-9_]*, at most 64 characters: node and variable names.
bool isValidName(const QString& name);
// A fresh name from `base` ("summary", "summary_2", …) that no node or variable has yet.
QString uniqueName(const Pipeline& pipeline, const QString& base);

} // namespace juxta

Q_DECLARE_METATYPE(juxta::Edge) // queued signals carry edges
