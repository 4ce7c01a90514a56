// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineValidator.h"

#include "answer/TargetResolver.h"
#include "catalog/ModelCatalog.h"
#include "catalog/ModelRef.h"
#include "config/AppConfig.h"
#include "config/ProviderPresets.h"
#include "keys/KeyResolver.h"
#include "pipeline/JsonSchemaCheck.h"
#include "pipeline/PipelineGraph.h"
#include "pipeline/ScriptSandbox.h"
#include "pipeline/TemplateText.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

class Problems
{
public:
    void add(const QString& node, const QString& message) { m_list.append({node, message}); }
    QList<PipelineProblem> take() { return std::move(m_list); }

private:
    QList<PipelineProblem> m_list;
};

void checkReferences(const Pipeline& p, const Node& n, const QString& text, const QString& field,
                     const QHash<QString, ValueShape>& shapes, bool maps, Problems& problems)
{
    for (const QString& name : templateReferences(text)) {
        if (name == kItemName) {
            if (!maps)
                problems.add(n.name, u"%1: {{item}} exists only inside a map (a Model with an items input)"_s.arg(field));
            continue;
        }
        if (p.variable(name))
            continue;
        if (!p.node(name)) {
            problems.add(n.name, u"%1: {{%2}} is neither a node nor a variable"_s.arg(field, name));
            continue;
        }
        bool connected = false;
        for (const Edge& e : p.edgesInto(n.name))
            connected = connected || (e.from == name && e.port.isEmpty());
        if (!connected) {
            problems.add(n.name, u"%1: {{%2}} needs an edge from %2"_s.arg(field, name));
            continue;
        }
        if (shapes.value(name) == ValueShape::List)
            problems.add(n.name, u"%1: {{%2}} is a list, and this is text: connect it to items (a map) or join it "
                                 "first"_s.arg(field, name));
    }
}

void checkRegex(const Node& n, Problems& problems)
{
    const QRegularExpression re(n.pattern);
    if (n.pattern.isEmpty())
        problems.add(n.name, u"the regular expression is empty"_s);
    else if (!re.isValid())
        problems.add(n.name, u"the regular expression is not valid: %1 (at %2)"_s.arg(re.errorString())
                                 .arg(re.patternErrorOffset()));
}

void checkScript(const Node& n, Problems& problems)
{
    if (const QString error = scriptSyntaxError(n.script); !error.isEmpty())
        problems.add(n.name, u"the script does not parse: %1"_s.arg(error));
}

void checkModel(const Node& n, const ValidationContext& context, Problems& problems)
{
    if (n.model.isEmpty()) {
        problems.add(n.name, u"no model chosen"_s);
        return;
    }
    if (n.prompt.trimmed().isEmpty())
        problems.add(n.name, u"the prompt is empty"_s);
    if (n.json == JsonOutput::Schema) {
        if (n.schema.isEmpty())
            problems.add(n.name, u"JSON output with a schema, but no schema"_s);
        else if (const QString problem = checkSchema(n.schema); !problem.isEmpty())
            problems.add(n.name, problem);
    }
    if (!context.config)
        return;
    for (const QString& reference : QStringList{n.model} + n.fallbacks) {
        const std::optional<ModelRef> ref = ModelRef::parse(reference);
        const std::optional<ProfileModel> named = profileModelOf(*context.config, reference);
        if (!named) {
            problems.add(n.name, ref ? u"%1: unknown profile “%2”"_s.arg(reference, ref->profileId)
                                     : u"“%1” is not profile/model"_s.arg(reference));
            continue;
        }
        const ProviderProfile* profile = &named->profile;
        if (context.catalog && context.catalog->hasList(profile->id)) {
            const QList<CatalogEntry> models = context.catalog->entries(*profile);
            const bool known = std::any_of(models.cbegin(), models.cend(),
                                           [&ref](const CatalogEntry& e) { return e.modelId == ref->modelId; });
            if (!known)
                problems.add(n.name, u"%1: the profile “%2” lists no model “%3”"_s.arg(reference, profile->id,
                                                                                      ref->modelId));
        }
        if (const QString keyProblem = context.keyProblems.value(profile->id); !keyProblem.isEmpty())
            problems.add(n.name, u"%1: %2"_s.arg(reference, keyProblem));
    }
}

} // namespace

QString resolveInputPath(const QString& path, const QString& baseDir)
{
    QString expanded = path;
    if (expanded.startsWith(u"~/"_s))
        expanded = QDir::homePath() + expanded.mid(1);
    const QString absolute = QDir::isAbsolutePath(expanded) ? expanded : QDir(baseDir).absoluteFilePath(expanded);
    const QString canonical = QFileInfo(absolute).canonicalFilePath(); // links followed; empty if it does not exist
    return canonical.isEmpty() ? QDir::cleanPath(absolute) : canonical;
}

bool isReadAllowed(const QString& resolvedPath, const QString& baseDir, const QStringList& allowedReads)
{
    const auto inside = [&resolvedPath](const QString& place) {
        if (place.isEmpty())
            return false;
        const QString root = QFileInfo(place).canonicalFilePath();
        const QString clean = root.isEmpty() ? QDir::cleanPath(QFileInfo(place).absoluteFilePath()) : root;
        return resolvedPath == clean || resolvedPath.startsWith(clean.endsWith(u'/') ? clean : clean + u'/');
    };
    if (inside(baseDir))
        return true;
    return std::any_of(allowedReads.cbegin(), allowedReads.cend(), inside);
}

QList<PipelineProblem> validatePipeline(const Pipeline& p, const ValidationContext& context)
{
    Problems problems;
    QSet<QString> names;
    for (const Node& n : p.nodes) {
        if (!isValidName(n.name))
            problems.add(n.name, u"“%1” is not a valid name (a lowercase letter, then letters, digits or _)"_s.arg(n.name));
        if (names.contains(n.name))
            problems.add(n.name, u"the name is used by two nodes"_s);
        // An Input that passes on the variable of its own name may share it: {{name}} means the same either way.
        const bool passesItsVariable = n.kind == NodeKind::Input && n.source == InputSource::Variable
                                       && (n.variable.isEmpty() || n.variable == n.name);
        if (p.variable(n.name) && !passesItsVariable)
            problems.add(n.name, u"a variable has the same name"_s);
        if (n.name == kItemName)
            problems.add(n.name, u"“item” is the name of a map's item"_s);
        names.insert(n.name);
    }
    for (const Edge& e : p.edges) {
        const Node* from = p.node(e.from);
        const Node* to = p.node(e.to);
        if (!from || !to) {
            problems.add(to ? e.to : e.from, u"an edge from “%1” to “%2”: no such node"_s.arg(e.from, e.to));
            continue;
        }
        if (e.from == e.to)
            problems.add(e.to, u"the node feeds itself"_s);
        if (from->kind == NodeKind::Condition && e.branch.isEmpty())
            problems.add(e.to, u"the edge from the condition %1 must say which branch: then or else"_s.arg(e.from));
        if (from->kind != NodeKind::Condition && !e.branch.isEmpty())
            problems.add(e.to, u"the edge from %1 has a branch, but %1 is not a condition"_s.arg(e.from));
        if (!e.port.isEmpty() && to->kind != NodeKind::Model)
            problems.add(e.to, u"only a Model maps over items"_s);
    }

    const GraphOrder order = graphOrder(p);
    for (const QString& name : order.inCycles)
        problems.add(name, u"part of a cycle (or downstream of one): a pipeline flows one way"_s);
    const QHash<QString, ValueShape> shapes = outputShapes(p, order.order);

    for (const Node& n : p.nodes) {
        const QList<Edge> in = p.edgesInto(n.name);
        QList<Edge> plain;
        QList<Edge> items;
        for (const Edge& e : in)
            (e.port == kItemsPort ? items : plain).append(e);
        const auto needsOneInput = [&] {
            if (plain.isEmpty())
                problems.add(n.name, u"nothing is connected to its input"_s);
            else if (plain.size() > 1)
                problems.add(n.name, u"it takes one input; %1 are connected"_s.arg(plain.size()));
        };
        const auto inputShape = [&] { return plain.isEmpty() ? ValueShape::Either : shapes.value(plain.constFirst().from); };
        switch (n.kind) {
        case NodeKind::Input:
            if (!in.isEmpty())
                problems.add(n.name, u"an Input takes no inputs"_s);
            if (n.source == InputSource::Variable) {
                const QString variable = n.variable.isEmpty() ? n.name : n.variable;
                if (!p.variable(variable))
                    problems.add(n.name, u"no variable “%1” is declared"_s.arg(variable));
            } else if (n.source == InputSource::File) {
                if (n.file.isEmpty()) {
                    problems.add(n.name, u"no file chosen"_s);
                } else {
                    const QString path = resolveInputPath(n.file, context.baseDir);
                    if (!isReadAllowed(path, context.baseDir, context.allowedReads))
                        problems.add(n.name, u"reads %1, outside the pipeline's folder: allow it explicitly "
                                             "(--allow-read %1)"_s.arg(path));
                    else if (!QFileInfo(path).isFile())
                        problems.add(n.name, u"cannot read %1: no such file"_s.arg(path));
                }
            }
            break;
        case NodeKind::Model: {
            checkModel(n, context, problems);
            if (items.size() > 1)
                problems.add(n.name, u"it maps over one list; %1 are connected to items"_s.arg(items.size()));
            if (!items.isEmpty() && shapes.value(items.constFirst().from) == ValueShape::Text)
                problems.add(n.name, u"items: %1 gives text, not a list (split it first)"_s.arg(items.constFirst().from));
            checkReferences(p, n, n.prompt, u"prompt"_s, shapes, !items.isEmpty(), problems);
            checkReferences(p, n, n.system, u"system prompt"_s, shapes, !items.isEmpty(), problems);
            if (!n.continues.isEmpty()) {
                const Node* earlier = p.node(n.continues);
                if (!earlier || earlier->kind != NodeKind::Model)
                    problems.add(n.name, u"continues “%1”, which is not a Model node"_s.arg(n.continues));
                else if (!p.hasEdge(n.continues, n.name))
                    problems.add(n.name, u"continues %1 but has no edge from it"_s.arg(n.continues));
                else if (shapes.value(n.continues) == ValueShape::List)
                    problems.add(n.name, u"continues %1, a map: there is no one conversation to continue"_s.arg(n.continues));
            }
            break;
        }
        case NodeKind::Template:
            checkReferences(p, n, n.text, u"template"_s, shapes, false, problems);
            break;
        case NodeKind::Transform:
            needsOneInput();
            switch (n.op) {
            case TransformOp::Regex: checkRegex(n, problems); break;
            case TransformOp::Script: checkScript(n, problems); break;
            case TransformOp::JsonPointer:
                if (!n.pointer.isEmpty() && !n.pointer.startsWith(u'/'))
                    problems.add(n.name, u"“%1” is not a JSON Pointer (it starts with /)"_s.arg(n.pointer));
                break;
            case TransformOp::JsonValidate:
                if (!n.schema.isEmpty())
                    if (const QString problem = checkSchema(n.schema); !problem.isEmpty())
                        problems.add(n.name, problem);
                break;
            case TransformOp::Split:
                if (n.by == SplitBy::Tokens && n.overlap * 2 > n.size)
                    problems.add(n.name, u"the overlap (%1) must be at most half the size (%2)"_s.arg(n.overlap).arg(n.size));
                break;
            case TransformOp::Join: break;
            }
            if (n.op == TransformOp::Join && inputShape() == ValueShape::Text)
                problems.add(n.name, u"join needs a list; %1 gives text"_s.arg(plain.constFirst().from));
            else if (n.op != TransformOp::Join && n.op != TransformOp::Script && inputShape() == ValueShape::List)
                problems.add(n.name, u"%1 gives a list, and this takes text: join it first"_s.arg(plain.constFirst().from));
            break;
        case NodeKind::Condition:
            needsOneInput();
            if (n.test == ConditionTest::Matches)
                checkRegex(n, problems);
            else if (n.test == ConditionTest::Script)
                checkScript(n, problems);
            if (inputShape() == ValueShape::List)
                problems.add(n.name, u"%1 gives a list, and a condition tests text: join it first"_s.arg(plain.constFirst().from));
            break;
        case NodeKind::Merge:
            if (plain.isEmpty())
                problems.add(n.name, u"nothing is connected to it"_s);
            break;
        case NodeKind::Output: needsOneInput(); break;
        }
    }
    return problems.take();
}

void checkKeys(const Pipeline& pipeline, const AppConfig& config, SecretStore& secrets, QObject* context,
               std::function<void(const QHash<QString, QString>&)> done)
{
    QList<ProviderProfile> profiles;
    for (const Node& n : pipeline.nodes) {
        if (n.kind != NodeKind::Model)
            continue;
        for (const QString& reference : QStringList{n.model} + n.fallbacks) {
            const std::optional<ProfileModel> named = profileModelOf(config, reference);
            if (named && std::none_of(profiles.cbegin(), profiles.cend(),
                                      [&named](const ProviderProfile& p) { return p.id == named->profile.id; }))
                profiles.append(named->profile);
        }
    }
    struct Pending
    {
        QHash<QString, QString> problems;
        int waiting = 0;
        std::function<void(const QHash<QString, QString>&)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    pending->waiting = int(profiles.size()) + 1; // +1: released below, so an all-synchronous check finishes once
    QPointer<QObject> guard(context);
    const auto release = [pending, guard] {
        if (--pending->waiting == 0 && guard)
            pending->done(pending->problems);
    };
    for (const ProviderProfile& profile : std::as_const(profiles)) {
        resolveKey(secrets, profile, {}, [pending, profile, release](const ResolvedKey& key) {
            const ProviderPreset* preset = findPreset(profile.presetId);
            const bool needsKey = profile.auth != AuthStyle::None && preset && preset->needsKey;
            if (key.key.isEmpty() && needsKey)
                pending->problems.insert(profile.id, u"no API key for %1%2"_s.arg(
                    profile.id, key.problem.isEmpty() ? QString() : u" (%1)"_s.arg(key.problem)));
            release();
        });
    }
    release();
}

} // namespace juxta
