// SPDX-License-Identifier: GPL-3.0-or-later
// Model lists as the servers reported them, one file per profile in $XDG_CACHE_HOME/juxta/models/, stamped with
// when they were fetched and from which base URL (a list from another URL is stale and ignored).
#pragma once

#include "providers/ModelInfo.h"
#include "providers/ProviderProfile.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace juxta {

class DiscoveryCache
{
public:
    explicit DiscoveryCache(QString directory = defaultDirectory());
    static QString defaultDirectory();

    struct Entry
    {
        QList<ModelInfo> models;
        QDateTime fetchedAt;
    };
    std::optional<Entry> load(const ProviderProfile& profile) const;
    bool store(const ProviderProfile& profile, const QList<ModelInfo>& models, const QDateTime& fetchedAt) const;

private:
    QString fileFor(const ProviderProfile& profile) const;
    QString m_directory;
};

} // namespace juxta
