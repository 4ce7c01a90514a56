// SPDX-License-Identifier: GPL-3.0-or-later
// The .juxta file: JSON with "format": "juxta.pipeline" and "version": 1, written the same way every time (fixed
// key order, nodes sorted by name, defaults left out, canvas positions in a section of their own), so a `git diff`
// reads like a list of changes and load → save gives back the same bytes. Reading is strict: a file over 16 MiB,
// nesting deeper than 64, a wrong type, an unknown field or a newer version is a clear error naming the place,
// never a crash. A pipeline names profiles by id only: a base URL, a header or a key in a file is refused.
#pragma once

#include "pipeline/Pipeline.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace juxta {

constexpr int kPipelineFormatVersion = 1;
constexpr qint64 kMaxPipelineFileBytes = 16 * 1024 * 1024;
constexpr int kMaxPipelineNesting = 64; // the same as kMaxJsonNesting, and part of the format
inline const QString kPipelineSuffix = QStringLiteral(".juxta");

// nullopt with `error` set ("nodes[2] (summary).temperature: expected a number").
std::optional<Pipeline> readPipeline(const QByteArray& bytes, QString& error);
QByteArray writePipeline(const Pipeline& pipeline);

// A node's settings as the file writes them, without its name, compactly: what its cache key is made from.
QByteArray nodeSettingsJson(const Node& node);

std::optional<Pipeline> loadPipelineFile(const QString& path, QString& error);
bool savePipelineFile(const Pipeline& pipeline, const QString& path, QString& error); // atomically

} // namespace juxta
