// SPDX-License-Identifier: GPL-3.0-or-later
// A price list as a JSON value, for the files that embed one (config, model cache, bundled catalog) without a
// round trip through text. Internal to core: includes nlohmann.
#pragma once

#include "common/JsonAccess.h"
#include "pricing/ModelPrice.h"

namespace juxta {

std::optional<ModelPrice> priceFromJson(const json::Json& value, QString* error = nullptr);
json::Json priceToJson(const ModelPrice& price);

} // namespace juxta
