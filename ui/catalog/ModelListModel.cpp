// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/ModelListModel.h"

#include "pricing/CostCalculator.h"

#include <QCollator>
#include <cmath>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

constexpr qsizetype kRecentShown = 5;

} // namespace

ModelListModel::ModelListModel(const AppConfig& config, const ModelCatalog& catalog, QObject* parent)
    : QAbstractListModel(parent)
    , m_config(config)
    , m_catalog(catalog)
{
    collect();
    rebuild();
}

QString ModelListModel::contextText(std::optional<qint64> tokens)
{
    if (!tokens || *tokens <= 0)
        return {};
    if (*tokens >= 1'000'000) {
        // Gemini's "1M" is 1,048,576 and GPT-4.1's 1,047,576; OpenRouter's is 1,000,000. All read as 1M.
        const double millions = double(*tokens) / 1e6;
        const double whole = std::round(millions);
        const bool nearWhole = std::abs(millions - whole) / millions < 0.06;
        return tr("%1M context").arg(nearWhole ? QString::number(whole, 'f', 0) : QString::number(millions, 'f', 1));
    }
    return tr("%1k context").arg(qRound(double(*tokens) / 1000.0));
}

void ModelListModel::setFilter(const QString& text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_terms = text.toLower().split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    beginResetModel();
    rebuild();
    endResetModel();
}

void ModelListModel::reload()
{
    beginResetModel();
    collect();
    rebuild();
    endResetModel();
}

bool ModelListModel::matches(const CatalogEntry& e, const QString& profileName) const
{
    if (m_terms.isEmpty())
        return true;
    QString haystack = (e.displayName + u' ' + e.reference() + u' ' + profileName).toLower();
    if (e.reasoning)
        haystack += u" reasoning thinking"_s;
    if (e.vision)
        haystack += u" vision image"_s;
    if (e.price && e.price->isFree())
        haystack += u" free local"_s;
    if (e.priceSource == PriceSource::Offline)
        haystack += u" offline demo"_s;
    for (const QString& term : m_terms) {
        if (!haystack.contains(term))
            return false;
    }
    return true;
}

void ModelListModel::collect()
{
    m_sections.clear();
    m_profileNames.clear();
    QHash<QString, const ProviderProfile*> profiles;
    for (const ProviderProfile& p : m_config.profiles) {
        profiles.insert(p.id, &p);
        m_profileNames.insert(p.id, p.displayName);
    }
    const auto entryFor = [&](const QString& reference) -> std::optional<CatalogEntry> {
        const auto ref = ModelRef::parse(reference);
        if (!ref || !profiles.contains(ref->profileId))
            return std::nullopt;
        return m_catalog.entry(*profiles.value(ref->profileId), ref->modelId);
    };

    Section favourites{tr("Favourites"), {}, {}};
    for (const QString& ref : m_config.favouriteModels) {
        if (auto e = entryFor(ref))
            favourites.entries.append(*e);
    }
    m_sections.append(favourites);

    Section recent{tr("Recently used"), {}, {}};
    for (const QString& ref : m_config.recentModels) {
        if (recent.entries.size() >= kRecentShown)
            break;
        if (m_config.favouriteModels.contains(ref))
            continue;
        if (auto e = entryFor(ref))
            recent.entries.append(*e);
    }
    m_sections.append(recent);

    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    for (const ProviderProfile& p : m_config.profiles) {
        Section section{p.displayName, p.id, m_catalog.entries(p)};
        std::sort(section.entries.begin(), section.entries.end(), [&](const CatalogEntry& a, const CatalogEntry& b) {
            return collator.compare(a.displayName, b.displayName) < 0;
        });
        m_sections.append(section);
    }
}

void ModelListModel::rebuild()
{
    m_rows.clear();
    for (const Section& section : std::as_const(m_sections)) {
        QList<Row> rows;
        for (const CatalogEntry& e : section.entries) {
            if (matches(e, m_profileNames.value(e.profileId)))
                rows.append({RowKind::Model, e.displayName, e.reference(), e});
        }
        if (rows.isEmpty() && (section.profileId.isEmpty() || !m_terms.isEmpty()))
            continue;
        m_rows.append({RowKind::Header, section.title, {}, {}});
        if (rows.isEmpty()) { // a profile whose models nobody has listed yet
            Row hint{RowKind::Placeholder, tr("No models known yet"), {}, {}};
            hint.entry.profileId = section.profileId;
            m_rows.append(hint);
        }
        m_rows += rows;
    }

    // "profile/any-model-id" typed in full: offer it even when no list names it (new or private models).
    const auto typed = ModelRef::parse(m_filterText.trimmed());
    const ProviderProfile* profile = typed ? m_config.profile(typed->profileId) : nullptr;
    if (profile && rowOf(typed->toString()) < 0) {
        m_rows.append({RowKind::Header, tr("Use a model by name"), {}, {}});
        m_rows.append({RowKind::Custom, typed->modelId, typed->toString(), m_catalog.entry(*profile, typed->modelId)});
    }
}

int ModelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const CatalogEntry& e = row.entry;
    switch (role) {
    case Qt::DisplayRole:
        return row.title;
    case Qt::AccessibleTextRole:
        return row.kind == RowKind::Header ? row.title : row.title + u", "_s + row.reference;
    case KindRole:
        return QVariant::fromValue(row.kind);
    case ReferenceRole:
        return row.reference;
    case SubtitleRole:
        if (row.kind == RowKind::Placeholder)
            return tr("Open Providers… to test the connection and list its models");
        return row.reference;
    case ContextRole:
        return contextText(e.contextWindow);
    case PriceRole:
        if (!e.price)
            return tr("price unknown");
        if (e.priceSource == PriceSource::Offline)
            return tr("$0 · offline");
        return e.price->isFree() ? tr("free") : formatPricePerMillion(*e.price);
    case PriceKnownRole:
        return e.price.has_value();
    case BadgesRole: {
        QStringList badges;
        if (e.reasoning)
            badges << tr("reasoning");
        if (e.vision)
            badges << tr("vision");
        if (e.priceSource == PriceSource::LocalServer)
            badges << tr("local");
        if (e.priceSource == PriceSource::Offline)
            badges << tr("offline");
        return badges;
    }
    case FavouriteRole:
        return m_config.favouriteModels.contains(row.reference);
    case Qt::ToolTipRole:
    case ToolTipDetailRole: {
        if (row.kind == RowKind::Header || row.kind == RowKind::Placeholder)
            return {};
        QStringList lines{u"<b>%1</b><br>%2"_s.arg(row.title.toHtmlEscaped(), row.reference.toHtmlEscaped())};
        if (e.contextWindow)
            lines << tr("Context window: %L1 tokens").arg(*e.contextWindow);
        if (e.maxOutputTokens)
            lines << tr("Max output: %L1 tokens").arg(*e.maxOutputTokens);
        if (e.price) {
            const TierPrice& t = e.price->base;
            lines << tr("Input %1, output %2 per 1M tokens")
                         .arg(formatMoney(t.input, e.price->currency), formatMoney(t.output, e.price->currency));
            if (t.cachedInput)
                lines << tr("Cached input %1 per 1M").arg(formatMoney(*t.cachedInput, e.price->currency));
            if (!e.price->tiers.isEmpty())
                lines << tr("Higher prices above %L1 input tokens").arg(e.price->tiers.first().aboveInputTokens);
            lines << tr("Price source: %1%2").arg(priceSourceName(e.priceSource),
                                                  e.priceAsOf.isEmpty() ? QString() : u", "_s + e.priceAsOf);
        } else {
            lines << tr("Price unknown: costs are not computed for this model");
        }
        return lines.join(u"<br>"_s);
    }
    default:
        return {};
    }
}

Qt::ItemFlags ModelListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const RowKind kind = m_rows[index.row()].kind;
    if (kind == RowKind::Header || kind == RowKind::Placeholder)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

int ModelListModel::rowOf(const QString& reference) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].reference == reference
            && (m_rows[i].kind == RowKind::Model || m_rows[i].kind == RowKind::Custom))
            return int(i);
    }
    return -1;
}

int ModelListModel::firstSelectableRow() const
{
    return nextSelectableRow(-1, 1);
}

int ModelListModel::nextSelectableRow(int from, int step) const
{
    for (int i = from + step; i >= 0 && i < m_rows.size(); i += step) {
        if (m_rows[i].kind == RowKind::Model || m_rows[i].kind == RowKind::Custom)
            return i;
    }
    return -1;
}

} // namespace juxta
