// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/RequestLimitsRow.h"

#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

// The upper bounds are the ones the config loader accepts (core/config/AppConfig.cpp); QSpinBox holds an int,
// which is plenty for tokens per minute (the largest published tier is a few tens of millions).
QSpinBox* limitField(int maximum, int step, const QString& name, const QString& help, QWidget* parent)
{
    auto* field = new QSpinBox(parent);
    field->setRange(0, maximum);
    field->setSingleStep(step);
    field->setSpecialValueText(RequestLimitsRow::tr("no limit"));
    field->setGroupSeparatorShown(true);
    field->setAccessibleName(name);
    field->setToolTip(help);
    field->setAccessibleDescription(help);
    return field;
}

} // namespace

RequestLimitsRow::RequestLimitsRow(QWidget* parent)
    : QWidget(parent)
    , m_concurrent(limitField(10'000, 1, tr("Requests at once"),
                              tr("How many requests a batch sends to this provider at the same time"), this))
    , m_requestsPerMinute(limitField(10'000'000, 10, tr("Requests per minute"),
                                     tr("How many requests a batch starts in any 60 seconds"), this))
    , m_tokensPerMinute(limitField(std::numeric_limits<int>::max(), 1000, tr("Tokens per minute"),
                                   tr("Input and output tokens a batch may use in any 60 seconds: counted from the "
                                      "prompt's estimate plus the maximum answer, corrected by the real usage"),
                                   this))
{
    // One limit per line: three wide number fields side by side would make the whole form scroll sideways.
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins({});
    grid->setColumnStretch(2, 1);
    int line = 0;
    const auto add = [this, grid, &line](QSpinBox* field, const QString& unit) {
        grid->addWidget(field, line, 0);
        auto* label = new QLabel(unit, this);
        label->setBuddy(field);
        grid->addWidget(label, line++, 1);
        connect(field, &QSpinBox::valueChanged, this, [this] {
            if (!m_loading)
                emit edited();
        });
    };
    add(m_concurrent, tr("requests at once"));
    add(m_requestsPerMinute, tr("requests per minute"));
    add(m_tokensPerMinute, tr("tokens per minute"));
}

void RequestLimitsRow::setLimits(const RequestLimits& limits)
{
    m_loading = true;
    m_concurrent->setValue(limits.maxConcurrent.value_or(0));
    m_requestsPerMinute->setValue(limits.requestsPerMinute.value_or(0));
    m_tokensPerMinute->setValue(int(std::min<qint64>(limits.tokensPerMinute.value_or(0), m_tokensPerMinute->maximum())));
    m_loading = false;
}

RequestLimits RequestLimitsRow::limits() const
{
    const auto setOrNone = [](int v) { return v > 0 ? std::optional<int>(v) : std::nullopt; };
    RequestLimits limits;
    limits.maxConcurrent = setOrNone(m_concurrent->value());
    limits.requestsPerMinute = setOrNone(m_requestsPerMinute->value());
    if (m_tokensPerMinute->value() > 0)
        limits.tokensPerMinute = m_tokensPerMinute->value();
    return limits;
}

} // namespace juxta
