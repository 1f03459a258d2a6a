#include "DemoDataWorkflow.h"

#include "store/AuditRepository.h"

namespace sb {

Status DemoDataWorkflow::seed(const Actor& actor, const DemoSize& size,
                              const std::function<void(qint64, qint64)>& progress)
{
    if (Status allowed = actor.require(Permission::SeedDemoData); !allowed)
        return allowed;
    if (Status seeded = DemoSeeder(m_db).seed(size, progress); !seeded)
        return seeded;
    return guardedStatus([&] {
        AuditRepository(m_db).record(actor.login(), QStringLiteral("seed_demo"), QStringLiteral("database"), 0,
                                     QStringLiteral("customers=%1").arg(size.customers));
    });
}

} // namespace sb
