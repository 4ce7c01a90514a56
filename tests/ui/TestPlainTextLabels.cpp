// SPDX-License-Identifier: GPL-3.0-or-later
// Server and file text is shown as text: an error banner quoting a hostile body with an <img> pointing at a server,
// a link and markup shows those characters and loads nothing; labels with our own markup stay rich; tooltips are
// left to the code that escapes what they quote. Rendered offscreen and saved as a screenshot to look at.
#include "chat/MessageWidget.h"
#include "common/PlainTextLabels.h"

#include <QLabel>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

const QString kHostile = u"<img src=\"http://127.0.0.1:9/beacon.png\"><b>bold</b> <a href=\"javascript:alert(1)\">"
                         "click</a> <style>*{background:url(http://127.0.0.1:9/x)}</style>"_s;

} // namespace

class TestPlainTextLabels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void anErrorBannerShowsHostileTextAsText();
    void ourOwnMarkupStaysRich();
};

void TestPlainTextLabels::initTestCase()
{
    QVERIFY(Qt::mightBeRichText(kHostile)); // what QLabel's automatic detection would have rendered
    installPlainTextLabels();
    installPlainTextLabels(); // idempotent
}

void TestPlainTextLabels::anErrorBannerShowsHostileTextAsText()
{
    MessageRecord answer;
    answer.id = u"a1"_s;
    answer.role = MessageRole::Assistant;
    answer.state = MessageState::Failed;
    answer.content = u"partial"_s;
    answer.stats.errorClass = u"server"_s;
    answer.stats.errorMessage = u"server (HTTP 500): "_s + kHostile;
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* message = new MessageWidget(answer, BranchPosition{}, MessagePart{}, &window);
    layout->addWidget(message);
    window.resize(640, 240);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* label = message->findChild<QLabel*>(u"errorText"_s);
    QVERIFY(label);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(label->text().contains(u"<img src="_s)); // intact, shown as the characters it is
    QVERIFY(label->text().contains(u"javascript:"_s));
    if (const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR"); !dir.isEmpty())
        window.grab().save(dir + u"/plain_text_error_banner.png"_s);
}

void TestPlainTextLabels::ourOwnMarkupStaysRich()
{
    QWidget window;
    auto* ours = new QLabel(u"<b>%1</b> is running"_s.arg(u"<script>"_s.toHtmlEscaped()), &window);
    markRichText(ours);
    auto* theirs = new QLabel(kHostile, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(ours->textFormat(), Qt::RichText);
    QCOMPARE(theirs->textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestPlainTextLabels)
#include "TestPlainTextLabels.moc"
