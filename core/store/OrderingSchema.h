#pragma once

#include <QStringList>

namespace sb {

// The tables of the seed's special cases: add-ons bought onto an existing service, the custom fields a business
// order asks for, the customer's payment method validity, bulk imports that survive a restart, and the queue
// monitor's index.
namespace OrderingSchema {
QStringList migration();
}

} // namespace sb
