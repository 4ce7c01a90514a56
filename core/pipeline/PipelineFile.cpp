// SPDX-License-Identifier: GPL-3.0-or-later
// About 680 lines, over the house budget on purpose: strict reading of every field of every node kind (each error
// naming its place) and canonical writing of the same fields belong together — split, both halves would share the
// value-name tables and the field reader, and a new field would have to be added in two files.
#include "pipeline/PipelineFile.h"

#include "common/JsonNesting.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

using Json = nlohmann::ordered_json;

const char* const kFormat = "juxta.pipeline";

// Keys a pipeline must never carry: a shared file names profiles by id; where they point and how to log in stays
// in the user's own configuration.
const QStringList kForbiddenKeys{u"base_url"_s, u"baseurl"_s, u"url"_s, u"endpoint"_s, u"headers"_s, u"header"_s,
                                 u"api_key"_s, u"apikey"_s, u"key"_s, u"key_env"_s, u"authorization"_s,
                                 u"token"_s, u"password"_s, u"secret"_s};

struct Names
{
    QList<std::pair<int, QString>> entries;
    QString nameOf(int value) const
    {
        for (const auto& [v, n] : entries) {
            if (v == value)
                return n;
        }
        return {};
    }
    std::optional<int> valueOf(const QString& name) const
    {
        for (const auto& [v, n] : entries) {
            if (n == name)
                return v;
        }
        return std::nullopt;
    }
    QString list() const
    {
        QStringList names;
        for (const auto& entry : entries)
            names.append(entry.second);
        return names.join(u", "_s);
    }
};

const Names kSources{{{int(InputSource::Variable), u"variable"_s}, {int(InputSource::Text), u"text"_s},
                      {int(InputSource::File), u"file"_s}}};
const Names kJsonModes{{{int(JsonOutput::None), u"none"_s}, {int(JsonOutput::Object), u"object"_s},
                        {int(JsonOutput::Schema), u"schema"_s}}};
const Names kOps{{{int(TransformOp::Regex), u"regex"_s}, {int(TransformOp::JsonPointer), u"json_pointer"_s},
                  {int(TransformOp::JsonValidate), u"json_validate"_s}, {int(TransformOp::Split), u"split"_s},
                  {int(TransformOp::Join), u"join"_s}, {int(TransformOp::Script), u"script"_s}}};
const Names kModes{{{int(RegexMode::First), u"first"_s}, {int(RegexMode::All), u"all"_s}}};
const Names kSplits{{{int(SplitBy::Separator), u"separator"_s}, {int(SplitBy::Paragraphs), u"paragraphs"_s},
                     {int(SplitBy::Tokens), u"tokens"_s}}};
const Names kTests{{{int(ConditionTest::Contains), u"contains"_s}, {int(ConditionTest::Matches), u"matches"_s},
                    {int(ConditionTest::Script), u"script"_s}}};

std::string str(const QString& s)
{
    return s.toStdString();
}

QString qstr(const Json& value)
{
    const auto& s = value.get_ref<const std::string&>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Reads one object's fields with the place it is at, for errors people can act on.
class Reader
{
public:
    Reader(const Json& object, QString where) : m_object(object), m_where(std::move(where)) {}

    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    const QString& where() const { return m_where; }

    void allow(const QStringList& keys)
    {
        if (failed())
            return;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            if (kForbiddenKeys.contains(key.toLower())) {
                fail(key, u"not allowed: a pipeline names profiles by id only (where they point and their keys stay "
                          "in your own settings)"_s);
                return;
            }
            if (!keys.contains(key)) {
                fail(key, u"unknown field"_s);
                return;
            }
        }
    }

    QString text(const char* key, bool required = false)
    {
        const Json* v = find(key, required);
        if (!v)
            return {};
        if (!v->is_string()) {
            fail(QString::fromLatin1(key), u"expected text"_s);
            return {};
        }
        return qstr(*v);
    }

    std::optional<double> number(const char* key, double min, double max)
    {
        const Json* v = find(key, false);
        if (!v)
            return std::nullopt;
        if (!v->is_number()) {
            fail(QString::fromLatin1(key), u"expected a number"_s);
            return std::nullopt;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < min || d > max) {
            fail(QString::fromLatin1(key), u"must be between %1 and %2"_s.arg(min).arg(max));
            return std::nullopt;
        }
        return d;
    }

    std::optional<qint64> integer(const char* key, qint64 min, qint64 max)
    {
        const Json* v = find(key, false);
        if (!v)
            return std::nullopt;
        if (!v->is_number_integer()) {
            fail(QString::fromLatin1(key), u"expected a whole number"_s);
            return std::nullopt;
        }
        const qint64 i = v->get<qint64>();
        if (i < min || i > max) {
            fail(QString::fromLatin1(key), u"must be between %1 and %2"_s.arg(min).arg(max));
            return std::nullopt;
        }
        return i;
    }

    QStringList texts(const char* key)
    {
        const Json* v = find(key, false);
        if (!v)
            return {};
        if (!v->is_array()) {
            fail(QString::fromLatin1(key), u"expected a list of text"_s);
            return {};
        }
        QStringList out;
        for (const Json& item : *v) {
            if (!item.is_string()) {
                fail(QString::fromLatin1(key), u"expected a list of text"_s);
                return {};
            }
            out.append(qstr(item));
        }
        return out;
    }

    template <typename Enum>
    Enum choice(const char* key, const Names& names, Enum fallback)
    {
        const QString name = text(key);
        if (failed() || name.isEmpty())
            return fallback;
        const std::optional<int> value = names.valueOf(name);
        if (!value) {
            fail(QString::fromLatin1(key), u"\"%1\" is not one of %2"_s.arg(name, names.list()));
            return fallback;
        }
        return Enum(*value);
    }

    const Json* object(const char* key)
    {
        const Json* v = find(key, false);
        if (v && !v->is_object()) {
            fail(QString::fromLatin1(key), u"expected an object"_s);
            return nullptr;
        }
        return v;
    }

    void fail(const QString& key, const QString& message)
    {
        if (m_error.isEmpty())
            m_error = u"%1.%2: %3"_s.arg(m_where, key, message);
    }

private:
    const Json* find(const char* key, bool required)
    {
        if (failed())
            return nullptr;
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) {
            if (required)
                fail(QString::fromLatin1(key), u"missing"_s);
            return nullptr;
        }
        return &*it;
    }

    const Json& m_object;
    QString m_where;
    QString m_error;
};

QStringList keysFor(NodeKind kind)
{
    QStringList common{u"name"_s, u"kind"_s};
    switch (kind) {
    case NodeKind::Input: return common + QStringList{u"source"_s, u"variable"_s, u"text"_s, u"file"_s};
    case NodeKind::Model:
        return common + QStringList{u"model"_s, u"fallbacks"_s, u"system"_s, u"prompt"_s, u"temperature"_s,
                                    u"top_p"_s, u"max_tokens"_s, u"seed"_s, u"reasoning_effort"_s, u"json"_s,
                                    u"schema"_s, u"continues"_s, u"concurrency"_s};
    case NodeKind::Template: return common + QStringList{u"text"_s};
    case NodeKind::Transform:
        return common + QStringList{u"op"_s, u"pattern"_s, u"mode"_s, u"group"_s, u"pointer"_s, u"schema"_s,
                                    u"by"_s, u"separator"_s, u"size"_s, u"overlap"_s, u"script"_s, u"timeout_ms"_s};
    case NodeKind::Condition:
        return common + QStringList{u"test"_s, u"value"_s, u"pattern"_s, u"script"_s, u"timeout_ms"_s};
    case NodeKind::Merge:
    case NodeKind::Output: return common;
    }
    return common;
}

std::optional<Node> readNode(const Json& json, int index, QString& error)
{
    const QString where = u"nodes[%1]"_s.arg(index);
    if (!json.is_object()) {
        error = where + u": expected an object"_s;
        return std::nullopt;
    }
    Node node;
    Reader probe(json, where);
    node.name = probe.text("name", true);
    const QString kindName = probe.text("kind", true);
    if (probe.failed()) {
        error = probe.error();
        return std::nullopt;
    }
    Reader r(json, u"%1 (%2)"_s.arg(where, node.name));
    if (!isValidName(node.name)) {
        r.fail(u"name"_s, u"\"%1\" is not a valid name (a lowercase letter, then letters, digits or _)"_s.arg(node.name));
        error = r.error();
        return std::nullopt;
    }
    const std::optional<NodeKind> kind = nodeKindFromName(kindName);
    if (!kind) {
        r.fail(u"kind"_s, u"\"%1\" is not a node kind (input, model, template, transform, condition, merge, "
                          "output)"_s.arg(kindName));
        error = r.error();
        return std::nullopt;
    }
    node.kind = *kind;
    r.allow(keysFor(node.kind));
    switch (node.kind) {
    case NodeKind::Input:
        node.source = r.choice("source", kSources, InputSource::Variable);
        node.variable = r.text("variable");
        node.text = r.text("text");
        node.file = r.text("file");
        break;
    case NodeKind::Model: {
        node.model = r.text("model", true);
        node.fallbacks = r.texts("fallbacks");
        node.system = r.text("system");
        node.prompt = r.text("prompt");
        node.temperature = r.number("temperature", 0, 2);
        node.topP = r.number("top_p", 0, 1);
        if (const auto v = r.integer("max_tokens", 1, 10'000'000))
            node.maxTokens = int(*v);
        node.seed = r.integer("seed", -9'000'000'000'000'000'000LL, 9'000'000'000'000'000'000LL);
        node.reasoningEffort = r.text("reasoning_effort");
        if (!node.reasoningEffort.isEmpty()
            && !QStringList{u"low"_s, u"medium"_s, u"high"_s}.contains(node.reasoningEffort))
            r.fail(u"reasoning_effort"_s, u"must be low, medium or high"_s);
        node.json = r.choice("json", kJsonModes, JsonOutput::None);
        if (const Json* schema = r.object("schema"))
            node.schema = QByteArray::fromStdString(schema->dump());
        node.continues = r.text("continues");
        if (const auto v = r.integer("concurrency", 1, 64))
            node.concurrency = int(*v);
        for (const QString& reference : QStringList{node.model} + node.fallbacks) {
            // profile/model, the profile an id: "https://host/v1" is a URL, not a profile.
            static const QRegularExpression profileId(u"^[A-Za-z0-9][A-Za-z0-9_.-]*$"_s);
            const qsizetype slash = reference.indexOf(u'/');
            if (slash <= 0 || slash == reference.size() - 1 || reference.contains(u"://"_s)
                || !profileId.match(reference.left(slash)).hasMatch()) {
                r.fail(u"model"_s, u"\"%1\" is not profile/model (a profile's id, then the model)"_s.arg(reference));
                break;
            }
        }
        break;
    }
    case NodeKind::Template: node.text = r.text("text"); break;
    case NodeKind::Transform:
        node.op = r.choice("op", kOps, TransformOp::Regex);
        node.pattern = r.text("pattern");
        node.mode = r.choice("mode", kModes, RegexMode::First);
        node.group = r.text("group");
        node.pointer = r.text("pointer");
        if (const Json* schema = r.object("schema"))
            node.schema = QByteArray::fromStdString(schema->dump());
        node.by = r.choice("by", kSplits, SplitBy::Paragraphs);
        node.separator = r.text("separator");
        if (const auto v = r.integer("size", 1, 1'000'000))
            node.size = int(*v);
        if (const auto v = r.integer("overlap", 0, 1'000'000))
            node.overlap = int(*v);
        node.script = r.text("script");
        if (const auto v = r.integer("timeout_ms", 1, 600'000))
            node.timeoutMs = int(*v);
        break;
    case NodeKind::Condition:
        node.test = r.choice("test", kTests, ConditionTest::Contains);
        node.value = r.text("value");
        node.pattern = r.text("pattern");
        node.script = r.text("script");
        if (const auto v = r.integer("timeout_ms", 1, 600'000))
            node.timeoutMs = int(*v);
        break;
    case NodeKind::Merge:
    case NodeKind::Output: break;
    }
    if (r.failed()) {
        error = r.error();
        return std::nullopt;
    }
    return node;
}

Json writeNode(const Node& n)
{
    Json j;
    j["name"] = str(n.name);
    j["kind"] = str(nodeKindName(n.kind));
    const auto textIf = [&j](const char* key, const QString& value) {
        if (!value.isEmpty())
            j[key] = str(value);
    };
    const auto schemaIf = [&j](const QByteArray& schema) {
        if (schema.isEmpty())
            return;
        const Json parsed = Json::parse(schema.constBegin(), schema.constEnd(), nullptr, false);
        if (!parsed.is_discarded())
            j["schema"] = parsed;
    };
    switch (n.kind) {
    case NodeKind::Input:
        j["source"] = str(kSources.nameOf(int(n.source)));
        textIf("variable", n.variable);
        textIf("text", n.text);
        textIf("file", n.file);
        break;
    case NodeKind::Model:
        j["model"] = str(n.model);
        if (!n.fallbacks.isEmpty()) {
            Json list = Json::array();
            for (const QString& f : n.fallbacks)
                list.push_back(str(f));
            j["fallbacks"] = list;
        }
        textIf("system", n.system);
        textIf("prompt", n.prompt);
        if (n.temperature)
            j["temperature"] = *n.temperature;
        if (n.topP)
            j["top_p"] = *n.topP;
        if (n.maxTokens)
            j["max_tokens"] = *n.maxTokens;
        if (n.seed)
            j["seed"] = *n.seed;
        textIf("reasoning_effort", n.reasoningEffort);
        if (n.json != JsonOutput::None)
            j["json"] = str(kJsonModes.nameOf(int(n.json)));
        schemaIf(n.schema);
        textIf("continues", n.continues);
        if (n.concurrency != Node().concurrency)
            j["concurrency"] = n.concurrency;
        break;
    case NodeKind::Template: j["text"] = str(n.text); break;
    case NodeKind::Transform:
        j["op"] = str(kOps.nameOf(int(n.op)));
        switch (n.op) {
        case TransformOp::Regex:
            j["pattern"] = str(n.pattern);
            j["mode"] = str(kModes.nameOf(int(n.mode)));
            textIf("group", n.group);
            break;
        case TransformOp::JsonPointer: j["pointer"] = str(n.pointer); break;
        case TransformOp::JsonValidate: schemaIf(n.schema); break;
        case TransformOp::Split:
            j["by"] = str(kSplits.nameOf(int(n.by)));
            if (n.by == SplitBy::Separator)
                j["separator"] = str(n.separator);
            if (n.by == SplitBy::Tokens) {
                j["size"] = n.size;
                if (n.overlap > 0)
                    j["overlap"] = n.overlap;
            }
            break;
        case TransformOp::Join: j["separator"] = str(n.separator); break;
        case TransformOp::Script:
            j["script"] = str(n.script);
            if (n.timeoutMs != Node().timeoutMs)
                j["timeout_ms"] = n.timeoutMs;
            break;
        }
        break;
    case NodeKind::Condition:
        j["test"] = str(kTests.nameOf(int(n.test)));
        switch (n.test) {
        case ConditionTest::Contains: j["value"] = str(n.value); break;
        case ConditionTest::Matches: j["pattern"] = str(n.pattern); break;
        case ConditionTest::Script:
            j["script"] = str(n.script);
            if (n.timeoutMs != Node().timeoutMs)
                j["timeout_ms"] = n.timeoutMs;
            break;
        }
        break;
    case NodeKind::Merge:
    case NodeKind::Output: break;
    }
    return j;
}

} // namespace

std::optional<Pipeline> readPipeline(const QByteArray& bytes, QString& error)
{
    error.clear(); // read below as "something failed"
    if (bytes.size() > kMaxPipelineFileBytes) {
        error = u"the file is larger than %1 MiB"_s.arg(kMaxPipelineFileBytes / (1024 * 1024));
        return std::nullopt;
    }
    if (jsonNesting(bytes, kMaxPipelineNesting) > kMaxPipelineNesting) { // refused before it is parsed
        error = u"the file nests deeper than %1 levels"_s.arg(kMaxPipelineNesting);
        return std::nullopt;
    }
    const Json root = Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (root.is_discarded()) {
        error = u"not valid JSON"_s;
        return std::nullopt;
    }
    if (!root.is_object()) {
        error = u"expected a JSON object"_s;
        return std::nullopt;
    }
    Reader top(root, u"pipeline"_s);
    if (top.text("format", true) != QString::fromLatin1(kFormat)) {
        error = top.failed() ? top.error() : u"not a Juxta pipeline (\"format\" is not \"%1\")"_s.arg(QString::fromLatin1(kFormat));
        return std::nullopt;
    }
    const std::optional<qint64> version = top.integer("version", 1, 1'000'000);
    if (!version) {
        error = top.failed() ? top.error() : u"pipeline.version: missing"_s;
        return std::nullopt;
    }
    if (*version > kPipelineFormatVersion) {
        error = u"written by a newer Juxta (format version %1; this one reads version %2)"_s.arg(*version).arg(
            kPipelineFormatVersion);
        return std::nullopt;
    }
    top.allow({u"format"_s, u"version"_s, u"name"_s, u"description"_s, u"variables"_s, u"nodes"_s, u"edges"_s,
               u"layout"_s});
    Pipeline p;
    p.name = top.text("name");
    p.description = top.text("description");
    if (top.failed()) {
        error = top.error();
        return std::nullopt;
    }
    const auto listAt = [&root, &error](const char* key) -> const Json* {
        const auto it = root.find(key);
        if (it == root.end())
            return nullptr;
        if (!it->is_array()) {
            error = u"pipeline.%1: expected a list"_s.arg(QString::fromLatin1(key));
            return nullptr;
        }
        return &*it;
    };
    if (const Json* variables = listAt("variables")) {
        int index = 0;
        for (const Json& v : *variables) {
            const QString where = u"variables[%1]"_s.arg(index++);
            if (!v.is_object()) {
                error = where + u": expected an object"_s;
                return std::nullopt;
            }
            Reader r(v, where);
            r.allow({u"name"_s, u"default"_s, u"description"_s});
            Variable variable{r.text("name", true), r.text("default"), r.text("description")};
            if (!r.failed() && !isValidName(variable.name))
                r.fail(u"name"_s, u"\"%1\" is not a valid name"_s.arg(variable.name));
            if (!r.failed() && p.variable(variable.name))
                r.fail(u"name"_s, u"\"%1\" is declared twice"_s.arg(variable.name));
            if (r.failed()) {
                error = r.error();
                return std::nullopt;
            }
            p.variables.append(variable);
        }
    }
    if (!error.isEmpty())
        return std::nullopt;
    if (const Json* nodes = listAt("nodes")) {
        int index = 0;
        for (const Json& n : *nodes) {
            std::optional<Node> node = readNode(n, index, error);
            if (!node)
                return std::nullopt;
            if (p.node(node->name)) {
                error = u"nodes[%1]: the name \"%2\" is used twice"_s.arg(index).arg(node->name);
                return std::nullopt;
            }
            p.nodes.append(*node);
            ++index;
        }
    }
    if (!error.isEmpty())
        return std::nullopt;
    if (const Json* edges = listAt("edges")) {
        int index = 0;
        for (const Json& e : *edges) {
            const QString where = u"edges[%1]"_s.arg(index++);
            if (!e.is_object()) {
                error = where + u": expected an object"_s;
                return std::nullopt;
            }
            Reader r(e, where);
            r.allow({u"from"_s, u"to"_s, u"branch"_s, u"port"_s});
            Edge edge{r.text("from", true), r.text("to", true), r.text("branch"), r.text("port")};
            if (!r.failed() && !edge.branch.isEmpty() && edge.branch != kThen && edge.branch != kElse)
                r.fail(u"branch"_s, u"must be \"then\" or \"else\""_s);
            if (!r.failed() && !edge.port.isEmpty() && edge.port != kItemsPort)
                r.fail(u"port"_s, u"must be \"items\" (or left out)"_s);
            if (r.failed()) {
                error = r.error();
                return std::nullopt;
            }
            p.edges.append(edge);
        }
    }
    if (!error.isEmpty())
        return std::nullopt;
    const auto layout = root.find("layout");
    if (layout != root.end()) {
        if (!layout->is_object()) {
            error = u"pipeline.layout: expected an object"_s;
            return std::nullopt;
        }
        for (auto it = layout->begin(); it != layout->end(); ++it) {
            const Json& xy = it.value();
            if (!xy.is_array() || xy.size() != 2 || !xy[0].is_number() || !xy[1].is_number()) {
                error = u"layout.%1: expected [x, y]"_s.arg(QString::fromStdString(it.key()));
                return std::nullopt;
            }
            const double x = xy[0].get<double>();
            const double y = xy[1].get<double>();
            if (!std::isfinite(x) || !std::isfinite(y)) {
                error = u"layout.%1: expected [x, y]"_s.arg(QString::fromStdString(it.key()));
                return std::nullopt;
            }
            p.positions.insert(QString::fromStdString(it.key()), QPointF(x, y));
        }
    }
    return p;
}

QByteArray writePipeline(const Pipeline& p)
{
    Json root;
    root["format"] = kFormat;
    root["version"] = kPipelineFormatVersion;
    root["name"] = str(p.name);
    if (!p.description.isEmpty())
        root["description"] = str(p.description);
    Json variables = Json::array();
    for (const Variable& v : p.variables) {
        Json j;
        j["name"] = str(v.name);
        if (!v.defaultValue.isEmpty())
            j["default"] = str(v.defaultValue);
        if (!v.description.isEmpty())
            j["description"] = str(v.description);
        variables.push_back(j);
    }
    root["variables"] = variables;
    QList<Node> nodes = p.nodes;
    std::sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) { return a.name < b.name; });
    Json nodeList = Json::array();
    for (const Node& n : nodes)
        nodeList.push_back(writeNode(n));
    root["nodes"] = nodeList;
    Json edges = Json::array();
    for (const Edge& e : p.edges) {
        Json j;
        j["from"] = str(e.from);
        j["to"] = str(e.to);
        if (!e.branch.isEmpty())
            j["branch"] = str(e.branch);
        if (!e.port.isEmpty())
            j["port"] = str(e.port);
        edges.push_back(j);
    }
    root["edges"] = edges;
    std::string text = root.dump(2, ' ', false, Json::error_handler_t::replace);
    // Positions on their own, one line each ("name": [x, y]): moving a node changes its line only.
    QByteArray out = QByteArray::fromStdString(text);
    out.chop(2); // "\n}"
    QStringList names = p.positions.keys();
    std::sort(names.begin(), names.end());
    QByteArray layout;
    for (const QString& name : names) {
        const QPointF at = p.positions.value(name);
        layout += (layout.isEmpty() ? "" : ",\n") + QByteArray("    ") + QByteArray::fromStdString(Json(str(name)).dump())
                  + ": [" + QByteArray::number(qlonglong(std::llround(at.x()))) + ", "
                  + QByteArray::number(qlonglong(std::llround(at.y()))) + "]";
    }
    out += layout.isEmpty() ? QByteArray(",\n  \"layout\": {}\n}\n") : ",\n  \"layout\": {\n" + layout + "\n  }\n}\n";
    return out;
}

QByteArray nodeSettingsJson(const Node& node)
{
    Json j = writeNode(node);
    j.erase("name");
    return QByteArray::fromStdString(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::optional<Pipeline> loadPipelineFile(const QString& path, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxPipelineFileBytes) {
        error = u"%1 is larger than %2 MiB"_s.arg(path).arg(kMaxPipelineFileBytes / (1024 * 1024));
        return std::nullopt;
    }
    const QByteArray bytes = file.read(kMaxPipelineFileBytes + 1);
    std::optional<Pipeline> pipeline = readPipeline(bytes, error);
    if (!pipeline)
        error = u"%1: %2"_s.arg(path, error);
    return pipeline;
}

bool savePipelineFile(const Pipeline& pipeline, const QString& path, QString& error)
{
    QSaveFile file(path);
    const QByteArray bytes = writePipeline(pipeline);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace juxta
