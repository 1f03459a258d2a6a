#pragma once

#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"

namespace sb {

// Cancelling a service: a provisioning job (kind "cancel_service") that undoes, in reverse order, what the
// service's provisioning job did — each done task's rescue action, so the RADIUS user, SIP subscriber, OCS
// account… are removed from the network — and finally marks the service Cancelled. Workers run it like any
// other job, with View Logs and Retry.
class CancelServiceWorkflow
{
public:
    static constexpr const char* JobKind = "cancel_service";

    explicit CancelServiceWorkflow(Database& db) : m_db(db) {}

    // Queues the cancel job and returns its id. The actor needs Permission::CancelService. Refused while
    // another job of the service is queued or running, and for a service that is already cancelled.
    Result<qint64> cancelService(qint64 serviceId, const Actor& actor);

private:
    qint64 queueInTransaction(qint64 serviceId, const Actor& actor);
    Database& m_db;
};

} // namespace sb
