// SPDX-License-Identifier: GPL-3.0-or-later
// PipelinePage, second part: files — new, open, save, save as, recent files, the examples — the window title's
// unsaved-changes mark, asking before changes are lost, and the run variables remembered per pipeline.
#include "pipeline/PipelinePage.h"

#include "pipeline/NodeInspector.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelineExamples.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/PipelineScene.h"
#include "pipeline/PipelineView.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {
constexpr auto kRecentKey = "pipeline/recentFiles";
constexpr int kRecentCount = 8;
} // namespace

void PipelinePage::newPipeline()
{
    discardRun();
    Pipeline p;
    p.name = tr("Untitled pipeline");
    m_path.clear();
    m_editor->reset(p);
    m_view->resetTransform();
    m_view->centerOn(QPointF(400, 200));
    updateTitle();
    validateNow();
}

bool PipelinePage::openFile(const QString& path, QString* error)
{
    QString why;
    const std::optional<Pipeline> p = loadPipelineFile(path, why);
    if (!p) {
        const QString message = tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), why);
        if (error)
            *error = message;
        emit statusMessage(message, 10'000);
        return false;
    }
    discardRun();
    m_path = QFileInfo(path).absoluteFilePath();
    m_editor->reset(*p);
    m_view->fitAll(m_scene->itemsRect());
    addRecent(m_path);
    updateTitle();
    validateNow();
    return true;
}

bool PipelinePage::saveTo(const QString& path, QString* error)
{
    QString why;
    if (!savePipelineFile(m_editor->pipeline(), path, why)) {
        const QString message = tr("Could not save %1: %2").arg(QFileInfo(path).fileName(), why);
        if (error)
            *error = message;
        emit statusMessage(message, 10'000);
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_editor->markSaved();
    addRecent(m_path);
    updateTitle();
    emit statusMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

bool PipelinePage::save()
{
    return m_path.isEmpty() ? saveAs() : saveTo(m_path);
}

bool PipelinePage::saveAs()
{
    QString suggested = m_path;
    if (suggested.isEmpty()) {
        QString stem = m_editor->pipeline().name.toLower();
        stem.replace(QRegularExpression(u"[^a-z0-9]+"_s), u"-"_s);
        stem = stem.section(u'-', 0, -1, QString::SectionSkipEmpty);
        suggested = (stem.isEmpty() ? u"pipeline"_s : stem) + kPipelineSuffix;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save pipeline"), suggested, tr("Pipelines (*.juxta)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(kPipelineSuffix))
        path += kPipelineSuffix;
    return saveTo(path);
}

void PipelinePage::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open pipeline"), QFileInfo(m_path).path(),
                                                      tr("Pipelines (*.juxta);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void PipelinePage::openExample(const QString& file)
{
    if (!maybeSave())
        return;
    QString error;
    const QString path = exampleCopy(file, error, m_examplesFolder);
    if (path.isEmpty()) {
        emit statusMessage(tr("Could not open the example: %1").arg(error), 10'000);
        return;
    }
    openFile(path);
}

bool PipelinePage::maybeSave()
{
    if (!m_editor->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved pipeline"), tr("“%1” has changes that are not saved.").arg(m_editor->pipeline().name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

QString PipelinePage::title() const
{
    const QString name = m_path.isEmpty() ? m_editor->pipeline().name : QFileInfo(m_path).fileName();
    return m_editor->isModified() ? name + u" •"_s : name;
}

void PipelinePage::updateTitle()
{
    emit titleChanged(title());
}

QStringList PipelinePage::recentFiles() const
{
    return QSettings().value(QLatin1StringView(kRecentKey)).toStringList();
}

void PipelinePage::addRecent(const QString& path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentCount)
        recent.removeLast();
    QSettings().setValue(QLatin1StringView(kRecentKey), recent);
    rebuildRecentMenu();
}

void PipelinePage::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        // Numbered, so each is one key away once the menu is open ("&" in a file name is not a mnemonic).
        const QString text = u"&%1 %2"_s.arg(i + 1).arg(QFileInfo(path).fileName().replace(u'&', u"&&"_s));
        QAction* open = m_recentMenu->addAction(text, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
        open->setToolTip(path);
        open->setStatusTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void PipelinePage::rebuildExamplesMenu()
{
    m_examplesMenu->clear();
    const QList<PipelineExample> examples = pipelineExamples();
    for (qsizetype i = 0; i < examples.size(); ++i) {
        const QString file = examples.at(i).file;
        const QString text = u"&%1 %2"_s.arg(i + 1).arg(QString(examples.at(i).title).replace(u'&', u"&&"_s));
        m_examplesMenu->addAction(text, this, [this, file] { openExample(file); })->setObjectName(u"example_"_s + file);
    }
}

QString PipelinePage::settingsKey() const
{
    // By file when it has one, else by name: a pipeline's variables are the user's, never written into the file.
    const QByteArray id = (m_path.isEmpty() ? u"name:"_s + m_editor->pipeline().name : m_path).toUtf8();
    return u"pipeline/variables/"_s + QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex().left(16));
}

QHash<QString, QString> PipelinePage::rememberedVariables() const
{
    QHash<QString, QString> values;
    const QVariantMap map = QSettings().value(settingsKey()).toMap();
    for (auto it = map.begin(); it != map.end(); ++it)
        values.insert(it.key(), it.value().toString());
    return values;
}

void PipelinePage::rememberVariables(const QHash<QString, QString>& values) const
{
    QVariantMap map;
    for (auto it = values.begin(); it != values.end(); ++it)
        map.insert(it.key(), it.value());
    QSettings().setValue(settingsKey(), map);
}

} // namespace juxta
