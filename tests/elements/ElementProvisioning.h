#pragma once

#include "core/TestDatabase.h"

#include "network/SimulatorThread.h"
#include "provisioning/ProvisioningRunner.h"
#include "security/ElementCredentials.h"
#include "store/CatalogRepository.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/CancelServiceWorkflow.h"

#include <QFile>

#include <memory>

// The real provisioning path for the element tests: a demo database, the built-in simulator for the OCS,
// the RADIUS and SIP databases as SQLite files in the test's folder, the assign-plan workflow and a runner.
class ElementProvisioning
{
public:
    bool setUp()
    {
        m_test = std::make_unique<TestDatabase>();
        m_sim = std::make_unique<sb::SimulatorThread>();
        if (!m_test->ok() || !m_sim->start())
            return false;
        m_endpoints = sb::NetworkEndpoints::forSimulator(m_sim->baseUrl());
        m_endpoints.outboxDir = m_test->path(QStringLiteral("outbox"));
        m_endpoints.standinDir = m_test->path(QStringLiteral("elements"));
        return true;
    }

    sb::Database& db() { return m_test->db(); }
    const sb::NetworkEndpoints& endpoints() const { return m_endpoints; }
    QString path(const QString& name) const { return m_test->path(name); }

    // The SQLite file behind an element database URL ("sqlite:///x/y.db" -> "/x/y.db").
    static QString sqliteFile(const QString& url) { return sb::DatabaseUrl::parse(url)->path; }

    // Assigns the plan as store staff would and runs its provisioning job. The service, or an empty one.
    sb::Service provision(const QString& slug, qint64 customerId, sb::ProvisioningJob* job = nullptr)
    {
        sb::AssignPlanWorkflow workflow(db());
        const sb::Product product = *sb::CatalogRepository(db()).bySlug(slug);
        const QString holder = QStringLiteral("elements-test");
        sb::AssignRequest request;
        request.customerId = customerId;
        request.productId = product.id;
        request.reservationHolder = holder;
        for (const QString& t : product.inventoryItemsList) {
            const qint64 id = workflow.availableItems(t, holder)->first().id;
            workflow.reserve(id, holder);
            request.items.insert(t, id);
        }
        const auto assigned = workflow.submit(request, staff());
        if (!assigned || runJob(assigned->jobId) != sb::JobStatus::Succeeded)
            return {};
        if (job)
            *job = *sb::JobRepository(db()).byId(assigned->jobId);
        return *sb::ServiceRepository(db()).byId(assigned->serviceId);
    }

    // Cancels the service and runs the cancel job to the end.
    bool cancel(qint64 serviceId)
    {
        const sb::Result<qint64> job = sb::CancelServiceWorkflow(db()).cancelService(serviceId, staff());
        return job && runJob(*job) == sb::JobStatus::Succeeded;
    }

    // The passwords the welcome mail and staff would read: derived from the installation key, never stored.
    sb::ElementCredentials credentials() const { return *sb::ElementCredentials::open(m_endpoints.credentialsKeyPath()); }

    // The text of the welcome mail of a service as the customer reads it (the outbox copy, body decoded).
    QString welcomeMailText(qint64 serviceId) const
    {
        QFile file(m_endpoints.outboxDir + QStringLiteral("/welcome-service-%1.eml").arg(serviceId));
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

private:
    static sb::Actor staff() { return sb::Actor(QStringLiteral("elements-test"), sb::Role::Staff); }

    sb::JobStatus runJob(qint64 jobId)
    {
        sb::ProvisioningRunner runner(db(), m_endpoints, QStringLiteral("elements-test"));
        return runner.runJob(jobId).value_or(sb::JobStatus::Queued);
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<sb::SimulatorThread> m_sim;
    sb::NetworkEndpoints m_endpoints;
};
