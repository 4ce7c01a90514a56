// SPDX-License-Identifier: GPL-3.0-or-later
// A value or a classified error, for operations on remote input that must never throw.
#pragma once

#include "common/ProviderError.h"

#include <utility>
#include <variant>

namespace juxta {

template <typename T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}               // NOLINT: implicit by design
    Result(ProviderError error) : m_state(std::move(error)) {}   // NOLINT: implicit by design

    bool hasValue() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return hasValue(); }
    const T& value() const { return std::get<T>(m_state); }
    T& value() { return std::get<T>(m_state); }
    const ProviderError& error() const { return std::get<ProviderError>(m_state); }

private:
    std::variant<T, ProviderError> m_state;
};

} // namespace juxta
