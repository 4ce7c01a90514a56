// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ProfilesCommand.h"

#include "cli/CommandLine.h"
#include "cli/Workspace.h"
#include "common/BoundedRead.h"
#include "config/ProviderPresets.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

using Json = nlohmann::ordered_json;

const QString kCommand = u"profiles"_s;


int save(Workspace& workspace, const QString& done)
{
    QString error;
    if (!workspace.store().save(&error)) {
        printError(kCommand, error);
        return BadUsage;
    }
    printOut(done.toUtf8() + '\n');
    return Success;
}

} // namespace

int ProfilesCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the configured provider profiles and where each one's key comes from, or change them.\n"
        "Presets: "_s + [] {
            QStringList ids;
            for (const ProviderPreset& p : providerPresets())
                ids.append(p.id);
            return ids.join(u", "_s);
        }());
    parser.addHelpOption();
    const QCommandLineOption config = configOption();
    const QCommandLineOption json(u"json"_s, u"Print a JSON array."_s);
    const QCommandLineOption add(u"add"_s, u"Add a profile from a preset."_s, u"PRESET"_s);
    const QCommandLineOption id(u"id"_s, u"Id of the profile to add (default: the preset's id)."_s, u"ID"_s);
    const QCommandLineOption baseUrl(u"base-url"_s, u"Base URL of the profile to add."_s, u"URL"_s);
    const QCommandLineOption insecure(u"allow-insecure-http"_s,
                                      u"Accept plain http:// to a public host for the profile to add."_s);
    const QCommandLineOption remove(u"remove"_s, u"Remove a profile (its key stays until `juxta key delete`)."_s,
                                    u"ID"_s);
    const QCommandLineOption exportTo(u"export"_s, u"Write the profiles to FILE (keys are never included)."_s,
                                      u"FILE"_s);
    const QCommandLineOption importFrom(u"import"_s, u"Add the profiles in FILE (keys in it are ignored)."_s,
                                        u"FILE"_s);
    parser.addOptions({config, json, add, id, baseUrl, insecure, remove, exportTo, importFrom});
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(helpTextFor(parser.helpText(), u"juxta profiles [options]"_s).toUtf8());
        return Success;
    }
    Workspace workspace(kCommand, parser.value(config));
    AppConfig& cfg = workspace.store().config();

    if (parser.isSet(add)) {
        const ProviderPreset* preset = findPreset(parser.value(add));
        if (!preset) {
            printError(kCommand, u"unknown preset \"%1\""_s.arg(parser.value(add)));
            return BadUsage;
        }
        ProviderProfile p = profileFromPreset(*preset, parser.value(id));
        if (parser.isSet(baseUrl))
            p.baseUrl = QUrl(parser.value(baseUrl), QUrl::StrictMode);
        p.allowInsecureHttp = parser.isSet(insecure);
        if (const QString problem = validateProfile(p); !problem.isEmpty()) {
            printError(kCommand, problem);
            return BadUsage;
        }
        if (cfg.profile(p.id)) {
            printError(kCommand, u"a profile \"%1\" exists already; choose another --id"_s.arg(p.id));
            return BadUsage;
        }
        cfg.profiles.append(p);
        return save(workspace, u"added %1 (%2)"_s.arg(p.id, p.baseUrl.toString()));
    }
    if (parser.isSet(remove)) {
        const QString victim = parser.value(remove);
        const ProviderProfile* found = cfg.profile(victim);
        if (!found) {
            printError(kCommand, u"no profile \"%1\""_s.arg(victim));
            return BadUsage;
        }
        const QString entry = keyEntryName(*found);
        cfg.profiles.removeIf([&](const ProviderProfile& p) { return p.id == victim; });
        const int status = save(workspace, u"removed %1"_s.arg(victim));
        if (status == Success) { // its key does not linger in the keychain
            const SecretResult r = waitFor([&](SecretStore::Handler done) { workspace.secrets().remove(entry, done); });
            if (r.status != SecretResult::Status::Ok)
                printError(kCommand, u"the profile is removed but its key could not be: "_s + r.message);
        }
        return status;
    }
    if (parser.isSet(exportTo)) {
        QSaveFile file(parser.value(exportTo));
        if (!file.open(QIODevice::WriteOnly) || file.write(exportProfiles(cfg.profiles)) < 0 || !file.commit()) {
            printError(kCommand, u"cannot write %1: %2"_s.arg(parser.value(exportTo), file.errorString()));
            return BadUsage;
        }
        return Success;
    }
    if (parser.isSet(importFrom)) {
        QFile file(parser.value(importFrom));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(kCommand, u"cannot read %1: %2"_s.arg(parser.value(importFrom), file.errorString()));
            return BadUsage;
        }
        QString error;
        QStringList warnings;
        const std::optional<QByteArray> bytes = readAtMost(file, kMaxProfilesImportBytes, error);
        const auto imported = bytes ? importProfiles(*bytes, &error, &warnings) : std::nullopt;
        for (const QString& w : std::as_const(warnings))
            printError(kCommand, w);
        if (!imported) {
            printError(kCommand, error);
            return BadUsage;
        }
        QStringList added;
        for (ProviderProfile p : *imported) {
            const QString base = p.id.left(56);
            for (int n = 2; cfg.profile(p.id); ++n)
                p.id = u"%1-%2"_s.arg(base).arg(n); // never overwrite a profile the user has
            cfg.profiles.append(p);
            added.append(p.id);
        }
        return save(workspace, u"imported %1"_s.arg(added.join(u", "_s)));
    }

    Json list = Json::array();
    for (const ProviderProfile& p : std::as_const(cfg.profiles)) {
        const ResolvedKey key = workspace.keyFor(p, {});
        const QString keyText = !key.key.isEmpty() ? key.source
                                : !key.problem.isEmpty() ? u"unavailable: "_s + key.problem
                                : p.auth == AuthStyle::None ? u"not needed"_s
                                                            : u"none"_s;
        if (parser.isSet(json)) {
            list.push_back({{"id", p.id.toStdString()}, {"name", p.displayName.toStdString()},
                            {"preset", p.presetId.toStdString()}, {"api", apiDialectName(p.dialect).toStdString()},
                            {"base_url", p.baseUrl.toString().toStdString()}, {"key", keyText.toStdString()},
                            {"problem", validateProfile(p).toStdString()}});
        } else {
            printOut(u"%1  %2  %3  key: %4\n"_s.arg(p.id, -16).arg(apiDialectName(p.dialect), -9)
                         .arg(p.baseUrl.toString(), keyText).toUtf8());
        }
    }
    if (parser.isSet(json)) {
        const std::string text = list.dump(2);
        printOut(QByteArray(text.data(), qsizetype(text.size())) + '\n');
    } else if (cfg.profiles.isEmpty()) {
        printOut(u"No profiles yet. Add one with `juxta profiles --add openai`, or use a preset directly: "
                 "`juxta ask --model openai/gpt-4o …` with OPENAI_API_KEY set.\n"_s);
    }
    return Success;
}

} // namespace juxta::cli
