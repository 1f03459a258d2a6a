#include "Migrations.h"

#include "BundleSchema.h"
#include "CustomerSearchIndex.h"
#include "OrderingSchema.h"

#include <QSqlError>

namespace sb {
namespace {

struct Migration
{
    int version;
    const char* description;
    QStringList statements;         // both engines
    QStringList sqliteStatements{};   // SQLite only (after the common ones)
    QStringList postgresStatements{}; // PostgreSQL only (after the common ones)
};

QList<Migration> allMigrations()
{
    return {
        {1,
         "assign plans: customers, catalog, inventory, services, provisioning",
         {
             "CREATE TABLE staff_users (id {{ID}}, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,"
             " role TEXT NOT NULL DEFAULT 'staff', password_hash TEXT, created_ms BIGINT NOT NULL)",
             "CREATE TABLE customers (id {{ID}}, type TEXT NOT NULL, name TEXT NOT NULL, name_lc TEXT NOT NULL,"
             " email TEXT, email_lc TEXT, phone TEXT, phone_digits TEXT, phone_rev TEXT, status TEXT NOT NULL DEFAULT 'active',"
             " language TEXT NOT NULL DEFAULT 'en', payment_method TEXT, created_ms BIGINT NOT NULL)",
             "CREATE INDEX customers_name_lc ON customers (name_lc)",
             "CREATE INDEX customers_email_lc ON customers (email_lc)",
             "CREATE INDEX customers_phone_digits ON customers (phone_digits)",
             "CREATE INDEX customers_phone_rev ON customers (phone_rev)",
             "CREATE TABLE customer_sites (id {{ID}}, customer_id BIGINT NOT NULL REFERENCES customers (id),"
             " name TEXT NOT NULL, address TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX customer_sites_customer ON customer_sites (customer_id)",
             "CREATE TABLE customer_contacts (id {{ID}}, customer_id BIGINT NOT NULL REFERENCES customers (id),"
             " role TEXT NOT NULL, name TEXT NOT NULL, email TEXT, phone TEXT)",
             "CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id)",
             "CREATE TABLE products (id {{ID}}, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
             " description TEXT NOT NULL DEFAULT '', category TEXT NOT NULL, service_type TEXT NOT NULL,"
             " customer_types TEXT NOT NULL, enabled INTEGER NOT NULL DEFAULT 1, currency TEXT NOT NULL,"
             " setup_cost BIGINT NOT NULL DEFAULT 0, monthly_cost BIGINT NOT NULL DEFAULT 0,"
             " recurring INTEGER NOT NULL DEFAULT 1, term_months INTEGER NOT NULL DEFAULT 0,"
             " inventory_items_list TEXT NOT NULL DEFAULT '[]', provisioning_play TEXT NOT NULL,"
             " provisioning_json_vars TEXT NOT NULL DEFAULT '{}', bundle_kind TEXT NOT NULL DEFAULT 'none',"
             " sort_order INTEGER NOT NULL DEFAULT 0)",
             "CREATE TABLE inventory_templates (id {{ID}}, name TEXT NOT NULL UNIQUE,"
             " identifier_label TEXT NOT NULL)",
             "CREATE TABLE inventory_items (id {{ID}}, template_id BIGINT NOT NULL REFERENCES inventory_templates (id),"
             " reference TEXT NOT NULL UNIQUE, identifier TEXT NOT NULL, attributes TEXT NOT NULL DEFAULT '{}',"
             " status TEXT NOT NULL, reserved_by TEXT, reserved_until_ms BIGINT, service_id BIGINT,"
             " customer_id BIGINT, updated_ms BIGINT NOT NULL)",
             "CREATE INDEX inventory_items_template_status ON inventory_items (template_id, status)",
             "CREATE INDEX inventory_items_reserved_by ON inventory_items (reserved_by)",
             "CREATE TABLE subscriptions (id {{ID}}, number TEXT NOT NULL UNIQUE,"
             " customer_id BIGINT NOT NULL REFERENCES customers (id), lifecycle_state TEXT NOT NULL,"
             " payment_type TEXT NOT NULL DEFAULT 'postpaid', created_ms BIGINT NOT NULL)",
             "CREATE TABLE services (id {{ID}}, subscription_id BIGINT REFERENCES subscriptions (id),"
             " customer_id BIGINT NOT NULL REFERENCES customers (id), product_id BIGINT NOT NULL REFERENCES products (id),"
             " parent_service_id BIGINT, name TEXT NOT NULL, status TEXT NOT NULL, auto_renew INTEGER NOT NULL,"
             " service_uuid TEXT NOT NULL, currency TEXT NOT NULL, setup_cost BIGINT NOT NULL,"
             " monthly_cost BIGINT NOT NULL, site_id BIGINT, billing_contact_id BIGINT,"
             " technical_contact_id BIGINT, custom_fields TEXT NOT NULL DEFAULT '{}',"
             " created_ms BIGINT NOT NULL, activated_ms BIGINT, requested_by TEXT)",
             "CREATE INDEX services_customer ON services (customer_id)",
             "CREATE TABLE service_lifecycle_history (id {{ID}}, service_id BIGINT NOT NULL REFERENCES services (id),"
             " state TEXT NOT NULL, changed_ms BIGINT NOT NULL, changed_by TEXT)",
             "CREATE TABLE provisioning_jobs (id {{ID}}, kind TEXT NOT NULL, service_id BIGINT,"
             " customer_id BIGINT, playbook TEXT NOT NULL, variables TEXT NOT NULL, status TEXT NOT NULL,"
             " attempt INTEGER NOT NULL DEFAULT 1, lease_owner TEXT, lease_expires_ms BIGINT,"
             " requested_by TEXT, created_ms BIGINT NOT NULL, started_ms BIGINT, finished_ms BIGINT,"
             " deadline_ms BIGINT, error TEXT)",
             "CREATE INDEX provisioning_jobs_status ON provisioning_jobs (status, id)",
             "CREATE TABLE provisioning_tasks (id {{ID}}, job_id BIGINT NOT NULL REFERENCES provisioning_jobs (id),"
             " ordinal INTEGER NOT NULL, label TEXT NOT NULL, label_args TEXT NOT NULL DEFAULT '[]',"
             " action TEXT NOT NULL, params TEXT NOT NULL DEFAULT '{}', rescue TEXT NOT NULL DEFAULT '{}',"
             " timeout_ms INTEGER NOT NULL, status TEXT NOT NULL, started_ms BIGINT, finished_ms BIGINT,"
             " log TEXT NOT NULL DEFAULT '', error TEXT, UNIQUE (job_id, ordinal))",
             "CREATE TABLE audit_log (id {{ID}}, at_ms BIGINT NOT NULL, staff_login TEXT NOT NULL,"
             " action TEXT NOT NULL, entity TEXT NOT NULL, entity_id BIGINT, details TEXT NOT NULL DEFAULT '')",
         }},
        {2,
         "customer search: trigram index over name and email",
         {},
         CustomerSearchIndex::sqliteMigration(),
         CustomerSearchIndex::postgresMigration()},
        {3, "amend bundle services: dated states, composition rules, wallets, distributors, scheduled actions",
         BundleSchema::migration()},
        {4, "add-ons, business custom fields, payment method validity, bulk imports, queue monitor",
         OrderingSchema::migration()},
    };
}

void ensureVersionTable(Database& db)
{
    Sql::run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                                " description TEXT NOT NULL, applied_ms BIGINT NOT NULL)"));
}

int readVersion(Database& db)
{
    Sql query(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    query.exec();
    return query.next() ? query.value(0).toInt() : 0;
}

} // namespace

int Migrations::latestVersion()
{
    return allMigrations().constLast().version;
}

Result<int> Migrations::currentVersion(Database& db)
{
    return guarded([&] {
        ensureVersionTable(db);
        return readVersion(db);
    });
}

Status Migrations::migrate(Database& db)
{
    return guardedStatus([&] {
        ensureVersionTable(db);
        const int current = readVersion(db);
        if (current > latestVersion())
            throw StoreException(Error{UserMessage("Store",
                                                   QT_TRANSLATE_NOOP("Store", "The database has schema version %1 but this program knows only "
                                                   "up to %2. Install the newer Switchboard that created it."),
                                                   {QString::number(current), QString::number(latestVersion())}),
                                       {}});
        for (const Migration& migration : allMigrations()) {
            if (migration.version <= current)
                continue;
            Transaction tx(db);
            const QStringList& specific = db.dialect().sqlite ? migration.sqliteStatements : migration.postgresStatements;
            for (const QString& statement : migration.statements + specific)
                Sql::run(db, statement);
            Sql(db, QStringLiteral("INSERT INTO schema_version (version, description, applied_ms) VALUES (:v, :d, :t)"))
                .bind(QStringLiteral(":v"), migration.version)
                .bind(QStringLiteral(":d"), QString::fromLatin1(migration.description))
                .bind(QStringLiteral(":t"), Database::nowMs())
                .exec();
            tx.commit();
        }
    });
}

} // namespace sb
