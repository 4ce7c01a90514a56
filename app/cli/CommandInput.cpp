// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandInput.h"

#include "common/BoundedRead.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace juxta::cli {

bool readPrompt(const QString& argument, QString& prompt, QString& error)
{
    if (argument != u"-"_s) {
        prompt = argument;
        return true;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        error = u"cannot read the prompt from standard input"_s;
        return false;
    }
    const std::optional<QByteArray> read = readAtMost(in, kMaxPromptBytes, error);
    if (!read) {
        error = u"the prompt on standard input is "_s + error;
        return false;
    }
    const QByteArray& bytes = *read;
    prompt = QString::fromUtf8(bytes);
    if (prompt.trimmed().isEmpty()) {
        error = u"the prompt read from standard input is empty"_s;
        return false;
    }
    return true;
}

} // namespace juxta::cli
