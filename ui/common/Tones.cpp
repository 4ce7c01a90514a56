// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Tones.h"

#include <QString>

#include <cmath>

namespace juxta {
namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor hue(Tone tone)
{
    switch (tone) {
    case Tone::Positive: return QColor(0x00, 0x9E, 0x73);  // bluish green
    case Tone::Negative: return QColor(0xD5, 0x5E, 0x00);  // vermillion
    case Tone::Warning: return QColor(0xE6, 0x9F, 0x00);   // orange
    case Tone::Active: return QColor(0x56, 0xB4, 0xE9);    // sky blue
    case Tone::Cached: return QColor(0xCC, 0x79, 0xA7);    // reddish purple
    case Tone::Favourite: return QColor(0xF5, 0xB0, 0x1A); // gold
    case Tone::Neutral: break;
    }
    return QColor(0x7F, 0x7F, 0x7F);
}

} // namespace

QColor blendColours(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor withContrast(const QColor& colour, const QColor& background, double ratio)
{
    if (contrastRatio(colour, background) >= ratio)
        return colour;
    const bool darkBackground = luminance(background) < 0.18; // mid-grey's luminance: lighter text reads better
    float h = 0, s = 0, l = 0;
    colour.getHslF(&h, &s, &l);
    for (int step = 1; step <= 50; ++step) {
        const float moved = darkBackground ? std::min(1.0f, l + step * 0.02f) : std::max(0.0f, l - step * 0.02f);
        const QColor candidate = QColor::fromHslF(h, s, moved);
        if (contrastRatio(candidate, background) >= ratio)
            return candidate;
    }
    return darkBackground ? QColor(Qt::white) : QColor(Qt::black);
}

double minimumContrast(ToneUse use)
{
    return use == ToneUse::Text ? 4.5 : 3.0;
}

QColor toneColour(Tone tone, const QPalette& palette, ToneUse use, QPalette::ColorRole background)
{
    return withContrast(hue(tone), palette.color(background), minimumContrast(use));
}

QColor toneTint(Tone tone, const QPalette& palette)
{
    return blendColours(palette.color(QPalette::Base), hue(tone), 0.22);
}

QColor toneTextOnTint(Tone tone, const QPalette& palette)
{
    return withContrast(blendColours(hue(tone), palette.color(QPalette::Text), 0.35), toneTint(tone, palette),
                        minimumContrast(ToneUse::Text));
}

QColor seriesColour(int index, const QPalette& palette)
{
    // Okabe–Ito, then two extras: distinct for the common colour-vision deficiencies.
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                     QColor(0x7F, 0x7F, 0x7F), QColor(0xA0, 0x8B, 0x2C)};
    return withContrast(colours[std::abs(index) % 8], palette.color(QPalette::Base), minimumContrast(ToneUse::Mark));
}

QString cssColour(const QColor& colour)
{
    return colour.name(QColor::HexRgb);
}

QString toneSpan(Tone tone, const QPalette& palette, const QString& html)
{
    return QStringLiteral("<span style='color:%1'>%2</span>")
        .arg(cssColour(toneColour(tone, palette, ToneUse::Text, QPalette::Window)), html);
}

} // namespace juxta
