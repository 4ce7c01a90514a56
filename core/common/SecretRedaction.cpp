// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/SecretRedaction.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

const QString kRedacted = u"[redacted]"_s;
constexpr qsizetype kFragment = 8; // shorter pieces of a key are too common in ordinary text to mean anything

// Marks [from, from + length) in `marked` for every 8-character window of `text` that occurs in a secret.
void markFragments(const QString& text, const QString& secret, QList<bool>& marked)
{
    if (secret.size() < kFragment || text.size() < kFragment)
        return;
    QSet<QStringView> windows;
    windows.reserve(secret.size());
    for (qsizetype i = 0; i + kFragment <= secret.size(); ++i)
        windows.insert(QStringView(secret).sliced(i, kFragment));
    for (qsizetype i = 0; i + kFragment <= text.size(); ++i) {
        if (windows.contains(QStringView(text).sliced(i, kFragment))) {
            for (qsizetype j = i; j < i + kFragment; ++j)
                marked[j] = true;
        }
    }
}

} // namespace

QString redactSecrets(const QString& text, const QList<QString>& knownSecrets)
{
    if (text.isEmpty())
        return text;
    QList<bool> marked(text.size(), false);
    for (const QString& secret : knownSecrets)
        markFragments(text, secret.trimmed(), marked);
    // Key shapes of the providers Juxta speaks to; the tail is long enough that words like "sk-learn" stay.
    static const QRegularExpression shapes(
        uR"((?<![A-Za-z0-9])(?:sk-(?:ant-|proj-|or-v1-|svcacct-)?[A-Za-z0-9_\-]{16,}|AIza[0-9A-Za-z_\-]{30,}|gsk_[A-Za-z0-9]{20,}|hf_[A-Za-z0-9]{20,}|xai-[A-Za-z0-9]{20,}|(?<=Bearer )[A-Za-z0-9._~+/\-]{16,}=*))"_s);
    for (auto it = shapes.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        for (qsizetype j = m.capturedStart(); j < m.capturedEnd(); ++j)
            marked[j] = true;
    }
    if (std::find(marked.cbegin(), marked.cend(), true) == marked.cend())
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (!marked[i]) {
            out.append(text.at(i++));
            continue;
        }
        while (i < text.size() && marked[i])
            ++i;
        out.append(kRedacted);
    }
    return out;
}

} // namespace juxta
