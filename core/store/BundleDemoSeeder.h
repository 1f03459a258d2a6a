#pragma once

#include "Database.h"

namespace sb {

// The Amend Bundle Services part of the demo operator: an IPTV flexible bundle with channel packs and a
// business-voice flexible bundle with features (composition rules, dependencies), prepaid and postpaid
// subscriptions with wallets and ledgers, set-top boxes and a smartcard as provisioning distributors, and the
// custom action types of AMENDBUNDLEDSERVICE. Needs the catalog and a few customers; runs once.
class BundleDemoSeeder
{
public:
    explicit BundleDemoSeeder(Database& db) : m_db(db) {}

    bool isSeeded();
    void seed(); // inside the caller's transaction; does nothing when isSeeded()

private:
    void seedProducts();
    void seedSubscriptions();
    Database& m_db;
};

} // namespace sb
