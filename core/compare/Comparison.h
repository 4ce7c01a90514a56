// SPDX-License-Identifier: GPL-3.0-or-later
// The one compare engine, for the compare view and `juxta compare`: one prompt to 2–8 lanes (a model each, with
// its fallbacks and settings), each run `repeat` times one after another or at once, follow-up turns, and what a
// comparison records — the comparison and its columns as conversations, every run and repeat with its figures,
// order and hidden columns, ratings, blind votes. Each lane has its own network access manager: one manager opens
// at most six HTTP/1.1 connections per server, and eight columns on one local server must all stream at once.
#pragma once

#include "compare/CompareSetup.h"
#include "compare/ComparisonLane.h"
#include "answer/ChatRequestBuilder.h"
#include "storage/ComparisonStore.h"

#include <QObject>
#include <memory>
#include <vector>

namespace juxta {

class AnswerEngine;

class Comparison final : public QObject
{
    Q_OBJECT

public:
    explicit Comparison(AnswerEngine& engine, QObject* parent = nullptr);
    ~Comparison() override; // running answers are saved as stopped

    // A new comparison of `setup` (columns shuffled in blind mode, so a place gives nothing away), recorded in the
    // history when the engine has one, and its first turn asked.
    void start(const CompareSetup& setup, const QString& prompt);
    // A saved comparison, to read, vote on or continue.
    void open(const SavedComparison& saved);
    // The next turn of every lane (each sends its own branch).
    void ask(const QString& prompt);
    void setRepeat(int repeat, bool concurrent);
    void stop(); // every lane; what arrived is kept
    void close(); // nothing open any more (a draft is being set up); running answers are saved as stopped

    bool isOpen() const { return !m_lanes.isEmpty(); }
    bool isRunning() const { return m_running > 0; }
    const ComparisonRecord& record() const { return m_record; }
    const CompareSetup& setup() const { return m_setup; }
    const QList<ComparisonLane*>& lanes() const { return m_lanes; }
    ComparisonLane* lane(int index) const { return m_lanes.value(index); }
    bool hasVoted() const { return m_voted; }
    bool isRevealed() const { return !m_setup.blind || m_voted; } // blind names may be shown
    // The same columns (in any order) and shared settings: the next send continues this comparison.
    bool continuesWith(const CompareSetup& wanted) const;

    // What the next send of `prompt` may cost: per column (nullopt where the model is unusable) and in all
    // (`wanted.repeat` runs each). A follow-up counts each lane's branch shown.
    struct Estimate
    {
        QList<std::optional<SendEstimate>> columns;
        std::optional<CostEstimate> total;
    };
    Estimate estimateNext(const CompareSetup& wanted, const QString& prompt) const;

    // Order and visibility, saved with the comparison. `from[i]` is the old index of the lane now at i.
    void reorder(const QList<int>& from);
    void setHidden(int lane, bool hidden);

    // The model that wrote a lane's answer shown (a fallback's answer counts for the fallback).
    QString authorOf(int lane) const;
    void rate(int lane, int score); // -1, 0 or +1, for the answer shown
    // The answer shown in `best` beat every other visible answer / all were equally good. One vote per turn.
    bool voteBest(int best);
    bool voteTie();
    // A copy of a lane's branch as a conversation of its own (the comparison stays as it was); its id, written
    // before anything posted later reads it.
    QString continueAsChat(int lane);

signals:
    void lanesBound(); // start() or open() made the lanes; start() asks right after this
    void laneTurnStarted(int lane);
    void laneTurnFinished(int lane);
    void finished(); // every lane's turn ended

private:
    void bindLanes(const QList<Conversation>& conversations, const QHash<QString, QByteArray>& traces);
    void onLaneTurnFinished();
    void saveLayout();
    bool recordVotes(const QList<VoteRow>& votes);

    AnswerEngine& m_engine;
    ComparisonRecord m_record;
    CompareSetup m_setup;
    QList<ComparisonLane*> m_lanes;                                  // in setup order
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_networks; // one per lane, outlive the lanes
    int m_running = 0;
    bool m_starting = false;
    bool m_voted = false;
};

} // namespace juxta
