#include "OrderingSchema.h"

namespace sb {

QStringList OrderingSchema::migration()
{
    return {
        // NULL: the payment method on file does not expire. A customer without payment_method has none.
        "ALTER TABLE customers ADD COLUMN payment_method_valid_until_ms BIGINT",
        // product_slug '' applies to every product the customer type can take; field_type text | number | date.
        "CREATE TABLE custom_field_definitions (id {{ID}}, field_key TEXT NOT NULL, label TEXT NOT NULL,"
        " field_type TEXT NOT NULL DEFAULT 'text', required INTEGER NOT NULL DEFAULT 0,"
        " customer_type TEXT NOT NULL DEFAULT 'business', product_slug TEXT NOT NULL DEFAULT '',"
        " sort_order INTEGER NOT NULL DEFAULT 0, UNIQUE (field_key, customer_type, product_slug))",
        // An add-on bought onto an existing service: no new service row, the job runs against service_id.
        "CREATE TABLE service_addons (id {{ID}}, service_id BIGINT NOT NULL REFERENCES services (id),"
        " product_id BIGINT NOT NULL REFERENCES products (id), customer_id BIGINT NOT NULL REFERENCES customers (id),"
        " job_id BIGINT, status TEXT NOT NULL, currency TEXT NOT NULL, setup_cost BIGINT NOT NULL,"
        " monthly_cost BIGINT NOT NULL, auto_renew INTEGER NOT NULL DEFAULT 0, balance TEXT NOT NULL DEFAULT '', created_ms BIGINT NOT NULL,"
        " requested_by TEXT)",
        "CREATE INDEX service_addons_service ON service_addons (service_id)",
        "CREATE INDEX provisioning_jobs_customer ON provisioning_jobs (customer_id, id)",
        // The queue monitor's jobs finished per minute.
        "CREATE INDEX provisioning_jobs_finished ON provisioning_jobs (finished_ms)",
        // A CSV bulk assignment; its rows keep their own status so a run resumes after the application closed.
        "CREATE TABLE bulk_imports (id {{ID}}, file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL,"
        " status TEXT NOT NULL, max_in_flight INTEGER NOT NULL, total_rows INTEGER NOT NULL DEFAULT 0,"
        " created_by TEXT, created_ms BIGINT NOT NULL, finished_ms BIGINT)",
        "CREATE TABLE bulk_import_rows (id {{ID}}, import_id BIGINT NOT NULL REFERENCES bulk_imports (id),"
        " line INTEGER NOT NULL, fields TEXT NOT NULL, status TEXT NOT NULL, service_id BIGINT, job_id BIGINT,"
        " error TEXT, updated_ms BIGINT NOT NULL, UNIQUE (import_id, line))",
        "CREATE INDEX bulk_import_rows_status ON bulk_import_rows (import_id, status)",
        // A bulk import names inventory items by reference or identifier (ICCID, MSISDN, serial number).
        "CREATE INDEX inventory_items_identifier ON inventory_items (identifier)",
    };
}

} // namespace sb
