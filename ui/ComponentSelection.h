#pragma once

#include "domain/Bundle.h"

#include <QList>

namespace sb {

// The pending change of an Amend Bundle Services dialog: products to add and current components to remove.
struct ComponentSelection
{
    QList<BundleProduct> added;
    QList<qint64> removedServiceIds;

    bool isEmpty() const { return added.isEmpty() && removedServiceIds.isEmpty(); }
    bool isAdded(qint64 productId) const
    {
        for (const BundleProduct& product : added)
            if (product.id == productId)
                return true;
        return false;
    }
    bool isRemoved(qint64 serviceId) const { return removedServiceIds.contains(serviceId); }
};

} // namespace sb
