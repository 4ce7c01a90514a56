// SPDX-License-Identifier: GPL-3.0-or-later
// Colours from the palette: every tone, tint and series colour reads on light, dark and high-contrast palettes
// (WCAG 4.5:1 for text, 3:1 for marks), keeps its hue where it already read, and the views built on them (the diff,
// the Providers dialog's status lines) use the palette they are shown with.
#include "common/Tones.h"
#include "charts/RunCharts.h"
#include "compare/CompareFigures.h"
#include "compare/DiffDialog.h"
#include "compare/WordDiff.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStyle>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <qcustomplot.h>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

QPalette paletteOf(const QColor& window, const QColor& base, const QColor& text)
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::Text, text);
    return p;
}

const Tone kTones[] = {Tone::Positive, Tone::Negative, Tone::Warning, Tone::Active,
                       Tone::Cached,   Tone::Favourite, Tone::Neutral};

} // namespace

class TestTones : public QObject
{
    Q_OBJECT

private slots:
    void contrastRatioFollowsWcag();
    void everyToneReads_data();
    void everyToneReads();
    void aHueThatAlreadyReadsIsKept();
    void diffMarksFollowThePalette();
    void viewsFollowAPaletteSwitch();
};

void TestTones::contrastRatioFollowsWcag()
{
    QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    QVERIFY(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
    QVERIFY(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
    QCOMPARE(contrastRatio(Qt::red, Qt::blue), contrastRatio(Qt::blue, Qt::red));
}

void TestTones::everyToneReads_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("Fusion light") << QApplication::style()->standardPalette();
    QTest::newRow("dark") << paletteOf(QColor(0x2B, 0x2B, 0x2E), QColor(0x1E, 0x1E, 0x20), QColor(0xE6, 0xE6, 0xE6));
    QTest::newRow("high contrast dark") << paletteOf(Qt::black, Qt::black, Qt::white);
    QTest::newRow("high contrast light") << paletteOf(Qt::white, Qt::white, Qt::black);
    QTest::newRow("mid grey") << paletteOf(QColor(0x80, 0x80, 0x80), QColor(0x78, 0x78, 0x78), Qt::black);
}

void TestTones::everyToneReads()
{
    QFETCH(QPalette, palette);
    for (const Tone tone : kTones) {
        const QString what = u"tone %1"_s.arg(int(tone));
        for (const auto role : {QPalette::Base, QPalette::Window}) {
            const QColor background = palette.color(role);
            QVERIFY2(contrastRatio(toneColour(tone, palette, ToneUse::Text, role), background) >= 4.5, qPrintable(what));
            QVERIFY2(contrastRatio(toneColour(tone, palette, ToneUse::Mark, role), background) >= 3.0, qPrintable(what));
        }
        QVERIFY2(contrastRatio(toneTextOnTint(tone, palette), toneTint(tone, palette)) >= 4.5, qPrintable(what));
        // A tint is a fill behind text, not a colour of its own: it stays near the base.
        QVERIFY2(contrastRatio(toneTint(tone, palette), palette.color(QPalette::Base)) < 2.0, qPrintable(what));
        const QRegularExpression span(u"^<span style='color:(#[0-9a-f]{6})'>x</span>$"_s);
        const QRegularExpressionMatch m = span.match(toneSpan(tone, palette, u"x"_s));
        QVERIFY2(m.hasMatch(), qPrintable(toneSpan(tone, palette, u"x"_s)));
        QVERIFY(contrastRatio(QColor(m.captured(1)), palette.color(QPalette::Window)) >= 4.5);
    }
    QSet<QRgb> series;
    for (int i = 0; i < 8; ++i) {
        const QColor c = seriesColour(i, palette);
        QVERIFY2(contrastRatio(c, palette.color(QPalette::Base)) >= 3.0, qPrintable(u"series %1"_s.arg(i)));
        series.insert(c.rgb());
    }
    QCOMPARE(series.size(), 8); // still eight colours to tell apart
}

void TestTones::aHueThatAlreadyReadsIsKept()
{
    const QPalette dark = paletteOf(QColor(0x2B, 0x2B, 0x2E), QColor(0x1E, 0x1E, 0x20), QColor(0xE6, 0xE6, 0xE6));
    // Okabe–Ito orange reads on a dark base as it is; on white it is darkened, keeping its hue.
    QCOMPARE(toneColour(Tone::Warning, dark, ToneUse::Mark), QColor(0xE6, 0x9F, 0x00));
    const QColor onWhite = toneColour(Tone::Warning, paletteOf(Qt::white, Qt::white, Qt::black));
    QVERIFY(onWhite.lightnessF() < QColor(0xE6, 0x9F, 0x00).lightnessF());
    QVERIFY(qAbs(onWhite.hslHueF() - QColor(0xE6, 0x9F, 0x00).hslHueF()) < 0.02);
    // A blue that is too dark for a black background is lightened, not swapped for another colour.
    const QColor blue = withContrast(QColor(0x00, 0x72, 0xB2), Qt::black, 4.5);
    QVERIFY(blue.lightnessF() > QColor(0x00, 0x72, 0xB2).lightnessF());
    QVERIFY(qAbs(blue.hslHueF() - QColor(0x00, 0x72, 0xB2).hslHueF()) < 0.02);
}

void TestTones::diffMarksFollowThePalette()
{
    WordDiff diff;
    diff.spans = {{DiffSpan::Kind::Same, u"one "_s}, {DiffSpan::Kind::Removed, u"two"_s},
                  {DiffSpan::Kind::Added, u"three"_s}};
    const QPalette light = paletteOf(Qt::white, Qt::white, Qt::black);
    const QPalette dark = paletteOf(QColor(0x2B, 0x2B, 0x2E), QColor(0x1E, 0x1E, 0x20), QColor(0xE6, 0xE6, 0xE6));
    const QRegularExpression mark(u"background:(#[0-9a-f]{6}); color:(#[0-9a-f]{6}); text-decoration:(\\S+)\">(\\w+)<"_s);
    for (const QPalette& palette : {light, dark}) {
        const QString html = diffToHtml(diff, palette);
        int marks = 0;
        for (auto it = mark.globalMatch(html); it.hasNext(); ++marks) {
            const QRegularExpressionMatch m = it.next();
            const QColor background(m.captured(1)), text(m.captured(2));
            QVERIFY2(contrastRatio(text, background) >= 4.5, qPrintable(html));
            QVERIFY(contrastRatio(background, palette.color(QPalette::Base)) < 2.0);
            // Colour is never the only sign: struck through or underlined.
            QCOMPARE(m.captured(3), m.captured(4) == u"two"_s ? u"line-through"_s : u"underline"_s);
        }
        QCOMPARE(marks, 2);
    }
}

void TestTones::viewsFollowAPaletteSwitch()
{
    // Dark mode switched on while the window is open: colours fitted to the old palette are fitted again.
    const QPalette original = QApplication::palette();
    QApplication::setPalette(paletteOf(Qt::white, Qt::white, Qt::black));
    DiffDialog diff({u"a"_s, u"b"_s}, {u"one two"_s, u"one three"_s});
    RunCharts charts;
    ColumnFigures a, b;
    a.label = u"fast"_s;
    b.label = u"slow"_s;
    a.succeeded = b.succeeded = true;
    a.costUsd = 0.001;
    b.costUsd = 0.002;
    charts.setFigures({a, b}, {0, 1});
    diff.show();
    charts.show();
    const QPalette dark = paletteOf(QColor(0x2B, 0x2B, 0x2E), QColor(0x1E, 0x1E, 0x20), QColor(0xE6, 0xE6, 0xE6));
    QApplication::setPalette(dark);
    QTest::qWait(50); // the charts fit their series once the plots have the new palette
    QVERIFY(diff.view()->toHtml().contains(u"three"_s));
    int bars = 0;
    for (int i = 0; i < charts.costPlot()->plottableCount(); ++i) {
        auto* bar = qobject_cast<QCPBars*>(charts.costPlot()->plottable(i));
        QVERIFY(bar);
        // The colour fitted to the dark base (orange, darkened for white, is itself again).
        QCOMPARE(bar->brush().color(), seriesColour(i, dark));
        ++bars;
    }
    QCOMPARE(bars, 2);
    // The diff's text colours, read back from the view's document, read on the dark tints.
    QTextCursor cursor(diff.view()->document());
    int marked = 0;
    while (!cursor.atEnd()) {
        cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        const QTextCharFormat format = cursor.charFormat();
        if (format.background().style() != Qt::NoBrush) {
            QVERIFY(contrastRatio(format.foreground().color(), format.background().color()) >= 4.5);
            QVERIFY(contrastRatio(format.background().color(), dark.color(QPalette::Base)) < 2.0); // a dark tint
            ++marked;
        }
        cursor.clearSelection();
    }
    QVERIFY(marked > 0);
    QApplication::setPalette(original);
}

QTEST_MAIN(TestTones)
#include "TestTones.moc"
