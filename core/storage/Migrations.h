// SPDX-License-Identifier: GPL-3.0-or-later
// The history schema as a list of forward steps. Step N turns a version N-1 database into version N; a step is
// never edited once released: changes go into a new step, so every older database can be carried forward.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace juxta {

struct Migration
{
    int version = 0;          // the schema version after this step
    QString description;
    QStringList statements;   // run in one transaction together with "PRAGMA user_version = version"
};

const QList<Migration>& historyMigrations();
int latestHistoryVersion();

} // namespace juxta
