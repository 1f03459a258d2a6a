// One desktop's worth of clerks in a loop, for tst_contention: each attempt picks the first available item of a
// template, reserves it and then submits the order (or, every fourth time, releases it again), through the real
// AssignPlanWorkflow. Prints one JSON object with what happened to every attempt.
#include "store/Database.h"
#include "store/InventoryRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char* name) {
        const int index = args.indexOf(QLatin1String(name));
        return index > 0 && index + 1 < args.size() ? args.at(index + 1) : QString();
    };
    const auto url = sb::DatabaseUrl::parse(option("--db"));
    if (!url) {
        std::fprintf(stderr, "contention_client --db URL --template NAME --product ID --customer ID --holder H"
                             " --attempts N\n");
        return 2;
    }
    const QString templateName = option("--template");
    const QString holder = option("--holder");
    const qint64 productId = option("--product").toLongLong();
    const qint64 customerId = option("--customer").toLongLong();
    const int attempts = option("--attempts").toInt();

    sb::Database db(*url);
    sb::AssignPlanWorkflow workflow(db);
    int submitted = 0, released = 0, noneAvailable = 0, taken = 0, stolen = 0;
    QJsonArray errors, services;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const auto available = workflow.availableItems(templateName, holder);
        if (!available) {
            errors << available.error().message.englishText() + QStringLiteral(" / ") + available.error().detail;
            continue;
        }
        if (available->isEmpty()) {
            ++noneAvailable; // the picker's "No inventory available"
            continue;
        }
        const qint64 itemId = available->first().id;
        const auto reserved = workflow.reserve(itemId, holder);
        if (!reserved) {
            if (reserved.error().message.englishText().contains(QLatin1String("no longer available")))
                ++taken;
            else
                errors << reserved.error().message.englishText() + QStringLiteral(" / ") + reserved.error().detail;
            continue;
        }
        // Held by this holder alone until released or submitted: nobody may take it over meanwhile.
        const auto held = sb::guarded([&] { return sb::InventoryRepository(db).byId(itemId); });
        if (!held || !held.value() || held.value()->reservedBy != holder)
            ++stolen;
        if (attempt % 4 == 3) {
            if (const sb::Status status = workflow.release(itemId, holder); status)
                ++released;
            else
                errors << status.error.message.englishText();
            continue;
        }
        sb::AssignRequest request;
        request.customerId = customerId;
        request.productId = productId;
        request.items.insert(templateName, itemId);
        request.reservationHolder = holder;
        const auto result = workflow.submit(request, sb::Actor(holder, sb::Role::Staff));
        if (!result) {
            errors << result.error().message.englishText() + QStringLiteral(" / ") + result.error().detail;
            continue;
        }
        ++submitted;
        services << QJsonObject{{QStringLiteral("service"), result->serviceId}, {QStringLiteral("item"), itemId}};
    }
    db.closeThreadConnection();
    const QJsonObject report{{QStringLiteral("submitted"), submitted},
                             {QStringLiteral("released"), released},
                             {QStringLiteral("none_available"), noneAvailable},
                             {QStringLiteral("taken"), taken},
                             {QStringLiteral("stolen"), stolen},
                             {QStringLiteral("errors"), errors},
                             {QStringLiteral("services"), services}};
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
