#pragma once

#include "Database.h"

namespace sb {

// Versioned schema changes, the same list for SQLite and PostgreSQL.
class Migrations
{
public:
    static int latestVersion();
    // Brings the schema up to date in one transaction per version.
    static Status migrate(Database& db);
    static Result<int> currentVersion(Database& db);
};

} // namespace sb
