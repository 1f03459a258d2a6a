#pragma once

#include "BusinessOrder.h"
#include "TestDatabase.h"

#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "provisioning/ProvisioningRunner.h"
#include "store/CatalogRepository.h"
#include "store/JobRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <memory>

// A migrated demo database, the built-in simulator on its own thread, and the endpoints that lead to it (RADIUS
// and SIP rows in SQLite files of the test folder): what a test needs to assign plans and run their jobs.
class SimulatedProvisioning
{
public:
    bool start()
    {
        m_test = std::make_unique<TestDatabase>();
        m_sim = std::make_unique<sb::SimulatorThread>();
        if (!m_test->ok() || !m_sim->start())
            return false;
        endpoints = sb::NetworkEndpoints::forSimulator(m_sim->baseUrl());
        endpoints.outboxDir = m_test->path(QStringLiteral("outbox"));
        endpoints.standinDir = m_test->path(QStringLiteral("elements"));
        return true;
    }

    sb::Database& db() { return m_test->db(); }
    TestDatabase& test() { return *m_test; }
    sb::NetworkSimulator* sim() { return m_sim->simulator(); }
    sb::SimulatorThread& simulatorThread() { return *m_sim; }

    // Reserves the first free items the product needs and submits the assignment (the job is queued).
    sb::AssignResult assign(const QString& slug, qint64 customerId)
    {
        sb::AssignPlanWorkflow workflow(db());
        const sb::Product product = *sb::CatalogRepository(db()).bySlug(slug);
        const QString holder = QStringLiteral("test-") + slug;
        sb::AssignRequest request;
        request.customerId = customerId;
        request.productId = product.id;
        request.reservationHolder = holder;
        for (const QString& t : product.inventoryItemsList) {
            const qint64 id = workflow.availableItems(t, holder)->first().id;
            workflow.reserve(id, holder);
            request.items.insert(t, id);
        }
        fillBusinessDetails(workflow, request);
        const auto result = workflow.submit(request, actor);
        return result.ok() ? *result : sb::AssignResult{};
    }

    // Runs the next queued job with the current endpoints; returns its status after the run.
    sb::JobStatus runNext()
    {
        sb::ProvisioningRunner runner(db(), endpoints, QStringLiteral("test-worker"));
        const auto id = runner.runNext();
        return id ? sb::JobRepository(db()).byId(*id)->status : sb::JobStatus::Queued;
    }

    sb::AssignResult provision(const QString& slug, qint64 customerId)
    {
        const sb::AssignResult assigned = assign(slug, customerId);
        if (assigned.jobId == 0 || runNext() != sb::JobStatus::Succeeded)
            return {};
        return assigned;
    }

    sb::NetworkEndpoints endpoints;
    const sb::Actor actor{QStringLiteral("tester"), sb::Role::Staff};

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<sb::SimulatorThread> m_sim;
};
