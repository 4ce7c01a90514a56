// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ModelsCommand.h"

#include "cli/CommandLine.h"
#include "cli/ConnectionOptions.h"
#include "common/MonotonicClock.h"
#include "providers/ChatClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <nlohmann/json.hpp>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace juxta::cli {
namespace {

const QString kCommand = u"models"_s;

void writeOut(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QByteArray toJson(const QList<ModelInfo>& models)
{
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const ModelInfo& m : models) {
        list.push_back({{"id", m.id.toStdString()},
                        {"owned_by", m.ownedBy.toStdString()},
                        {"context_window", m.contextWindow ? nlohmann::ordered_json(*m.contextWindow)
                                                           : nlohmann::ordered_json(nullptr)}});
    }
    const std::string text = list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size())) + '\n';
}

} // namespace

int ModelsCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List the models a server offers (GET {base}/models)."_s);
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array."_s);
    parser.addOption(json);
    if (!parser.parse(arguments)) {
        printError(kCommand, parser.errorText());
        return BadUsage;
    }
    if (parser.isSet(u"help"_s)) {
        writeOut(helpTextFor(parser.helpText(), u"juxta models [options]"_s).toUtf8());
        return Success;
    }
    QString error;
    if (!connection.read(parser, error)) {
        printError(kCommand, error);
        return BadUsage;
    }

    QNetworkAccessManager network;
    SteadyClock clock;
    ChatClient client(network, clock);
    ModelListCall* call = client.listModels(connection.profile(), connection.key(), connection.callOptions(),
                                            nullptr, &error);
    if (!call) {
        printError(kCommand, error);
        return BadUsage;
    }
    int exitCode = Success;
    QObject::connect(call, &ModelListCall::finished, call, [&] {
        if (call->error()) {
            printError(kCommand, call->error()->summary());
            exitCode = ProviderFailure;
        } else if (parser.isSet(json)) {
            writeOut(toJson(call->models()));
        } else {
            for (const ModelInfo& m : call->models())
                writeOut(m.id.toUtf8() + '\n');
        }
        QCoreApplication::exit(exitCode);
    });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace juxta::cli
