// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Migrations.h"

using namespace Qt::StringLiterals;

namespace juxta {

const QList<Migration>& historyMigrations()
{
    // Times are milliseconds since the epoch (UTC). Ids are UUID text made by the writer.
    static const QList<Migration> migrations = {
        {1, u"conversations and messages"_s,
         {
             u"CREATE TABLE conversations ("
             " id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '',"
             " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
             " settings TEXT NOT NULL DEFAULT '{}')"_s,
             u"CREATE TABLE messages ("
             " id TEXT PRIMARY KEY,"
             " conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
             " parent_id TEXT, role TEXT NOT NULL, content TEXT NOT NULL DEFAULT '',"
             " state TEXT NOT NULL DEFAULT 'complete', created_at INTEGER NOT NULL)"_s,
             u"CREATE INDEX messages_by_conversation ON messages(conversation_id, created_at)"_s,
         }},
        {2, u"branches, pins, undoable deletion, reasoning, tool calls and answer statistics"_s,
         {
             u"ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE conversations ADD COLUMN deleted_at INTEGER"_s,
             u"ALTER TABLE conversations ADD COLUMN current_leaf TEXT"_s,
             u"ALTER TABLE messages ADD COLUMN reasoning TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE messages ADD COLUMN tool_calls TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE messages ADD COLUMN stats TEXT NOT NULL DEFAULT '{}'"_s,
             u"CREATE INDEX messages_by_parent ON messages(parent_id)"_s,
             // Version 1 showed the newest message's branch; keep showing it.
             u"UPDATE conversations SET current_leaf = (SELECT m.id FROM messages m"
             " WHERE m.conversation_id = conversations.id ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1)"_s,
         }},
        {3, u"request log and running cost per conversation"_s,
         {
             u"CREATE TABLE request_log ("
             " id INTEGER PRIMARY KEY,"
             " message_id TEXT, conversation_id TEXT, attempt INTEGER NOT NULL DEFAULT 0,"
             " target TEXT NOT NULL, parameters TEXT NOT NULL DEFAULT '{}', started_at INTEGER NOT NULL,"
             " ttft_ms REAL, total_ms REAL, input_tokens INTEGER, output_tokens INTEGER,"
             " reasoning_tokens INTEGER, cached_input_tokens INTEGER, cost_usd REAL,"
             " error_class TEXT NOT NULL DEFAULT '', http_status INTEGER NOT NULL DEFAULT 0,"
             " error_message TEXT NOT NULL DEFAULT '', served_model TEXT NOT NULL DEFAULT '')"_s,
             u"CREATE INDEX request_log_by_message ON request_log(message_id)"_s,
             u"CREATE INDEX request_log_by_target ON request_log(target, started_at)"_s,
             u"ALTER TABLE conversations ADD COLUMN total_cost_usd REAL NOT NULL DEFAULT 0"_s,
             u"UPDATE conversations SET total_cost_usd = COALESCE((SELECT SUM(json_extract(m.stats, '$.cost_usd'))"
             " FROM messages m WHERE m.conversation_id = conversations.id), 0)"_s,
         }},
        {4, u"comparisons, answer ratings and pairwise votes"_s,
         {
             u"CREATE TABLE comparisons ("
             " id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '',"
             " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, setup TEXT NOT NULL DEFAULT '{}')"_s,
             // A compare column is a conversation that belongs to a comparison (the chat list leaves it out).
             u"ALTER TABLE conversations ADD COLUMN comparison_id TEXT"_s,
             u"ALTER TABLE conversations ADD COLUMN comparison_slot INTEGER NOT NULL DEFAULT 0"_s,
             u"CREATE INDEX conversations_by_comparison ON conversations(comparison_id)"_s,
             // Ratings and votes name the model so they outlive the answers they were given to.
             u"CREATE TABLE ratings ("
             " message_id TEXT PRIMARY KEY, target TEXT NOT NULL, score INTEGER NOT NULL, rated_at INTEGER NOT NULL)"_s,
             u"CREATE TABLE votes ("
             " id INTEGER PRIMARY KEY, comparison_id TEXT, message_a TEXT, message_b TEXT,"
             " model_a TEXT NOT NULL, model_b TEXT NOT NULL, result TEXT NOT NULL, blind INTEGER NOT NULL DEFAULT 0,"
             " voted_at INTEGER NOT NULL)"_s,
             u"CREATE INDEX votes_by_comparison ON votes(comparison_id)"_s,
         }},
        {5, u"token-arrival traces of answers"_s,
         {
             // [[seconds since send, tokens so far], …], a few hundred points at most: the throughput chart of an
             // answer can be drawn again from the history. Goes with its message.
             u"CREATE TABLE answer_traces ("
             " message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,"
             " points TEXT NOT NULL DEFAULT '[]')"_s,
         }},
        {6, u"pipeline runs, their nodes' records and the cache of node outputs"_s,
         {
             // A run's model steps are messages of a conversation that belongs to the run (kept out of the list).
             u"ALTER TABLE conversations ADD COLUMN pipeline_run_id TEXT"_s,
             u"CREATE INDEX conversations_by_pipeline_run ON conversations(pipeline_run_id)"_s,
             u"CREATE TABLE pipeline_runs ("
             " id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', file TEXT NOT NULL DEFAULT '',"
             " pipeline TEXT NOT NULL DEFAULT '', variables TEXT NOT NULL DEFAULT '{}', started_at INTEGER NOT NULL,"
             " finished_at INTEGER, state TEXT NOT NULL DEFAULT 'running', summary TEXT NOT NULL DEFAULT '{}',"
             " conversation_id TEXT)"_s,
             u"CREATE TABLE pipeline_node_runs ("
             " run_id TEXT NOT NULL REFERENCES pipeline_runs(id) ON DELETE CASCADE, node TEXT NOT NULL,"
             " state TEXT NOT NULL, record TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (run_id, node))"_s,
             // Node outputs by a hash of what made them: settings, inputs, variables (never a failure).
             u"CREATE TABLE node_cache ("
             " key TEXT PRIMARY KEY, node_kind TEXT NOT NULL DEFAULT '', output TEXT NOT NULL,"
             " created_at INTEGER NOT NULL, run_id TEXT)"_s,
         }},
        {7, u"batches: a pipeline over the rows of a file, each row's result as it finishes; the node cache by age"_s,
         {
             u"CREATE TABLE batches ("
             " id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', file TEXT NOT NULL DEFAULT '',"
             " pipeline TEXT NOT NULL DEFAULT '', input TEXT NOT NULL DEFAULT '', output TEXT NOT NULL DEFAULT '',"
             " concurrency INTEGER NOT NULL DEFAULT 4, started_at INTEGER NOT NULL, finished_at INTEGER,"
             " state TEXT NOT NULL DEFAULT 'running', total_rows INTEGER NOT NULL DEFAULT 0,"
             " summary TEXT NOT NULL DEFAULT '{}')"_s,
             u"CREATE TABLE batch_rows ("
             " batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE, row INTEGER NOT NULL,"
             " state TEXT NOT NULL, run_id TEXT, result TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (batch_id, row))"_s,
             // Pruning the node cache by age reads this instead of sorting the table at every run's start.
             u"CREATE INDEX node_cache_by_age ON node_cache(created_at)"_s,
         }},
    };
    return migrations;
}

int latestHistoryVersion()
{
    return historyMigrations().constLast().version;
}

} // namespace juxta
