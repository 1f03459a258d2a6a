#include "CustomerWorkflow.h"

#include "store/CustomerRepository.h"
#include "store/InventoryRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"

#include <QCoreApplication>

namespace sb {

Result<CustomerDetails> CustomerWorkflow::customer(qint64 customerId)
{
    return guarded([&] {
        CustomerRepository customers(m_db);
        const auto found = customers.byId(customerId);
        if (!found)
            throw StoreException(Error{UserMessage("AssignPlan", QT_TRANSLATE_NOOP("AssignPlan", "Customer not found. Create the customer first, or search again by ID, email or phone.")), {}});
        return CustomerDetails{*found, customers.sites(customerId), customers.contacts(customerId),
                               ServiceRepository(m_db).forCustomer(customerId)};
    });
}

Result<ServiceDetails> CustomerWorkflow::service(qint64 serviceId)
{
    return guarded([&] {
        const auto found = ServiceRepository(m_db).byId(serviceId);
        if (!found)
            throw StoreException(Error{UserMessage("Services", QT_TRANSLATE_NOOP("Services", "Service %1 does not exist."), {QString::number(serviceId)}), {}});
        ServiceDetails details;
        details.service = *found;
        details.customer = CustomerRepository(m_db).byId(found->customerId).value_or(Customer{});
        details.items = InventoryRepository(m_db).forService(serviceId);
        details.latestJobId = JobRepository(m_db).latestForService(serviceId).value_or(0);
        return details;
    });
}

Result<QList<Service>> CustomerWorkflow::recentServices(int limit)
{
    return guarded([&] { return ServiceRepository(m_db).recent(limit); });
}

} // namespace sb
