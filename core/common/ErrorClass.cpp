// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ErrorClass.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr std::array<std::pair<ErrorClass, const char16_t*>, 14> kNames{{
    {ErrorClass::Auth, u"auth"},
    {ErrorClass::Quota, u"quota"},
    {ErrorClass::RateLimited, u"rate_limited"},
    {ErrorClass::ContextLength, u"context_length"},
    {ErrorClass::ContentFilter, u"content_filter"},
    {ErrorClass::BadRequest, u"bad_request"},
    {ErrorClass::NotFound, u"not_found"},
    {ErrorClass::Overloaded, u"overloaded"},
    {ErrorClass::Server, u"server"},
    {ErrorClass::Timeout, u"timeout"},
    {ErrorClass::Network, u"network"},
    {ErrorClass::Malformed, u"malformed"},
    {ErrorClass::Cancelled, u"cancelled"},
    {ErrorClass::LimitReached, u"limit_reached"},
}};

} // namespace

QString errorClassName(ErrorClass cls)
{
    for (const auto& [value, name] : kNames) {
        if (value == cls)
            return QString::fromUtf16(name);
    }
    return u"unknown"_s;
}

std::optional<ErrorClass> errorClassFromName(const QString& name)
{
    for (const auto& [value, text] : kNames) {
        if (name == QStringView(text))
            return value;
    }
    return std::nullopt;
}

bool isTransient(ErrorClass cls)
{
    switch (cls) {
    case ErrorClass::RateLimited:
    case ErrorClass::Overloaded:
    case ErrorClass::Server:
    case ErrorClass::Timeout:
    case ErrorClass::Network:
        return true;
    default:
        return false;
    }
}

} // namespace juxta
