// SPDX-License-Identifier: GPL-3.0-or-later
// Copy and paste of part of a pipeline: the clipboard holds pipeline JSON (the .juxta format) with the chosen nodes,
// the edges between them (edges to nodes left behind are not taken) and their positions. Pasted, names that clash
// with the pipeline's get a suffix ("summary_2") and the pasted nodes' references follow their new names.
#pragma once

#include "pipeline/Pipeline.h"

#include <QByteArray>
#include <optional>

namespace juxta {

inline const QString kPipelineMimeType = QStringLiteral("application/x-juxta-pipeline");

QByteArray copyFragment(const Pipeline& pipeline, const QStringList& nodes);
// nullopt with `error` when the text is not pipeline JSON or holds no nodes.
std::optional<Pipeline> readFragment(const QByteArray& bytes, QString& error);
// The fragment renamed to fit into `into` and moved by `offset`: its nodes, internal edges and positions.
Pipeline fitFragment(const Pipeline& fragment, const Pipeline& into, QPointF offset);

} // namespace juxta
