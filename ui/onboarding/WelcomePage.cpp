// SPDX-License-Identifier: GPL-3.0-or-later
#include "onboarding/WelcomePage.h"

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_addKey(new QPushButton(tr("Open Providers…"), this))
    , m_offline(new QPushButton(tr("Try it offline"), this))
    , m_lookAgain(new QPushButton(tr("Look again"), this))
    , m_serverRows(new QVBoxLayout)
    , m_showAtStart(new QCheckBox(tr("Show this page at start while no provider is set up"), this))
{
    setObjectName(u"welcomePage"_s);
    m_addKey->setObjectName(u"welcomeAddKey"_s);
    m_offline->setObjectName(u"welcomeTryOffline"_s);
    m_lookAgain->setObjectName(u"welcomeLookAgain"_s);
    m_showAtStart->setObjectName(u"welcomeShowAtStart"_s);
    m_showAtStart->setChecked(true);
    m_offline->setDefault(true);

    auto* title = new QLabel(tr("Welcome to Juxta"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    auto* lead = new QLabel(tr("Send one prompt to several models and watch the answers stream in side by side, "
                               "with time to first token, speed and cost for each. Choose how to start:"),
                            this);
    lead->setWordWrap(true);

    auto* servers = new QWidget(this);
    auto* serversLayout = new QVBoxLayout(servers);
    serversLayout->setContentsMargins(0, 0, 0, 0);
    serversLayout->addLayout(m_serverRows);
    serversLayout->addWidget(m_lookAgain, 0, Qt::AlignLeft);

    auto* cards = new QHBoxLayout; // three cards of equal width
    cards->setSpacing(16);
    cards->addWidget(card(tr("Add an API key"),
                          tr("OpenAI, Anthropic, Google Gemini, OpenRouter, Mistral, Groq, DeepSeek and any "
                             "OpenAI-compatible server. Keys are kept in the system keychain, never in a file."),
                          m_addKey), 1);
    cards->addWidget(card(tr("Use a local server"), QString(), servers, &m_serversText), 1);
    cards->addWidget(card(tr("Try it offline"),
                          tr("No key, no network, no cost. Three built-in offline models answer side by side at "
                             "different speeds; the third one is rate-limited and cut off mid-answer, so you see "
                             "Juxta retry and fall back."),
                          m_offline), 1);

    auto* skip = new QPushButton(tr("Skip for now"), this);
    skip->setObjectName(u"welcomeSkip"_s);
    skip->setFlat(true);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_showAtStart);
    footer->addStretch();
    footer->addWidget(skip);

    auto* column = new QVBoxLayout;
    column->setSpacing(14);
    column->addWidget(title);
    column->addWidget(lead);
    column->addSpacing(8);
    column->addLayout(cards);
    column->addSpacing(8);
    column->addLayout(footer);
    // Centred and at most 1000 px wide, with no alignment flag: the word-wrapped texts then get their height for the
    // width they are given (an aligned widget is only ever given its size hint).
    auto* content = new QWidget(this);
    content->setLayout(column);
    content->setMaximumWidth(1000);
    auto* centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(content, 100);
    centred->addStretch(1);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(centred);
    outer->addStretch(2);

    connect(m_addKey, &QPushButton::clicked, this, &WelcomePage::addKeyRequested);
    connect(m_offline, &QPushButton::clicked, this, &WelcomePage::tryOfflineRequested);
    connect(m_lookAgain, &QPushButton::clicked, this, [this] {
        setSearching();
        emit lookAgainRequested();
    });
    connect(skip, &QPushButton::clicked, this, &WelcomePage::skipRequested);
    connect(m_showAtStart, &QCheckBox::toggled, this, &WelcomePage::showAtStartChanged);
    setSearching();
}

QWidget* WelcomePage::card(const QString& title, const QString& text, QWidget* action, QLabel** body)
{
    auto* frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::AlternateBase);
    frame->setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 14, 16, 14);
    auto* heading = new QLabel(title, frame);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading->setFont(bold);
    auto* label = new QLabel(text, frame);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setMinimumWidth(220);
    layout->addWidget(heading);
    layout->addWidget(label, 1);
    layout->addWidget(action, 0, Qt::AlignLeft);
    if (body)
        *body = label;
    frame->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    return frame;
}

void WelcomePage::setSearching()
{
    m_serversText->setText(tr("Looking for Ollama, LM Studio and llama.cpp servers on this machine…"));
    m_lookAgain->setEnabled(false);
}

void WelcomePage::setDetectedServers(const QList<DetectedServer>& servers)
{
    while (QLayoutItem* item = m_serverRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_serverButtons.clear();
    m_lookAgain->setEnabled(true);
    if (servers.isEmpty()) {
        m_serversText->setText(tr("No Ollama, LM Studio or llama.cpp server answered on this machine. Start one and "
                                  "look again: local models cost nothing per token."));
        return;
    }
    m_serversText->setText(tr("Found on this machine:"));
    for (const DetectedServer& server : servers) {
        const QUrl& url = server.profile.baseUrl;
        const QString models = server.models.size() == 1 ? tr("1 model") : tr("%1 models").arg(server.models.size());
        auto* button = new QPushButton(
            tr("Use %1 (%2:%3, %4)").arg(server.profile.displayName, url.host()).arg(url.port()).arg(models), this);
        button->setObjectName(u"welcomeUseServer"_s);
        connect(button, &QPushButton::clicked, this, [this, server] { emit useServerRequested(server); });
        m_serverRows->addWidget(button, 0, Qt::AlignLeft);
        m_serverButtons.append(button);
    }
}

bool WelcomePage::showAtStart() const
{
    return m_showAtStart->isChecked();
}

void WelcomePage::setShowAtStart(bool show)
{
    const QSignalBlocker quiet(m_showAtStart);
    m_showAtStart->setChecked(show);
}

} // namespace juxta
