// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ScriptFileRow.h"

#include "offline/ScriptFiles.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

ScriptFileRow::ScriptFileRow(QWidget* parent)
    : QWidget(parent)
    , m_current(new QLabel(this))
    , m_open(new QPushButton(tr("Open"), this))
{
    setObjectName(u"scriptFileRow"_s);
    m_current->setWordWrap(true);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* choose = new QPushButton(tr("Choose file…"), this);
    choose->setObjectName(u"scriptChoose"_s);
    choose->setToolTip(tr("Answer from a JSON or JSONL file of canned answers"));
    auto* fromDemo = new QPushButton(tr("New from the demo…"), this);
    fromDemo->setObjectName(u"scriptFromDemo"_s);
    fromDemo->setToolTip(tr("Save a copy of the demo script to edit, and answer from it"));
    m_open->setObjectName(u"scriptOpen"_s);
    m_open->setToolTip(tr("Open the script in your editor; changes apply to the next request"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(choose);
    buttons->addWidget(fromDemo);
    buttons->addWidget(m_open);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_current);
    layout->addLayout(buttons);
    connect(choose, &QPushButton::clicked, this, &ScriptFileRow::chooseFile);
    connect(fromDemo, &QPushButton::clicked, this, &ScriptFileRow::copyDemo);
    connect(m_open, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(scriptFileOf(m_url)));
    });
}

void ScriptFileRow::setUrl(const QUrl& baseUrl)
{
    m_url = baseUrl;
    const QString file = scriptFileOf(baseUrl);
    m_current->setText(file.isEmpty() ? tr("Answers from the demo script that comes with Juxta.")
                                      : tr("Answers from %1").arg(QDir::toNativeSeparators(file)));
    m_open->setEnabled(!file.isEmpty());
}

void ScriptFileRow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Script of canned answers"), scriptFileOf(m_url),
                                                      tr("Scripts (*.json *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        emit urlChosen(withScriptFile(m_url, path));
}

void ScriptFileRow::copyDemo()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New script from the demo"),
                                                      QDir::home().filePath(u"juxta-answers.json"_s),
                                                      tr("Scripts (*.json *.jsonl)"));
    if (path.isEmpty())
        return;
    m_current->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    // Written on a worker thread; the watcher is this row's, so a row closed meanwhile hears nothing.
    auto* writing = new QFutureWatcher<QString>(this);
    connect(writing, &QFutureWatcherBase::finished, this, [this, writing, path] {
        writing->deleteLater();
        if (const QString error = writing->result(); !error.isEmpty()) {
            m_current->setText(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error));
            return;
        }
        emit urlChosen(withScriptFile(m_url, path));
    });
    writing->setFuture(copyDemoScript(path));
}

} // namespace juxta
