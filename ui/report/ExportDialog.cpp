// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr auto kFormatKey = "export/format";
constexpr auto kIncludeKey = "export/include";
constexpr auto kFolderKey = "export/folder";
constexpr int kReportFormats = 4;

// A file name from a title: what a person would type, without the characters file systems refuse.
QString fileNameFor(QString title)
{
    title.replace(QRegularExpression(u"[/\\\\:*?\"<>|\\x00-\\x1f]+"_s), u" "_s);
    title = title.simplified().left(80);
    return title.isEmpty() ? u"report"_s : title;
}

} // namespace

ExportDialog::ExportDialog(ReportKind kind, const QString& title, const QList<Lossless>& lossless, QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_lossless(lossless)
    , m_format(new QComboBox(this))
    , m_answers(new QCheckBox(tr("&Answers"), this))
    , m_reasoning(new QCheckBox(tr("&Reasoning, where a model sent it"), this))
    , m_charts(new QCheckBox(tr("&Charts"), this))
    , m_parameters(new QCheckBox(tr("&Prompt settings and parameters"), this))
    , m_diff(new QCheckBox(tr("&Word diff of the first two answers"), this))
    , m_path(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_export(new QPushButton(tr("&Export"), this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_showFolder(new QPushButton(tr("Show in &folder"), this))
{
    setWindowTitle(tr("Export"));
    m_format->addItem(tr("HTML report — one file, opens in any browser"), u"html"_s);
    m_format->addItem(tr("Markdown report — for pull requests and wikis"), u"md"_s);
    m_format->addItem(tr("CSV — one row per answer, for spreadsheets"), u"csv"_s);
    m_format->addItem(tr("JSON report — every figure, for tools"), u"json"_s);
    for (const Lossless& l : lossless)
        m_format->addItem(l.label, l.suffix);
    m_format->setAccessibleName(tr("Format"));
    m_path->setAccessibleName(tr("File"));
    m_diff->setVisible(kind == ReportKind::Comparison);

    QSettings settings;
    QStringList unknown;
    const ReportOptions remembered =
        reportOptionsFromList(settings.value(kIncludeKey, reportOptionsList(ReportOptions())).toString(), unknown);
    m_answers->setChecked(remembered.answers);
    m_reasoning->setChecked(remembered.reasoning);
    m_charts->setChecked(remembered.charts);
    m_parameters->setChecked(remembered.parameters);
    m_diff->setChecked(remembered.diff);
    const QString folder = settings.value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    m_path->setText(QDir(folder).filePath(fileNameFor(title) + u".html"_s));
    m_format->setCurrentIndex(std::clamp(settings.value(kFormatKey, 0).toInt(), 0, int(m_format->count()) - 1));

    auto* browseButton = new QPushButton(tr("&Browse…"), this);
    auto* where = new QHBoxLayout;
    where->addWidget(m_path, 1);
    where->addWidget(browseButton);
    auto* include = new QVBoxLayout;
    for (QCheckBox* box : {m_answers, m_reasoning, m_charts, m_parameters, m_diff})
        include->addWidget(box);
    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("Include:"), include);
    auto* whereLabel = new QLabel(tr("&Save to:"), this);
    whereLabel->setBuddy(m_path); // a row of a layout gets no buddy of its own: the mnemonic needs one
    form->addRow(whereLabel, where);
    auto* note = new QLabel(tr("Figures and the verdict are always in. A report never contains a key or a header."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_open, QDialogButtonBox::ActionRole);
    buttons->addButton(m_showFolder, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_export->setDefault(true);
    m_open->setVisible(false);
    m_showFolder->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::requestExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_written)); });
    connect(m_showFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_written).absolutePath()));
    });
    onFormatChanged();
    resize(560, sizeHint().height());
}

ExportDialog::Choice ExportDialog::choice() const
{
    Choice c;
    const int index = m_format->currentIndex();
    if (index < kReportFormats)
        c.report = reportFormatFromName(m_format->currentData().toString());
    else
        c.lossless = m_lossless.value(index - kReportFormats).id;
    c.options = {m_answers->isChecked(), m_reasoning->isChecked(), m_charts->isChecked(), m_parameters->isChecked(),
                 m_diff->isChecked() && m_kind == ReportKind::Comparison};
    c.path = m_path->text().trimmed();
    return c;
}

void ExportDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

void ExportDialog::setFormatIndex(int index)
{
    m_format->setCurrentIndex(index);
}

void ExportDialog::showWritten(const QStringList& files)
{
    m_written = files.value(0);
    m_status->setText(files.size() > 1 ? tr("Saved %1 (and %n chart file(s) beside it).", nullptr, int(files.size() - 1)).arg(m_written)
                                       : tr("Saved %1.").arg(m_written));
    m_open->setVisible(true);
    m_showFolder->setVisible(true);
    m_export->setEnabled(true);
    m_open->setFocus();
}

void ExportDialog::showFailed(const QString& error)
{
    m_status->setText(tr("Not saved: %1").arg(error));
    m_export->setEnabled(true);
}

void ExportDialog::showResult(const ReportWriteResult& result)
{
    if (result.ok)
        showWritten(result.written);
    else
        showFailed(result.error);
}

void ExportDialog::browse()
{
    const QString suffix = m_format->currentData().toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(),
                                                      m_format->currentText() + u" (*."_s + suffix + u')');
    if (!path.isEmpty())
        m_path->setText(path);
}

// The suffix follows the format; the report parts do not apply to a lossless export.
void ExportDialog::onFormatChanged()
{
    const bool report = m_format->currentIndex() < kReportFormats;
    for (QCheckBox* box : {m_answers, m_reasoning, m_charts, m_parameters, m_diff})
        box->setEnabled(report);
    m_charts->setEnabled(report && (m_format->currentData() == u"html"_s || m_format->currentData() == u"md"_s));
    const QFileInfo info(m_path->text());
    if (!m_path->text().isEmpty())
        m_path->setText(info.dir().filePath(info.completeBaseName() + u'.' + m_format->currentData().toString()));
}

void ExportDialog::requestExport()
{
    const Choice c = choice();
    if (c.path.isEmpty() || QFileInfo(c.path).isDir()) {
        showFailed(tr("choose a file to save to."));
        return;
    }
    remember();
    m_export->setEnabled(false); // one export at a time; showWritten() or showFailed() gives it back
    m_status->setText(tr("Saving…"));
    emit exportRequested(c);
}

void ExportDialog::remember() const
{
    QSettings settings;
    const Choice c = choice();
    settings.setValue(kFormatKey, m_format->currentIndex());
    settings.setValue(kIncludeKey, reportOptionsList(c.options));
    settings.setValue(kFolderKey, QFileInfo(c.path).absolutePath());
}

} // namespace juxta
