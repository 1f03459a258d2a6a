#pragma once

#include "Database.h"

#include <functional>

namespace sb {

struct DemoSize
{
    int customers = 240;
    int simCards = 600;
    int mobileNumbers = 400;
    int modems = 150;
    int setTopBoxes = 150;
    int sipDids = 150;
};

// A believable operator: products over mobile, internet, IPTV and VoIP; individual and business customers
// with sites and contacts; inventory in mixed statuses. Deterministic, so tests can rely on it.
class DemoSeeder
{
public:
    explicit DemoSeeder(Database& db) : m_db(db) {}

    // Catalog and inventory only when the database has no products; customers up to size.customers in total.
    // progress(done, total) is called now and then for long runs.
    Status seed(const DemoSize& size, const std::function<void(qint64, qint64)>& progress = {});
    bool isEmpty();

private:
    void seedCatalog();
    void seedInventory(const DemoSize& size);
    void seedCustomers(qint64 from, qint64 to, const std::function<void(qint64, qint64)>& progress);
    Database& m_db;
};

} // namespace sb
