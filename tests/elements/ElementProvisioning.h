#pragma once

#include "core/SimulatedProvisioning.h"

#include "security/ElementCredentials.h"
#include "store/DatabaseUrl.h"
#include "store/ServiceRepository.h"
#include "workflows/CancelServiceWorkflow.h"

#include <QFile>

// The real provisioning path for the element tests: a demo database, the built-in simulator for the OCS, the
// RADIUS and SIP databases as SQLite files in the test's folder, the assign-plan workflow and a runner.
class ElementProvisioning : public SimulatedProvisioning
{
public:
    // The SQLite file behind an element database URL ("sqlite:///x/y.db" -> "/x/y.db").
    static QString sqliteFile(const QString& url) { return sb::DatabaseUrl::parse(url)->path; }

    // Assigns the plan as store staff would and runs its provisioning job. The service, or an empty one.
    sb::Service provisionService(const QString& slug, qint64 customerId, sb::ProvisioningJob* job = nullptr)
    {
        const sb::AssignResult assigned = provision(slug, customerId);
        if (assigned.jobId == 0)
            return {};
        if (job)
            *job = *sb::JobRepository(db()).byId(assigned.jobId);
        return *sb::ServiceRepository(db()).byId(assigned.serviceId);
    }

    // Cancels the service and runs the cancel job to the end.
    bool cancel(qint64 serviceId)
    {
        const sb::Result<qint64> job = sb::CancelServiceWorkflow(db()).cancelService(serviceId, actor);
        if (!job)
            return false;
        sb::ProvisioningRunner runner(db(), endpoints, QStringLiteral("test-worker"));
        return runner.runJob(*job).value_or(sb::JobStatus::Queued) == sb::JobStatus::Succeeded;
    }

    // The passwords the welcome mail and staff would read: derived from the installation key, never stored.
    sb::ElementCredentials credentials() const { return *sb::ElementCredentials::open(endpoints.credentialsKeyPath()); }

    // The text of the welcome mail of a service as the customer reads it (the outbox copy, body decoded).
    QString welcomeMailText(qint64 serviceId) const
    {
        QFile file(endpoints.outboxDir + QStringLiteral("/welcome-service-%1.eml").arg(serviceId));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray raw = file.readAll();
        const int bodyStart = raw.indexOf("\r\n\r\n");
        return bodyStart < 0 ? QString() : QString::fromUtf8(QByteArray::fromBase64(raw.mid(bodyStart + 4)));
    }

    // Everything the job's tasks logged.
    QString jobLog(qint64 jobId)
    {
        QString all;
        for (const sb::ProvisioningTask& task : sb::JobRepository(db()).tasks(jobId))
            all += task.log;
        return all;
    }
};
