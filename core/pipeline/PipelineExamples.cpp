// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineExamples.h"

#include "pipeline/PipelineFile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {
const QString kResourceFolder = u":/juxta/examples"_s;
}

QList<PipelineExample> pipelineExamples()
{
    QList<PipelineExample> out;
    const QStringList files = QDir(kResourceFolder).entryList({u"*.juxta"_s}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        QString error;
        const std::optional<Pipeline> p = loadPipelineFile(kResourceFolder + u'/' + file, error);
        out.append({file, p && !p->name.isEmpty() ? p->name : file});
    }
    return out;
}

QString defaultExamplesFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/juxta/examples"_s;
}

QString exampleCopy(const QString& file, QString& error, const QString& folder)
{
    const QDir target(folder.isEmpty() ? defaultExamplesFolder() : folder);
    if (!QDir().mkpath(target.path())) {
        error = QStringLiteral("cannot make the folder %1").arg(target.path());
        return {};
    }
    // Everything an example may read comes along; files already there are the user's and stay as they are.
    for (const QString& name : QDir(kResourceFolder).entryList(QDir::Files)) {
        const QString to = target.filePath(name);
        if (QFile::exists(to))
            continue;
        if (!QFile::copy(kResourceFolder + u'/' + name, to)) {
            error = QStringLiteral("cannot write %1").arg(to);
            return {};
        }
        QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                      | QFileDevice::ReadOther); // resources copy read-only
    }
    const QString path = target.filePath(file);
    if (!QFile::exists(path)) {
        error = QStringLiteral("there is no example %1").arg(file);
        return {};
    }
    return path;
}

} // namespace juxta
