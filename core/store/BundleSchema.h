#pragma once

#include <QStringList>

namespace sb {

// The tables of Amend Bundle Services (seed 004): dated life cycle states, bundle composition rules, service
// dependencies, prepaid wallet ledgers, provisioning distributors and scheduled actions. Both engines.
namespace BundleSchema {
QStringList migration();
}

} // namespace sb
