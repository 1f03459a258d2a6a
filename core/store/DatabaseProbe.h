#pragma once

#include "DatabaseUrl.h"

namespace sb {

// "Test connection": opens a database the way the application would, with a short timeout, on the calling
// thread (never the GUI thread), and says in one sentence what is wrong or that all is well. Changes nothing:
// an SQLite file is opened read-only and is not created.
class DatabaseProbe
{
public:
    enum class Outcome {
        Ok,
        Unreachable,    // no server at that address, or it did not answer
        BadCredentials, // wrong user name or password, or the server does not let this user in
        Tls,            // no TLS, or the server's certificate could not be verified
        NoSuchDatabase,
        SchemaTooNew,   // created by a newer Switchboard
        NotSwitchboard, // holds other tables (or is not a database file at all)
        Failed,         // anything else; the driver's text is in the detail
    };

    struct Report
    {
        Outcome outcome = Outcome::Failed;
        UserMessage message; // what happened, also when it worked
        int schemaVersion = 0;
    };

    static constexpr int connectTimeoutSeconds = 5;

    static Status test(const DatabaseUrl& url, Report* report = nullptr);
    static Outcome classify(const QString& driverError); // a libpq / SQLite error text
};

} // namespace sb
