// SPDX-License-Identifier: GPL-3.0-or-later
// Where the app's own settings live (window layout, remembered choices, recent files): beside the configuration,
// in $XDG_CONFIG_HOME/juxta/juxta.conf — one lower-case folder for everything Juxta keeps there. Versions before
// this one wrote $XDG_CONFIG_HOME/Juxta/juxta.conf; the first start moves that file (never over a newer one).
#pragma once

#include <QString>

namespace juxta {

inline constexpr auto kSettingsOrganization = "juxta"; // QSettings' folder: the same as the configuration's
QString settingsFilePath();
QString legacySettingsFilePath();
// Moves the old file if there is one and no new one; true when nothing was left to do or it moved.
bool moveLegacySettings(QString* error = nullptr);

} // namespace juxta
