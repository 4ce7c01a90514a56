// SPDX-License-Identifier: GPL-3.0-or-later
// The window's first-run flow: the welcome page, and what its three choices do (Providers dialog, a detected local
// server as a new profile, the ready-made offline comparison).
#include "shell/MainWindow.h"

#include "catalog/CatalogService.h"
#include "catalog/ModelPicker.h"
#include "catalog/ModelRef.h"
#include "compare/ComparePage.h"
#include "config/ConfigStore.h"
#include "onboarding/FirstRunCheck.h"
#include "offline/ScriptedResponder.h"
#include "onboarding/OfflineDemo.h"
#include "onboarding/WelcomePage.h"

#include <QAction>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace juxta {

void MainWindow::checkFirstRun(QList<LocalServerDetector::Candidate> candidates)
{
    m_serverCandidates = std::move(candidates);
    if (!QSettings().value(QLatin1StringView(kWelcomeAtStartKey), true).toBool())
        return;
    const AppConfig& config = m_store->config();
    if (!FirstRunCheck::environmentKey(config).isEmpty())
        return; // a key is there: nothing to wait for
    // Nothing configured: no key can be stored either, so open on the welcome page at once (no flash of the chat);
    // the search for local servers fills in its middle card. Otherwise wait for the key store's answer.
    if (FirstRunCheck::realProfiles(config).isEmpty())
        showWelcome();
    else
        runFirstRunCheck(true, false);
}

void MainWindow::createWelcome()
{
    if (m_welcome)
        return;
    m_welcome = new WelcomePage(this);
    m_welcome->setShowAtStart(QSettings().value(QLatin1StringView(kWelcomeAtStartKey), true).toBool());
    m_pages->addWidget(m_welcome);
    connect(m_welcome, &WelcomePage::addKeyRequested, this, &MainWindow::showProviders);
    connect(m_welcome, &WelcomePage::tryOfflineRequested, this, &MainWindow::tryOffline);
    connect(m_welcome, &WelcomePage::useServerRequested, this, &MainWindow::useServer);
    connect(m_welcome, &WelcomePage::lookAgainRequested, this, [this] { runFirstRunCheck(false, false); });
    connect(m_welcome, &WelcomePage::skipRequested, this, &MainWindow::leaveWelcome);
    connect(m_welcome, &WelcomePage::showAtStartChanged, this, [](bool show) {
        QSettings().setValue(QLatin1StringView(kWelcomeAtStartKey), show);
    });
}

void MainWindow::showWelcome()
{
    createWelcome();
    m_pages->setCurrentWidget(m_welcome);
    m_pickerAction->setVisible(false);
    m_welcome->setSearching();
    runFirstRunCheck(false, false); // for the local servers it offers
}

void MainWindow::runFirstRunCheck(bool openIfNeeded, bool leaveIfReady)
{
    if (m_firstRun) { // a newer question replaces the older; its answer, even one already posted, is not wanted
        disconnect(m_firstRun, nullptr, this, nullptr);
        m_firstRun->deleteLater();
    }
    m_firstRun = new FirstRunCheck(m_store->config(), *m_secrets, *m_network, m_serverCandidates, this);
    connect(m_firstRun, &FirstRunCheck::finished, this, [this, check = m_firstRun.data(), openIfNeeded, leaveIfReady](
                                                            const FirstRunVerdict& verdict) {
        check->deleteLater();
        m_firstRun.clear();
        onFirstRunVerdict(verdict, openIfNeeded, leaveIfReady);
    });
    m_firstRun->start();
}

void MainWindow::onFirstRunVerdict(const FirstRunVerdict& verdict, bool openIfNeeded, bool leaveIfReady)
{
    const bool onWelcome = m_welcome && m_pages->currentWidget() == m_welcome;
    if (verdict.providerReady && onWelcome && leaveIfReady) {
        statusBar()->showMessage(tr("Ready: %1.").arg(verdict.readyBecause), 6000);
        leaveWelcome();
        return;
    }
    if (!verdict.providerReady && openIfNeeded && !onWelcome) {
        createWelcome();
        m_pages->setCurrentWidget(m_welcome);
        m_pickerAction->setVisible(false);
    }
    if (m_welcome)
        m_welcome->setDetectedServers(verdict.detected);
}

void MainWindow::leaveWelcome()
{
    if (QSettings().value(QLatin1StringView(kModeKey)).toString() == u"compare"_s)
        showCompare();
    else
        showChat();
}

void MainWindow::useServer(const DetectedServer& server)
{
    ProviderProfile profile = server.profile;
    profile.id = unusedProfileId(m_store->config().profiles, profile.id);
    QString error;
    if (!m_store->update([&profile](AppConfig& config) { config.profiles.append(profile); }, &error)) {
        statusBar()->showMessage(error, 8000);
        return;
    }
    m_catalog->catalog().setListed(profile, server.models, QDateTime::currentDateTimeUtc());
    m_catalog->refresh(profile); // and into the discovery cache, so the list is there at the next start
    m_picker->reload();
    if (!server.models.isEmpty()) {
        const QString reference = ModelRef{profile.id, server.models.constFirst().id}.toString();
        m_picker->choose(reference);
    }
    showChat();
    const QString models = server.models.size() == 1 ? tr("1 model") : tr("%1 models").arg(server.models.size());
    statusBar()->showMessage(tr("Added %1 with %2.").arg(profile.displayName, models), 8000);
}

void MainWindow::tryOffline()
{
    const OfflineDemo demo = offlineDemo(m_store->config());
    resetScriptedTurns(); // the flaky model's story starts at its first turn (a 429), whatever ran before
    if (!demo.profilesToAdd.isEmpty()) {
        QString error;
        const bool saved = m_store->update([&demo](AppConfig& config) { config.profiles += demo.profilesToAdd; },
                                           &error);
        if (!saved) { // the demo still runs: offline presets work without a profile
            statusBar()->showMessage(error, 8000);
        }
        m_picker->reload();
    }
    showCompare();
    m_compare->startWith(demo.setup, demo.prompt);
    statusBar()->showMessage(tr("Offline demo: the answers come from Juxta's demo script; nothing leaves this "
                                "machine and nothing is charged."), 10'000);
}

} // namespace juxta
