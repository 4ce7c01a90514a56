// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ProfileEditor.h"

#include "catalog/CatalogService.h"
#include "common/PlainTextLabels.h"
#include "common/Tones.h"
#include "config/AppConfig.h"
#include "config/ProviderPresets.h"
#include "config/TransportPolicy.h"
#include "keys/KeyResolver.h"
#include "offline/ScriptFiles.h"
#include "providers/RequestLimitsRow.h"
#include "providers/ScriptFileRow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

QLabel* hintLabel(QWidget* parent)
{
    // No word wrap: QFormLayout sizes wrapped labels by sizeHint and leaves gaps around them. Long texts are
    // cut at the first sentence with the whole text in the tooltip (see showKeyStatus).
    auto* label = new QLabel(parent);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long hint never widens the form
    markRichText(label); // our markup; every outside part is escaped where it is set
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    return label;
}

} // namespace

ProfileEditor::ProfileEditor(SecretStore& secrets, CatalogService& catalog, QWidget* parent)
    : QWidget(parent)
    , m_secrets(secrets)
    , m_catalog(catalog)
    , m_preset(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_id(new QLineEdit(this))
    , m_api(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_urlHint(hintLabel(this))
    , m_allowInsecure(new QCheckBox(tr("Send my key and prompts over plain http:// to this host anyway"), this))
    , m_auth(new QComboBox(this))
    , m_authHeader(new QLineEdit(this))
    , m_keyEnv(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_keyStatus(hintLabel(this))
    , m_removeKeyButton(new QPushButton(tr("Remove stored key"), this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_testButton(new QPushButton(tr("Test connection"), this))
    , m_testResult(hintLabel(this))
{
    m_name->setAccessibleName(tr("Profile name"));
    m_id->setAccessibleName(tr("Profile id"));
    m_id->setToolTip(tr("Starts model references such as openai/gpt-4o: lower-case letters, digits, '.', '_', '-'"));
    m_api->setAccessibleName(tr("API style"));
    m_api->addItem(tr("OpenAI-compatible chat completions"), int(ApiDialect::OpenAi));
    m_api->addItem(tr("Anthropic Messages"), int(ApiDialect::Anthropic));
    m_api->addItem(tr("Google Gemini"), int(ApiDialect::Gemini));
    m_api->addItem(tr("Ollama native"), int(ApiDialect::Ollama));
    m_baseUrl->setAccessibleName(tr("Base URL"));
    m_baseUrl->setPlaceholderText(u"https://api.example.com/v1"_s);
    m_auth->setAccessibleName(tr("Authentication"));
    m_auth->addItem(tr("Bearer token (Authorization header)"), int(AuthStyle::Bearer));
    m_auth->addItem(tr("Key in a named header"), int(AuthStyle::Header));
    m_auth->addItem(tr("No key"), int(AuthStyle::None));
    m_authHeader->setPlaceholderText(u"api-key"_s);
    m_authHeader->setAccessibleName(tr("Key header name"));
    m_keyEnv->setPlaceholderText(tr("e.g. OPENAI_API_KEY (optional)"));
    m_keyEnv->setAccessibleName(tr("Key environment variable"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleName(tr("API key"));
    m_key->setClearButtonEnabled(true);
    QAction* reveal = m_key->addAction(QIcon(), QLineEdit::TrailingPosition);
    reveal->setText(tr("Show"));
    reveal->setCheckable(true);
    connect(reveal, &QAction::toggled, this, [this](bool shown) {
        m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setAccessibleName(tr("Extra headers"));
    m_headers->setMaximumHeight(96);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setWordWrap(true);
    m_preset->setForegroundRole(QPalette::PlaceholderText);
    m_preset->setWordWrap(true); // a preset's setup hint is a paragraph: wrapped, never widening the form
    m_preset->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_removeKeyButton);
    auto* headerButtons = new QHBoxLayout;
    auto* addHeader = new QToolButton(this);
    addHeader->setText(tr("Add header"));
    auto* removeHeader = new QToolButton(this);
    removeHeader->setText(tr("Remove header"));
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch();
    auto* testLabel = new QLabel(this); // keeps the test row aligned with the fields
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);

    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_form = form;
    outer->addWidget(m_preset); // above the form: a wrapped paragraph inside a QFormLayout leaves gaps around it
    outer->addLayout(form);
    outer->addStretch(1); // spare height goes below the form, not between its rows
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Id"), m_id);
    form->addRow(tr("&API style"), m_api);
    // The URL's hint sits under it in the field's own column, wrapped: the warning about plain http is a
    // whole sentence (a wrapped label as a form row of its own leaves gaps around it).
    auto* urlLabel = new QLabel(tr("&Base URL"), this);
    urlLabel->setBuddy(m_baseUrl);
    auto* urlColumn = new QVBoxLayout;
    urlColumn->setSpacing(2);
    urlColumn->addWidget(m_baseUrl);
    urlColumn->addWidget(m_urlHint);
    m_urlHint->setWordWrap(true);
    form->addRow(urlLabel, urlColumn);
    form->addRow(QString(), m_allowInsecure);
    m_script = new ScriptFileRow(this);
    form->addRow(tr("Script"), m_script);
    form->addRow(tr("A&uthentication"), m_auth);
    form->addRow(tr("Key &header"), m_authHeader);
    auto* keyLabel = new QLabel(tr("API &key"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    form->addRow(QString(), m_keyStatus);
    form->addRow(tr("Key from &environment"), m_keyEnv);
    form->addRow(tr("Extra headers"), m_headers);
    form->addRow(QString(), headerButtons);
    m_limits = new RequestLimitsRow(this);
    form->addRow(tr("Batch &limits"), m_limits);
    form->addRow(testLabel, testRow);

    const auto edited = [this] {
        if (!m_loading)
            emit changed();
    };
    for (QLineEdit* field : {m_name, m_id, m_baseUrl, m_authHeader, m_keyEnv, m_key})
        connect(field, &QLineEdit::textEdited, this, edited);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ProfileEditor::updateUrlState);
    connect(m_script, &ScriptFileRow::urlChosen, this, [this, edited](const QUrl& url) {
        m_baseUrl->setText(url.toString(QUrl::FullyEncoded)); // the field is read back strictly
        edited();
    });
    connect(m_allowInsecure, &QCheckBox::toggled, this, [this, edited] {
        updateUrlState();
        edited();
    });
    connect(m_api, &QComboBox::currentIndexChanged, this, edited);
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this, edited] {
        updateAuthState();
        edited();
    });
    connect(m_headers, &QTableWidget::itemChanged, this, edited);
    connect(m_limits, &RequestLimitsRow::edited, this, edited);
    connect(addHeader, &QToolButton::clicked, this, [this] {
        m_headers->insertRow(m_headers->rowCount());
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    connect(removeHeader, &QToolButton::clicked, this, [this, edited] {
        m_headers->removeRow(m_headers->currentRow());
        edited();
    });
    connect(m_removeKeyButton, &QPushButton::clicked, this, [this, edited] {
        m_removeKey = true;
        m_key->clear();
        showKeyStatus();
        edited();
    });
    connect(m_testButton, &QPushButton::clicked, this, &ProfileEditor::test);
    connect(&m_catalog, &CatalogService::refreshed, this, &ProfileEditor::onRefreshed);
}

void ProfileEditor::setProfile(const ProviderProfile& p, const std::optional<QString>& pendingKey, bool keyRemoved)
{
    m_loading = true;
    m_loaded = p;
    m_removeKey = keyRemoved;
    const ProviderPreset* preset = findPreset(p.presetId);
    m_preset->setText(preset ? tr("Made from the %1 preset. %2").arg(preset->displayName, preset->setupHint)
                             : tr("Custom profile"));
    m_name->setText(p.displayName);
    m_id->setText(p.id);
    m_api->setCurrentIndex(m_api->findData(int(p.dialect)));
    m_baseUrl->setText(p.baseUrl.toString());
    m_allowInsecure->setChecked(p.allowInsecureHttp);
    m_auth->setCurrentIndex(m_auth->findData(int(p.auth)));
    m_authHeader->setText(QString::fromLatin1(p.authHeader));
    m_keyEnv->setText(p.keyEnvVar);
    m_key->setText(pendingKey.value_or(QString()));
    m_headers->setRowCount(0);
    for (const auto& [name, value] : p.extraHeaders) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(name)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(value)));
    }
    m_limits->setLimits(p.limits);
    m_testResult->clear();
    m_testButton->setEnabled(true);
    updateUrlState();
    updateAuthState();
    showKeyStatus();
    m_loading = false;
}

ProviderProfile ProfileEditor::profile() const
{
    ProviderProfile p = m_loaded;
    p.displayName = m_name->text().trimmed();
    p.id = m_id->text().trimmed();
    p.dialect = ApiDialect(m_api->currentData().toInt());
    p.baseUrl = QUrl(m_baseUrl->text().trimmed(), QUrl::StrictMode);
    p.allowInsecureHttp = m_allowInsecure->isChecked() && !m_allowInsecure->isHidden();
    p.auth = AuthStyle(m_auth->currentData().toInt());
    p.authHeader = p.auth == AuthStyle::Header ? m_authHeader->text().trimmed().toLatin1() : QByteArray();
    p.keyEnvVar = m_keyEnv->text().trimmed();
    p.extraHeaders.clear();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem* name = m_headers->item(row, 0);
        const QTableWidgetItem* value = m_headers->item(row, 1);
        if (name && !name->text().trimmed().isEmpty())
            p.extraHeaders.append({name->text().trimmed().toLatin1(), value ? value->text().toUtf8() : QByteArray()});
    }
    p.limits = m_limits->limits();
    return p;
}

void ProfileEditor::setIdEditable(bool editable)
{
    m_id->setReadOnly(!editable);
    m_id->setToolTip(editable ? tr("Starts model references such as openai/gpt-4o: lower-case letters, digits, "
                                   "'.', '_', '-'")
                              : tr("The id of a saved profile stays fixed; duplicate the profile to get another."));
}

std::optional<QString> ProfileEditor::pendingKey() const
{
    const QString typed = m_key->text().trimmed();
    return typed.isEmpty() ? std::nullopt : std::optional<QString>(typed);
}

QString ProfileEditor::validationError() const
{
    return validateProfile(profile());
}

void ProfileEditor::updateUrlState()
{
    const QUrl url(m_baseUrl->text().trimmed(), QUrl::StrictMode);
    const UrlCheck check = checkBaseUrl(url, true);
    const bool publicHttp = check.verdict == UrlVerdict::Ok && url.scheme() == u"http"_s
                            && !isLocalOrPrivateHost(url.host());
    m_allowInsecure->setVisible(publicHttp);
    m_form->setRowVisible(m_script, isScriptedUrl(url)); // only an Offline · Scripted profile has a script
    m_script->setUrl(url);
    if (check.verdict == UrlVerdict::Invalid && !m_baseUrl->text().trimmed().isEmpty())
        m_urlHint->setText(toneSpan(Tone::Negative, palette(), check.message.toHtmlEscaped()));
    else if (publicHttp)
        m_urlHint->setText(toneSpan(Tone::Negative, palette(),
            tr("Plain http:// to a public host: anyone on the way can read your key and prompts.")));
    else if (url.scheme() == u"http"_s)
        m_urlHint->setText(tr("Plain http:// is fine here: %1 is on this machine or your private network.")
                               .arg(url.host().toHtmlEscaped()));
    else
        m_urlHint->clear();
    m_urlHint->setVisible(!m_urlHint->text().isEmpty());
    m_urlHint->setToolTip(m_urlHint->text()); // all of it, where a narrow dialog cuts the line
}

void ProfileEditor::updateAuthState()
{
    const auto auth = AuthStyle(m_auth->currentData().toInt());
    const bool nativeHeader = m_api->currentData().toInt() == int(ApiDialect::Anthropic)
                              || m_api->currentData().toInt() == int(ApiDialect::Gemini);
    m_authHeader->setEnabled(auth == AuthStyle::Header && !nativeHeader);
    m_key->setEnabled(auth != AuthStyle::None || nativeHeader);
}

void ProfileEditor::showKeyStatus()
{
    const int generation = ++m_keyStatusGeneration;
    m_keyStatus->setToolTip({});
    m_removeKeyButton->setEnabled(false);
    m_key->setPlaceholderText(tr("Paste the API key"));
    if (m_removeKey) {
        m_keyStatus->setText(tr("The stored key will be removed when you save."));
        return;
    }
    const ProviderProfile p = profile();
    if (const auto fromEnv = keyFromEnvironment(p)) {
        m_keyStatus->setText(tr("Using the key from the %1; a key saved here is used when it is not set.")
                                 .arg(fromEnv->source.toHtmlEscaped()));
        return;
    }
    m_keyStatus->setText(tr("Checking the %1…").arg(m_secrets.description().toHtmlEscaped()));
    QPointer<ProfileEditor> self(this);
    m_secrets.read(keyEntryName(m_loaded), [self, generation](const SecretResult& r) {
        if (!self || generation != self->m_keyStatusGeneration)
            return;
        switch (r.status) {
        case SecretResult::Status::Ok:
            self->m_keyStatus->setText(toneSpan(Tone::Positive, self->palette(), u"✓"_s) + u' '
                + tr("A key is stored in the %1. Type a new one to replace it.")
                      .arg(self->m_secrets.description().toHtmlEscaped()));
            self->m_key->setPlaceholderText(u"••••••••••••  "_s + tr("(stored)"));
            self->m_removeKeyButton->setEnabled(true);
            break;
        case SecretResult::Status::NotFound:
            self->m_keyStatus->setText(tr("No key stored yet. It will be kept in the %1, never in a file.")
                                           .arg(self->m_secrets.description().toHtmlEscaped()));
            break;
        default:
            self->m_keyStatus->setText(toneSpan(Tone::Negative, self->palette(),
                r.message.section(u" ("_s, 0, 0).section(u". "_s, 0, 0).toHtmlEscaped()));
            self->m_keyStatus->setToolTip(r.message);
            break;
        }
    });
}

void ProfileEditor::test()
{
    const ProviderProfile p = profile();
    if (const QString problem = validateProfile(p); !problem.isEmpty()) {
        m_testResult->setText(toneSpan(Tone::Negative, palette(), problem.toHtmlEscaped()));
        emit testFinished(false);
        return;
    }
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1…").arg(p.baseUrl.host().toHtmlEscaped()));
    std::optional<ApiKey> key;
    if (const auto typed = pendingKey())
        key = ApiKey::fromSecret(*typed);
    else if (m_removeKey)
        key = ApiKey();
    m_catalog.refresh(p, key);
}

void ProfileEditor::onRefreshed(const QString& profileId, const QString& error, int count)
{
    if (profileId != m_id->text().trimmed())
        return;
    m_testButton->setEnabled(true);
    if (error.isEmpty()) {
        m_testResult->setText(toneSpan(Tone::Positive, palette(), u"✓"_s) + u' '
            + (count == 1 ? tr("Connected: 1 model available.") : tr("Connected: %1 models available.").arg(count)));
    } else {
        m_testResult->setText(toneSpan(Tone::Negative, palette(), u"✗ "_s + error.toHtmlEscaped()));
    }
    emit testFinished(error.isEmpty());
}

} // namespace juxta
