#include "BundleSchema.h"

namespace sb {

QStringList BundleSchema::migration()
{
    return {
        // What a flexible bundle may contain is matched on these as well as on the product itself.
        "ALTER TABLE products ADD COLUMN product_type TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE products ADD COLUMN product_family TEXT NOT NULL DEFAULT ''",
        // Dated life cycle states: a period [from_ms, to_ms), to_ms NULL while open.
        "CREATE TABLE subscription_state_history (id {{ID}}, subscription_id BIGINT NOT NULL REFERENCES subscriptions (id),"
        " state TEXT NOT NULL, from_ms BIGINT NOT NULL, to_ms BIGINT, changed_by TEXT, changed_ms BIGINT NOT NULL)",
        "CREATE INDEX subscription_state_history_subscription ON subscription_state_history (subscription_id, from_ms)",
        "CREATE TABLE service_state_history (id {{ID}}, service_id BIGINT NOT NULL REFERENCES services (id),"
        " state TEXT NOT NULL, from_ms BIGINT NOT NULL, to_ms BIGINT, changed_by TEXT, changed_ms BIGINT NOT NULL)",
        "CREATE INDEX service_state_history_service ON service_state_history (service_id, from_ms)",
        "CREATE INDEX services_parent ON services (parent_service_id)",
        "CREATE INDEX services_subscription ON services (subscription_id)",
        "CREATE INDEX subscriptions_customer ON subscriptions (customer_id)",
        // match_kind: product (match_value = slug), product_type or product_family.
        "CREATE TABLE bundle_composition_rules (id {{ID}}, bundle_product_id BIGINT NOT NULL REFERENCES products (id),"
        " match_kind TEXT NOT NULL, match_value TEXT NOT NULL, min_count INTEGER NOT NULL DEFAULT 0,"
        " max_count INTEGER NOT NULL DEFAULT 0, mandatory INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX bundle_composition_rules_bundle ON bundle_composition_rules (bundle_product_id)",
        // kind: requires or excludes.
        "CREATE TABLE product_dependencies (id {{ID}}, product_id BIGINT NOT NULL REFERENCES products (id),"
        " kind TEXT NOT NULL, other_product_id BIGINT NOT NULL REFERENCES products (id))",
        "CREATE TABLE wallets (id {{ID}}, subscription_id BIGINT NOT NULL UNIQUE REFERENCES subscriptions (id),"
        " currency TEXT NOT NULL, created_ms BIGINT NOT NULL)",
        // The balance is the sum of the rows; a debit is a negative amount. The key makes a debit happen once.
        "CREATE TABLE wallet_ledger (id {{ID}}, wallet_id BIGINT NOT NULL REFERENCES wallets (id),"
        " amount BIGINT NOT NULL, reason TEXT NOT NULL, idempotency_key TEXT UNIQUE, created_ms BIGINT NOT NULL,"
        " created_by TEXT)",
        "CREATE INDEX wallet_ledger_wallet ON wallet_ledger (wallet_id)",
        // kind: set_top_box or smartcard; removed_ms set when nothing is distributed on it any more.
        "CREATE TABLE provisioning_distributors (id {{ID}}, subscription_id BIGINT NOT NULL REFERENCES subscriptions (id),"
        " kind TEXT NOT NULL, serial TEXT NOT NULL UNIQUE, created_ms BIGINT NOT NULL, removed_ms BIGINT)",
        // Either a subscription service or an installed item (e.g. a conditional access module) on a distributor.
        "CREATE TABLE service_distributions (id {{ID}}, distributor_id BIGINT NOT NULL"
        " REFERENCES provisioning_distributors (id), service_id BIGINT REFERENCES services (id),"
        " installed_item TEXT, created_ms BIGINT NOT NULL)",
        "CREATE INDEX service_distributions_distributor ON service_distributions (distributor_id)",
        "CREATE INDEX service_distributions_service ON service_distributions (service_id)",
        // status: scheduled, completed, failed, cancelled. request_key makes a resubmitted request a no-op.
        "CREATE TABLE scheduled_actions (id {{ID}}, behavior_code TEXT NOT NULL,"
        " business_classification_code TEXT NOT NULL, action_type TEXT, sub_action_type TEXT,"
        " subscription_id BIGINT NOT NULL REFERENCES subscriptions (id), service_id BIGINT REFERENCES services (id),"
        " payload TEXT NOT NULL DEFAULT '{}', due_ms BIGINT NOT NULL, status TEXT NOT NULL, performed_by TEXT NOT NULL,"
        " performed_ms BIGINT NOT NULL, requested_by TEXT NOT NULL, request_key TEXT UNIQUE, created_ms BIGINT NOT NULL,"
        " finished_ms BIGINT, failure_reason TEXT)",
        "CREATE INDEX scheduled_actions_due ON scheduled_actions (status, due_ms)",
        "CREATE INDEX scheduled_actions_subscription ON scheduled_actions (subscription_id)",
        // kind: action_type (key = behavior code) or sub_action_type (key = business classification code).
        "CREATE TABLE custom_action_types (id {{ID}}, kind TEXT NOT NULL, code_key TEXT NOT NULL, code TEXT NOT NULL,"
        " name TEXT NOT NULL, UNIQUE (kind, code_key, code))",
    };
}

} // namespace sb
