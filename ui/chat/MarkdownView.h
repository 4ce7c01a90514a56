// SPDX-License-Identifier: GPL-3.0-or-later
// Read-only rich text that is exactly as tall as its content: Markdown for finished text, plain appends while an
// answer streams. Links open in the system browser only when clicked; images are never fetched.
#pragma once

#include <QTextBrowser>

namespace juxta {

class MarkdownView final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit MarkdownView(QWidget* parent = nullptr);

    void setMarkdownText(const QString& markdown);
    void setPlain(const QString& text);
    // Appends at the end without touching what is there: the cost is the new text and its last paragraph.
    void appendPlain(QStringView text);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    QVariant loadResource(int type, const QUrl& name) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void changeEvent(QEvent* event) override;

signals:
    void contentHeightChanged();

private:
    void openLink(const QUrl& url);
    int m_lastHeight = -1;
    QString m_markdown; // kept to lay it out again in new colours when the palette changes
};

// Opens http, https and mailto links in the system's browser or mail client; anything else is ignored.
void openExternalLink(const QUrl& url);

} // namespace juxta
