// switchboard-ctl commands of add-ons bought onto an existing service: addons buy, addons list.
#include "CtlCommands.h"

#include "provisioning/ProvisioningRunner.h"
#include "store/CatalogRepository.h"
#include "workflows/AddonWorkflow.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"
#include "workflows/ProvisioningWorkflow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace sb {
namespace {

QJsonObject purchaseJson(const AddonPurchase& a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("service_id"), a.serviceId},
            {QStringLiteral("product"), a.productName},
            {QStringLiteral("status"), a.status},
            {QStringLiteral("job_id"), a.jobId},
            {QStringLiteral("setup_cost"), a.setupCost.format()},
            {QStringLiteral("monthly_cost"), a.monthlyCost.format()},
            {QStringLiteral("balance"), a.balance},
            {QStringLiteral("created"), QDateTime::fromMSecsSinceEpoch(a.createdMs).toString(Qt::ISODate)},
            {QStringLiteral("requested_by"), a.requestedBy}};
}

QString taskMark(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Done:
        return QStringLiteral("✓");
    case TaskStatus::Failed:
        return QStringLiteral("✗");
    default:
        return QStringLiteral("⏺");
    }
}

} // namespace

int CtlCommands::addonsBuy()
{
    qint64 customerId = 0;
    qint64 serviceId = 0;
    if (!takeNumber(QStringLiteral("--customer"), &customerId, 1) ||
        !takeNumber(QStringLiteral("--service"), &serviceId, 1))
        return 2;
    const QString slug = takeOption(QStringLiteral("--product"));
    const QStringList itemSpecs = takeAll(QStringLiteral("--item"));
    const bool wait = takeFlag(QStringLiteral("--wait"));
    if (m_badOption)
        return 2;
    if (customerId == 0 || slug.isEmpty())
        return usage(tr("addons buy needs --customer ID and --product SLUG."));
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    QMap<QString, qint64> picked;
    for (const QString& spec : itemSpecs) {
        const int eq = spec.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        const qint64 id = eq > 0 ? spec.mid(eq + 1).toLongLong(&ok) : 0;
        if (eq <= 0 || !ok || id <= 0)
            return usage(tr("--item must be TEMPLATE=ITEM_ID, for example \"SIM Card=42\", not \"%1\".").arg(spec));
        picked.insert(spec.left(eq), id);
    }
    if (!openBackend(false, false) || !signIn())
        return 1;
    if (Status allowed = m_actor.require(Permission::AssignPlan); !allowed) // before reserving anything
        return fail(allowed.error.text());
    Database& db = m_backend->database();
    const auto product = guarded([&] {
        const auto found = CatalogRepository(db).bySlug(slug);
        if (!found)
            throw StoreException(
                Error{UserMessage("AssignPlan",
                                  QT_TRANSLATE_NOOP("AssignPlan",
                                                    "There is no product \"%1\". See switchboard-ctl products list."),
                                  {slug}),
                      {}});
        return *found;
    });
    if (!product)
        return fail(product.error().text());
    AddonWorkflow addons(db);
    const auto targets = addons.targetServices(product->id, customerId);
    if (!targets)
        return fail(targets.error().text());
    if (serviceId == 0 && targets->size() > 1) {
        QString choices;
        for (const Service& s : *targets)
            choices += QStringLiteral("  --service %1\t%2\n").arg(s.id).arg(s.name);
        return usage(tr("Which service should receive this add-on? Add one of:\n%1").arg(choices));
    }
    if (Status payment = addons.checkPayment(product->id, customerId); !payment)
        return fail(payment.error.text());

    AssignPlanWorkflow inventory(db);
    const QString holder = QStringLiteral("ctl-") + QUuid::createUuid().toString(QUuid::Id128);
    AddonRequest request;
    request.customerId = customerId;
    request.productId = product->id;
    request.serviceId = serviceId;
    request.reservationHolder = holder;
    if (const int code = reserveItems(inventory, *product, picked, holder, &request.items))
        return code;
    const auto submitted = addons.submit(request, m_actor);
    if (!submitted) {
        inventory.releaseAll(holder);
        return fail(submitted.error().text());
    }
    if (!wait) {
        print(QJsonObject{{QStringLiteral("addon_id"), submitted->addonId},
                          {QStringLiteral("service_id"), submitted->serviceId},
                          {QStringLiteral("job_id"), submitted->jobId},
                          {QStringLiteral("status"), toCode(JobStatus::Queued)}},
              tr("Add-on %1 bought for service %2; provisioning job %3 is queued for a worker.\n")
                  .arg(submitted->addonId)
                  .arg(submitted->serviceId)
                  .arg(submitted->jobId));
        return 0;
    }
    ProvisioningRunner runner(db, m_backend->endpoints(),
                              QStringLiteral("ctl-%1").arg(QCoreApplication::applicationPid()));
    const auto status = guarded([&] { return runner.runJob(submitted->jobId).value_or(JobStatus::Queued); });
    const auto job = ProvisioningWorkflow(db).job(submitted->jobId);
    const auto purchase = addons.purchaseOfJob(submitted->jobId);
    if (!status)
        return fail(status.error().text());
    if (!job)
        return fail(job.error().text());
    if (!purchase)
        return fail(purchase.error().text());
    const AddonPurchase bought = purchase->value_or(AddonPurchase{});
    QString text;
    for (const ProvisioningTask& t : job->tasks)
        text += QStringLiteral("%1 %2\n").arg(taskMark(t.status), t.displayLabel());
    if (job->status == JobStatus::Succeeded)
        text += tr("Add-on %1 is active on service %2. Balance: %3\n")
                    .arg(bought.productName)
                    .arg(bought.serviceId)
                    .arg(bought.balance);
    print(purchaseJson(bought), text);
    if (job->status != JobStatus::Succeeded) {
        m_err << tr("Error: %1").arg(UserMessage::fromJsonString(job->error).text()) << '\n'
              << tr("Provision ID: %1").arg(job->id) << '\n';
        return 1;
    }
    return 0;
}

int CtlCommands::addonsList()
{
    qint64 serviceId = 0;
    if (!takeNumber(QStringLiteral("--service"), &serviceId, 1))
        return 2;
    if (m_badOption)
        return 2;
    if (serviceId == 0)
        return usage(tr("addons list needs --service ID."));
    if (!openBackend(false, false))
        return 1;
    const auto purchases = AddonWorkflow(m_backend->database()).addonsOf(serviceId);
    if (!purchases)
        return fail(purchases.error().text());
    QJsonArray json;
    QString text;
    for (const AddonPurchase& a : *purchases) {
        json << purchaseJson(a);
        text += QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                    .arg(a.id)
                    .arg(a.status, -8)
                    .arg(a.productName, a.balance)
                    .arg(a.jobId);
    }
    print(json, text);
    return 0;
}

} // namespace sb
