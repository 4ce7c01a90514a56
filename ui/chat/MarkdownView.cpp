// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/MarkdownView.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QImage>
#include <QScrollBar>
#include <QTextCursor>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace juxta {

void openExternalLink(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s || scheme == u"https"_s || scheme == u"mailto"_s)
        QDesktopServices::openUrl(url);
}

MarkdownView::MarkdownView(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard | Qt::LinksAccessibleByMouse
                            | Qt::LinksAccessibleByKeyboard);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    QSizePolicy policy = sizePolicy();
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    viewport()->setAutoFillBackground(false);
    setAutoFillBackground(false);
    document()->setDocumentMargin(2);
    connect(this, &QTextBrowser::anchorClicked, this, &MarkdownView::openLink);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this, [this] {
        // The height at the width the document has now (heightForWidth() would re-wrap it at this widget's width,
        // which may be the old one while the transcript measures at a new one).
        const int h = int(std::ceil(document()->size().height())) + 2;
        if (h != m_lastHeight) {
            m_lastHeight = h;
            updateGeometry();
            emit contentHeightChanged();
        }
    });
}

void MarkdownView::openLink(const QUrl& url)
{
    openExternalLink(url);
}

void MarkdownView::setMarkdownText(const QString& markdown)
{
    m_markdown = markdown;
    document()->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
}

void MarkdownView::setPlain(const QString& text)
{
    m_markdown.clear();
    document()->setPlainText(text);
}

void MarkdownView::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    // Link colours are baked in when Markdown is laid out: a light/dark switch needs a new layout.
    if (event->type() == QEvent::PaletteChange && !m_markdown.isEmpty())
        document()->setMarkdown(m_markdown, QTextDocument::MarkdownDialectGitHub);
}

void MarkdownView::appendPlain(QStringView text)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text.toString());
}

int MarkdownView::heightForWidth(int width) const
{
    // The document lays itself out at the viewport's width; other widths are asked only before the first show.
    QTextDocument* doc = document();
    if (width > 0 && qAbs(doc->textWidth() - width) > 0.5)
        doc->setTextWidth(width);
    return int(std::ceil(doc->size().height())) + 2;
}

// The hints answer at the width the document is laid out at now, and never lay it out again: layouts ask for
// them at passing widths (the base class's 256 px default among them), and each different width used to cost a
// full layout of the text, twice (there and back), several times per frame while an answer streams.
QSize MarkdownView::sizeHint() const
{
    // The preferred width is the one laid out now: a container's layout asks heightForWidth() at its size hint's
    // width, which then costs nothing.
    const double laidOut = document()->textWidth();
    return {laidOut > 0 ? int(laidOut) : 200, int(std::ceil(document()->size().height())) + 2};
}

QSize MarkdownView::minimumSizeHint() const
{
    return {50, int(std::ceil(document()->size().height())) + 2};
}

QVariant MarkdownView::loadResource(int type, const QUrl& name)
{
    // Models can write ![x](https://tracker.example/pixel.png): nothing is fetched, local files included.
    if (type == QTextDocument::ImageResource) {
        Q_UNUSED(name)
        return QImage();
    }
    return {};
}

void MarkdownView::resizeEvent(QResizeEvent* event)
{
    QTextBrowser::resizeEvent(event);
    document()->setTextWidth(viewport()->width());
}

void MarkdownView::wheelEvent(QWheelEvent* event)
{
    // Never scrolls itself: the transcript around it does.
    event->ignore();
}

} // namespace juxta
