// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/PlainTextLabels.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr char kRichTextProperty[] = "juxtaRichText";

class PlainTextLabelFilter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // Polish comes once per widget, before it is first shown: cheap, and late enough that the creator has
        // had its chance to mark the label.
        if (event->type() == QEvent::Polish) {
            // Tooltips (QTipLabel) are left alone: one label shows every tooltip, ours escape what they quote.
            if (auto* label = qobject_cast<QLabel*>(watched); label && !label->inherits("QTipLabel")
                && !label->property(kRichTextProperty).toBool() && label->textFormat() != Qt::PlainText)
                label->setTextFormat(Qt::PlainText);
        }
        return false;
    }
};

} // namespace

void installPlainTextLabels()
{
    static const QString name = u"juxta-plain-text-labels"_s;
    if (!qApp || qApp->findChild<QObject*>(name, Qt::FindDirectChildrenOnly))
        return;
    auto* filter = new PlainTextLabelFilter(qApp);
    filter->setObjectName(name);
    qApp->installEventFilter(filter);
}

void markRichText(QLabel* label)
{
    label->setProperty(kRichTextProperty, true);
    label->setTextFormat(Qt::RichText);
}

} // namespace juxta
