// SPDX-License-Identifier: GPL-3.0-or-later
// Edits one provider profile: name, id, API style, base URL (with the plain-http confirmation), authentication,
// extra headers, the key (masked; kept in the keychain), the limits batches keep to, and a "Test" that lists models
// or shows the error.
#pragma once

#include "providers/ProviderProfile.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace juxta {

class CatalogService;
class RequestLimitsRow;
class ScriptFileRow;
class SecretStore;

class ProfileEditor final : public QWidget
{
    Q_OBJECT

public:
    ProfileEditor(SecretStore& secrets, CatalogService& catalog, QWidget* parent = nullptr);

    // Shows `profile`; `pendingKey` is a key typed earlier in this dialog session and not yet saved.
    void setProfile(const ProviderProfile& profile, const std::optional<QString>& pendingKey, bool keyRemoved);
    ProviderProfile profile() const;
    void setIdEditable(bool editable);
    std::optional<QString> pendingKey() const; // typed into the key field
    bool keyRemovalRequested() const { return m_removeKey; }
    QString validationError() const; // empty when the profile can be saved

    void test(); // also the Test button
    QLabel* testResult() const { return m_testResult; }
    QLineEdit* keyField() const { return m_key; }
    QLineEdit* baseUrlField() const { return m_baseUrl; }
    QLineEdit* nameField() const { return m_name; }
    QCheckBox* insecureConfirmation() const { return m_allowInsecure; }
    QPushButton* testButton() const { return m_testButton; }
    RequestLimitsRow* limitsRow() const { return m_limits; }

signals:
    void changed();
    void testFinished(bool ok);

private:
    void updateUrlState();
    void updateAuthState();
    void showKeyStatus();
    void onRefreshed(const QString& profileId, const QString& error, int count);

    SecretStore& m_secrets;
    CatalogService& m_catalog;
    ProviderProfile m_loaded;
    ScriptFileRow* m_script;
    RequestLimitsRow* m_limits;
    QFormLayout* m_form;
    bool m_removeKey = false;
    bool m_loading = false;
    int m_keyStatusGeneration = 0;

    QLabel* m_preset;
    QLineEdit* m_name;
    QLineEdit* m_id;
    QComboBox* m_api;
    QLineEdit* m_baseUrl;
    QLabel* m_urlHint;
    QCheckBox* m_allowInsecure;
    QComboBox* m_auth;
    QLineEdit* m_authHeader;
    QLineEdit* m_keyEnv;
    QLineEdit* m_key;
    QLabel* m_keyStatus;
    QPushButton* m_removeKeyButton;
    QTableWidget* m_headers;
    QPushButton* m_testButton;
    QLabel* m_testResult;
};

} // namespace juxta
