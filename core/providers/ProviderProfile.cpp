// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ProviderProfile.h"

using namespace Qt::StringLiterals;

namespace juxta {

QString apiDialectName(ApiDialect dialect)
{
    switch (dialect) {
    case ApiDialect::OpenAi:
        return u"openai"_s;
    case ApiDialect::Anthropic:
        return u"anthropic"_s;
    case ApiDialect::Gemini:
        return u"gemini"_s;
    case ApiDialect::Ollama:
        return u"ollama"_s;
    }
    return u"openai"_s;
}

std::optional<ApiDialect> apiDialectFromName(const QString& name)
{
    for (ApiDialect d : {ApiDialect::OpenAi, ApiDialect::Anthropic, ApiDialect::Gemini, ApiDialect::Ollama}) {
        if (apiDialectName(d) == name)
            return d;
    }
    return std::nullopt;
}

QUrl joinUrl(const QUrl& base, QStringView path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    while (path.startsWith(u'/'))
        path = path.sliced(1);
    url.setPath(basePath + u'/' + path);
    return url;
}

} // namespace juxta

namespace juxta {

qint64 CallOptions::maxAnswerBytes(const ProviderProfile& profile) const
{
    return answerLimits.maxBytes.value_or(profile.answerLimits.maxBytes.value_or(kDefaultMaxAnswerBytes));
}

qint64 CallOptions::maxAnswerSeconds(const ProviderProfile& profile) const
{
    return answerLimits.maxSeconds.value_or(profile.answerLimits.maxSeconds.value_or(kDefaultMaxAnswerSeconds));
}

} // namespace juxta
