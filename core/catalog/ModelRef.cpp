// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/ModelRef.h"

namespace juxta {

std::optional<ModelRef> ModelRef::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(u'/');
    if (slash <= 0 || slash == trimmed.size() - 1)
        return std::nullopt;
    ModelRef ref{trimmed.first(slash), trimmed.sliced(slash + 1)};
    if (ref.modelId.trimmed().isEmpty())
        return std::nullopt;
    return ref;
}

} // namespace juxta
