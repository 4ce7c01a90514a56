// SPDX-License-Identifier: GPL-3.0-or-later
// The first minutes at the window's first size (1100×720), for people to look at: the welcome page, the offline
// comparison, a chat with an offline model and the Pipeline view with an example that has run — in the light
// palette, in a dark one, and (JUXTA_APPEARANCE_SCALE, as CTest runs it with QT_SCALE_FACTOR=2) at 200 %. Saved
// as appearance_<theme>_<step>.png; the test checks the flow works in each, the screenshots are the rest.
#include "catalog/ModelPicker.h"
#include "charts/RunCharts.h"
#include "chat/ChatPage.h"
#include "chat/Composer.h"
#include "chat/TranscriptView.h"
#include "compare/ComparePage.h"
#include "onboarding/WelcomePage.h"
#include "pipeline/PipelineEditor.h"
#include "pipeline/PipelinePage.h"
#include "compare/DiffDialog.h"
#include "providers/ProfileEditor.h"
#include "providers/ProvidersDialog.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2B, 0x2B, 0x2E), base(0x1E, 0x1E, 0x20), text(0xE6, 0xE6, 0xE6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9A, 0xA0));
    p.setColor(QPalette::Highlight, QColor(0x3D, 0x8B, 0xD9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6C, 0xB4, 0xFF));
    p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x5A));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x77, 0x77, 0x7C));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x77, 0x77, 0x7C));
    return p;
}

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT

private slots:
    void firstMinutes_data();
    void firstMinutes();
};

void TestAppearance::firstMinutes_data()
{
    QTest::addColumn<bool>("dark");
    const QString scale = qEnvironmentVariable("QT_SCALE_FACTOR");
    if (scale == u"2"_s) { // the 200 % run: light only, the layout is what it is about
        QTest::newRow("200") << false;
        return;
    }
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestAppearance::firstMinutes()
{
    QFETCH(bool, dark);
    const QString theme = qEnvironmentVariable("QT_SCALE_FACTOR") == u"2"_s ? u"200"_s : dark ? u"dark"_s : u"light"_s;
    const QPalette original = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s)); // a style that follows the palette everywhere
    if (dark)
        QApplication::setPalette(darkPalette());
    QSettings().clear();
    QTemporaryDir dir;
    const QString shots = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(shots);
    const auto shot = [&](QWidget& w, const QString& step) {
        QVERIFY(w.grab().save(shots + u"/appearance_%1_%2.png"_s.arg(theme, step)));
    };
    {
        MainWindow window(dir.filePath(u"config.json"_s), nullptr, dir.filePath(u"history.sqlite"_s));
        window.resize(1100, 720);
        window.checkFirstRun({}); // no local servers: the welcome page
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.welcomePage() && window.welcomePage()->isVisible(), 5000);
        shot(window, u"1_welcome"_s);

        QSignalSpy compared(window.comparePage(), &ComparePage::runFinished);
        window.welcomePage()->offlineButton()->click();
        QVERIFY(compared.wait(30'000));
        QTest::qWait(200);
        // Every legend entry of the charts is whole inside its chart (they wrap into rows rather than being cut).
        auto* charts = window.findChild<RunCharts*>();
        QVERIFY(charts);
        for (QCustomPlot* plot : {charts->latencyPlot(), charts->throughputPlot()}) {
            for (int i = 0; i < plot->legend->itemCount(); ++i) {
                const QCPAbstractLegendItem* item = plot->legend->item(i);
                QVERIFY2(!item || plot->rect().contains(item->outerRect()),
                         qPrintable(u"%1: a legend entry runs out of the chart"_s.arg(theme)));
            }
        }
        shot(window, u"2_offline_comparison"_s);

        window.showChat();
        window.modelPicker()->choose(u"scripted/swift"_s);
        QSignalSpy answered(window.chatPage(), &ChatPage::answerFinished);
        window.chatPage()->composer()->editor()->setFocus();
        QTest::keyClicks(window.chatPage()->composer()->editor(), u"Why compare models?"_s);
        QTest::keyClick(window.chatPage()->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(answered.wait(30'000));
        QTest::qWait(200);
        shot(window, u"3_chat"_s);

        window.showPipeline();
        window.pipelinePage()->setExamplesFolder(dir.filePath(u"examples"_s));
        window.pipelinePage()->openExample(u"summarize-then-format.juxta"_s);
        QSignalSpy ran(window.pipelinePage(), &PipelinePage::runFinished);
        window.pipelinePage()->run(QHash<QString, QString>());
        QVERIFY(ran.wait(30'000));
        QTest::qWait(200);
        shot(window, u"4_pipeline"_s);
        window.pipelinePage()->editor().markSaved();

        // The coloured states: a warning in the Providers dialog, a word diff's marks.
        window.showProviders();
        auto* providers = window.findChild<ProvidersDialog*>();
        QVERIFY(providers);
        QTRY_VERIFY(providers->isVisible());
        auto* baseUrl = providers->editor()->findChild<QLineEdit*>();
        for (QLineEdit* field : providers->editor()->findChildren<QLineEdit*>()) {
            if (field->accessibleName() == u"Base URL"_s)
                baseUrl = field;
        }
        baseUrl->selectAll(); // plain http to a public host: the warning, in its tone
        QTest::keyClicks(baseUrl, u"http://api.example.com/v1"_s);
        QTest::qWait(50);
        shot(*providers, u"5_providers"_s);
        providers->reject();
        DiffDialog diff({u"scripted/swift"_s, u"scripted/steady"_s},
                        {u"Comparing models shows which one answers fastest and cheapest for your prompt."_s,
                         u"Comparing models shows which one answers best and cheapest for this prompt."_s},
                        &window);
        diff.resize(640, 260);
        diff.show();
        QTest::qWait(50);
        shot(diff, u"6_diff"_s);
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(TestAppearance)
#include "TestAppearance.moc"
