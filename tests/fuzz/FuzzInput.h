// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the fuzz targets: turns one fuzzer input into the pieces a parser sees in real use. Streams arrive from
// the network in arbitrary splits, so the first byte seeds how the rest is cut into chunks; a parser must give the
// same kind of answer however its input is split, and must never crash, hang or grow without bound on any of it.
#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <cstddef>
#include <cstdint>

namespace juxta::fuzz {

struct SplitInput
{
    std::uint8_t selector = 0;   // the first byte: picks a dialect, a status, a mode
    QByteArrayView payload;      // the rest
    QList<QByteArrayView> chunks; // the payload cut at the seeded places (sizes 1…64, then larger)
};

inline SplitInput split(const std::uint8_t* data, std::size_t size)
{
    SplitInput input;
    if (size == 0)
        return input;
    input.selector = data[0];
    input.payload = QByteArrayView(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    std::uint32_t state = 0x9e3779b9u ^ input.selector;
    qsizetype at = 0;
    while (at < input.payload.size()) {
        state = state * 1664525u + 1013904223u; // a tiny LCG: reproducible cuts, no library state
        const qsizetype wanted = (input.selector & 1) ? 1 + qsizetype((state >> 16) % 64)
                                                      : 1 + qsizetype((state >> 8) % 4096);
        const qsizetype take = qMin(wanted, input.payload.size() - at);
        input.chunks.append(input.payload.sliced(at, take));
        at += take;
    }
    return input;
}

inline QByteArray bytes(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

} // namespace juxta::fuzz
