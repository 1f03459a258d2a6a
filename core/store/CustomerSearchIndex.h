#pragma once

#include "Database.h"

namespace sb {

// The trigram index behind "name or email contains …": an FTS5 table with the trigram tokenizer on SQLite
// (external content = customers, kept in sync by triggers), GIN pg_trgm indexes on PostgreSQL. All of its
// SQL lives here, so that the migration, the search and the bulk seeder agree on it.
class CustomerSearchIndex
{
public:
    static constexpr int minimumLength = 3; // a trigram index cannot answer shorter substrings

    // DDL of the migration that introduces the index (creates it and fills it from existing rows).
    static QStringList sqliteMigration();
    static QStringList postgresMigration();

    // Bulk loads: stop maintaining the index row by row, then build it once from the table.
    static void suspend(Database& db);
    static void rebuild(Database& db);

    // Ids of customers whose name or email contains `lowerText` (at most `limit`, unordered).
    static QString containsQuery(const SqlDialect& dialect, const QString& columns);
    static QString containsParameter(const SqlDialect& dialect, const QString& lowerText);
};

} // namespace sb
