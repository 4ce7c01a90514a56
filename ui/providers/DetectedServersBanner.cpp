// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/DetectedServersBanner.h"

#include "common/PlainTextLabels.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

DetectedServersBanner::DetectedServersBanner(QWidget* parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    setAccessibleName(tr("Servers found on this machine"));
    hide();
}

void DetectedServersBanner::showServers(const QList<DetectedServer>& servers, const QList<ProviderProfile>& configured)
{
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int shown = 0;
    for (const DetectedServer& server : servers) {
        const QUrl& url = server.profile.baseUrl;
        const bool known = std::any_of(configured.cbegin(), configured.cend(), [&](const ProviderProfile& p) {
            return p.baseUrl.host() == url.host() && p.baseUrl.port() == url.port();
        });
        if (known)
            continue;
        auto* row = new QFrame(this);
        row->setFrameShape(QFrame::StyledPanel);
        row->setBackgroundRole(QPalette::AlternateBase);
        row->setAutoFillBackground(true);
        auto* rowLayout = new QHBoxLayout(row);
        const QString where = u"%1:%2"_s.arg(url.host()).arg(url.port());
        const QString models = server.models.size() == 1 ? tr("1 model") : tr("%1 models").arg(server.models.size());
        auto* text = new QLabel(tr("<b>%1</b> is running on %2 with %3.")
                                    .arg(server.profile.displayName.toHtmlEscaped(), where, models),
                                row);
        markRichText(text);
        auto* add = new QPushButton(tr("Add %1").arg(server.profile.displayName), row);
        const ProviderProfile profile = server.profile;
        connect(add, &QPushButton::clicked, this, [this, profile, row] {
            emit addRequested(profile);
            row->hide();
        });
        rowLayout->addWidget(text, 1);
        rowLayout->addWidget(add);
        m_layout->addWidget(row);
        ++shown;
    }
    setVisible(shown > 0);
}

} // namespace juxta
