// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that gives a meaning a colour. Each meaning keeps its hue (Okabe–Ito: told apart with the common
// colour-vision deficiencies); its lightness is moved until it reads on the palette's background — WCAG contrast
// 4.5:1 for text, 3:1 for marks and chart series — so a dark theme (or a high-contrast one) never hides it. No other
// file under ui/ names a colour: the test suite's colour audit fails on a literal anywhere else.
#pragma once

#include <QColor>
#include <QPalette>

namespace juxta {

enum class Tone {
    Positive,  // succeeded, a check passed, words added
    Negative,  // failed, refused, words removed
    Warning,   // a problem to look at (validation, an unknown name)
    Active,    // running, waiting, a drag in flight
    Cached,    // reused from an earlier run
    Favourite, // the star
    Neutral,   // no judgement (not rated)
};

enum class ToneUse {
    Text, // letters: 4.5:1
    Mark, // bars, bands, borders, series: 3:1
};

// `a` moved `t` (0 … 1) of the way to `b`, opaque.
QColor blendColours(const QColor& a, const QColor& b, double t);

// WCAG 2 contrast ratio of two opaque colours, 1 … 21.
double contrastRatio(const QColor& a, const QColor& b);

// `colour` with its hue and saturation kept and its lightness moved (away from `background`) until the two reach
// `ratio`; the palette's text colour when no lightness can.
QColor withContrast(const QColor& colour, const QColor& background, double ratio);

double minimumContrast(ToneUse use);

// A tone on the palette's `background` role.
QColor toneColour(Tone tone, const QPalette& palette, ToneUse use = ToneUse::Text,
                  QPalette::ColorRole background = QPalette::Base);

// A faint fill of a tone (diff marks, highlights) on the palette's Base, and the tone's text colour on that fill.
QColor toneTint(Tone tone, const QPalette& palette);
QColor toneTextOnTint(Tone tone, const QPalette& palette);

// Categorical colours (chart series, pipeline node kinds), 3:1 against the palette's Base.
QColor seriesColour(int index, const QPalette& palette);

// Colours as CSS for rich-text labels (`#rrggbb`).
QString cssColour(const QColor& colour);

// `html` in a tone's text colour for a rich-text label on the palette's Window.
QString toneSpan(Tone tone, const QPalette& palette, const QString& html);

} // namespace juxta
