// SPDX-License-Identifier: GPL-3.0-or-later
// The one Export dialog of Chat and Compare: the format (a report as HTML, Markdown, CSV or JSON, or the lossless
// re-importable file), what goes in, and where. It writes nothing itself: exportRequested() carries the choice to
// the page, which asks core; showWritten() then offers Open and Show in folder.
#pragma once

#include "report/ReportFile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace juxta {

class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Lossless // a page's own re-importable export, offered beside the report formats
    {
        QString label;  // "Juxta conversation (JSON, re-importable)"
        QString suffix; // "json"
        QString id;     // what the page calls it: "json", "md"
    };
    struct Choice
    {
        std::optional<ReportFormat> report; // nullopt: the lossless export `lossless`
        QString lossless;
        ReportOptions options;
        QString path;
    };

    ExportDialog(ReportKind kind, const QString& title, const QList<Lossless>& lossless, QWidget* parent = nullptr);

    Choice choice() const;
    void setPath(const QString& path);
    void setFormatIndex(int index); // in the order the combo lists them: HTML, Markdown, CSV, JSON, then lossless
    QComboBox* formatBox() const { return m_format; }

    void showWritten(const QStringList& files);
    void showFailed(const QString& error);
    void showResult(const ReportWriteResult& result); // written, or why not

signals:
    void exportRequested(const juxta::ExportDialog::Choice& choice);

private:
    void browse();
    void onFormatChanged();
    void requestExport();
    void remember() const;

    ReportKind m_kind;
    QList<Lossless> m_lossless;
    QComboBox* m_format;
    QCheckBox* m_answers;
    QCheckBox* m_reasoning;
    QCheckBox* m_charts;
    QCheckBox* m_parameters;
    QCheckBox* m_diff;
    QLineEdit* m_path;
    QLabel* m_status;
    QPushButton* m_export;
    QPushButton* m_open;
    QPushButton* m_showFolder;
    QString m_written;
};

} // namespace juxta
