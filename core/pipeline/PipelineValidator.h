// SPDX-License-Identifier: GPL-3.0-or-later
// What is wrong with a pipeline before it runs, each problem on its node: cycles, missing or unconnected inputs,
// references to names that do not exist or have no edge, a list into a text-only port, unknown profiles and
// models, profiles without a key, bad regular expressions, JavaScript that does not parse, JSON schemas that are
// not objects, and files outside the pipeline's folder that were not allowed.
#pragma once

#include "pipeline/Pipeline.h"

#include <QHash>
#include <functional>

class QObject;

namespace juxta {

struct AppConfig;
class ModelCatalog;
class SecretStore;

struct PipelineProblem
{
    QString node;    // empty: the pipeline as a whole
    QString message;

    bool operator==(const PipelineProblem&) const = default;
};

struct ValidationContext
{
    const AppConfig* config = nullptr;   // null: profiles and models are not checked
    const ModelCatalog* catalog = nullptr;
    QHash<QString, QString> keyProblems; // profile id → why it has no key (from checkKeys())
    QString baseDir;                     // the pipeline file's folder: Input files resolve against it
    QStringList allowedReads;            // files or folders outside it that may be read (--allow-read)
};

QList<PipelineProblem> validatePipeline(const Pipeline& pipeline, const ValidationContext& context);

// Which of the profiles the pipeline's models use have no key (local servers and offline providers need none).
// `done` runs once on `context`'s thread; never blocks.
void checkKeys(const Pipeline& pipeline, const AppConfig& config, SecretStore& secrets, QObject* context,
               std::function<void(const QHash<QString, QString>&)> done);

// An Input file's path as it will be read, and whether it may be read: inside the pipeline's folder, or in one of
// the allowed places. Symbolic links are followed before deciding.
QString resolveInputPath(const QString& path, const QString& baseDir);
bool isReadAllowed(const QString& resolvedPath, const QString& baseDir, const QStringList& allowedReads);

} // namespace juxta
