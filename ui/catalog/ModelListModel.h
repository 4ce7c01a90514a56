// SPDX-License-Identifier: GPL-3.0-or-later
// The rows of the model picker: favourites, recently used, then every profile's models under its name,
// filtered by search terms. Header rows are not selectable.
#pragma once

#include "catalog/ModelCatalog.h"

#include <QAbstractListModel>

namespace juxta {

class ModelListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // RowKind
        ReferenceRole,               // "profile/model"
        SubtitleRole,                // the reference, or a hint on placeholder rows
        ContextRole,                 // "128k context"
        PriceRole,                   // "$2.50 / $10.00 per 1M", "free", "price unknown"
        PriceKnownRole,              // bool
        BadgesRole,                  // QStringList: "reasoning", "vision", "local"
        FavouriteRole,               // bool
        ToolTipDetailRole,
    };
    enum class RowKind { Header, Model, Placeholder, Custom };
    Q_ENUM(RowKind)

    ModelListModel(const AppConfig& config, const ModelCatalog& catalog, QObject* parent = nullptr);

    void setFilter(const QString& text); // whitespace-separated terms, all must match
    void reload();                       // after the catalog, profiles or favourites changed

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    int rowOf(const QString& reference) const; // first selectable row with this reference, or -1
    int firstSelectableRow() const;
    int nextSelectableRow(int from, int step) const; // -1 when there is none that way

    static QString contextText(std::optional<qint64> tokens);

private:
    struct Row
    {
        RowKind kind = RowKind::Model;
        QString title;
        QString reference;
        CatalogEntry entry;
    };
    // The unfiltered list, computed once per reload; typing only filters it.
    struct Section
    {
        QString title;
        QString profileId; // empty for Favourites and Recently used
        QList<CatalogEntry> entries;
    };
    bool matches(const CatalogEntry& e, const QString& profileName) const;
    void collect(); // the sections, from the catalog and the config
    void rebuild(); // the rows, from the sections and the filter

    const AppConfig& m_config;
    const ModelCatalog& m_catalog;
    QStringList m_terms;
    QString m_filterText;
    QList<Section> m_sections;
    QHash<QString, QString> m_profileNames;
    QList<Row> m_rows;
};

} // namespace juxta
