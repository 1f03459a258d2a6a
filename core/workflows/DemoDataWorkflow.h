#pragma once

#include "domain/UserMessage.h"
#include "security/Actor.h"
#include "store/Database.h"
#include "store/DemoSeeder.h"

#include <functional>

namespace sb {

// Loading the demo operator on request (switchboard-ctl seed-demo, the Administration menu): administrators only,
// recorded in the audit log.
class DemoDataWorkflow
{
public:
    explicit DemoDataWorkflow(Database& db) : m_db(db) {}

    Status seed(const Actor& actor, const DemoSize& size, const std::function<void(qint64, qint64)>& progress = {});

private:
    Database& m_db;
};

} // namespace sb
