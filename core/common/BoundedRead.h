// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a user-chosen file (or pipe) up to a limit: a huge or endless input is refused with a clear message instead
// of being read whole into memory. The size is checked while reading, so a FIFO or /dev/zero is bounded too.
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <algorithm>
#include <optional>

namespace juxta {

// Every file Juxta imports has its cap here, so the limits can be found and documented in one place.
inline constexpr qint64 kMaxConversationImportBytes = 256LL * 1024 * 1024; // long answers, many branches
inline constexpr qint64 kMaxToolsFileBytes = 8 * 1024 * 1024;                 // as the config
inline constexpr qint64 kMaxProfilesImportBytes = 8 * 1024 * 1024;
inline constexpr qint64 kMaxPromptBytes = 64 * 1024 * 1024;                   // a prompt read from standard input

// nullopt, with `error` saying so ("larger than 8 MiB"), when `device` holds more than `limit` bytes.
inline std::optional<QByteArray> readAtMost(QIODevice& device, qint64 limit, QString& error)
{
    const auto tooLarge = [&] {
        error = QStringLiteral("larger than %1 MiB").arg(double(limit) / (1024 * 1024), 0, 'g', 4);
        return std::nullopt;
    };
    if (!device.isSequential() && device.size() - device.pos() > limit)
        return tooLarge(); // a file says its size: nothing needs reading
    QByteArray bytes;
    while (bytes.size() <= limit) { // a pipe does not: read it in pieces, never more than the limit and one byte
        const QByteArray piece = device.read(std::min<qint64>(1024 * 1024, limit + 1 - bytes.size()));
        if (piece.isEmpty())
            break; // the end (files and pipes block until data or the end)
        bytes += piece;
    }
    if (bytes.size() > limit)
        return tooLarge();
    return bytes;
}

} // namespace juxta
