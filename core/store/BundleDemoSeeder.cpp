#include "BundleDemoSeeder.h"

#include "BundleCatalogRepository.h"
#include "CatalogRepository.h"
#include "ScheduledActionRepository.h"
#include "SubscriptionRepository.h"
#include "WalletRepository.h"

#include <QJsonArray>

namespace sb {
namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;
const QString seededBy = QStringLiteral("demo");

struct DemoProduct
{
    const char* slug;
    const char* name;
    ServiceType type;
    CustomerType customers;
    double monthly;
    const char* productType;
    const char* family;
    QStringList packages; // IPTV channel packages
    bool flexible = false;
};

qint64 insertProduct(Database& db, const DemoProduct& d)
{
    Product p;
    p.slug = QString::fromLatin1(d.slug);
    p.name = QString::fromUtf8(d.name);
    p.category = d.flexible ? ProductCategory::ServicePlan : ProductCategory::Addon;
    p.serviceType = d.type;
    p.customerTypes = {d.customers};
    // Sold on subscriptions by billing, not in the assign-plan catalog.
    p.enabled = false;
    p.setupCost = Money{0, QStringLiteral("GBP")};
    p.monthlyCost = Money::fromMajor(d.monthly, QStringLiteral("GBP"));
    p.recurring = true;
    p.termMonths = 1;
    p.provisioningPlay = d.type == ServiceType::Iptv ? QStringLiteral("iptv_plan") : QStringLiteral("voip_plan");
    if (!d.packages.isEmpty())
        p.provisioningVars = {{QStringLiteral("channel_packages"), QJsonArray::fromStringList(d.packages)}};
    p.description = d.flexible ? QStringLiteral("A flexible bundle: choose its components.")
                               : QStringLiteral("A component of a flexible bundle.");
    const qint64 id = CatalogRepository(db).insert(p);
    BundleCatalogRepository(db).setClassification(id, QString::fromUtf8(d.productType), QString::fromUtf8(d.family),
                                                  d.flexible ? QStringLiteral("flexible") : QStringLiteral("none"));
    return id;
}

CompositionRule rule(qint64 bundleId, CompositionMatch match, const char* value, int min, int max, bool mandatory)
{
    CompositionRule r;
    r.bundleProductId = bundleId;
    r.match = match;
    r.value = QString::fromUtf8(value);
    r.minCount = min;
    r.maxCount = max;
    r.mandatory = mandatory;
    return r;
}

// Customers from the twentieth on: the first ones are those the assign-plan examples and tests work with.
QList<qint64> customerIds(Database& db, const QString& type, int count)
{
    Sql q(db, QStringLiteral("SELECT id FROM customers WHERE type = :t ORDER BY id LIMIT %1 OFFSET %2")
                  .arg(count)
                  .arg(type == QLatin1String("business") ? 5 : 20));
    q.bind(QStringLiteral(":t"), type).exec();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

} // namespace

bool BundleDemoSeeder::isSeeded()
{
    return BundleCatalogRepository(m_db).productBySlug(QStringLiteral("iptv-flex")).has_value();
}

void BundleDemoSeeder::seed()
{
    if (isSeeded() || customerIds(m_db, QStringLiteral("individual"), 6).size() < 6 ||
        customerIds(m_db, QStringLiteral("business"), 1).isEmpty())
        return;
    seedProducts();
    seedSubscriptions();
}

void BundleDemoSeeder::seedProducts()
{
    using CT = CustomerType;
    const ServiceType tv = ServiceType::Iptv;
    const ServiceType voice = ServiceType::Voip;
    const QList<DemoProduct> products{
        {"iptv-flex", "IPTV - Flex Bundle", tv, CT::Individual, 10, "TV Bundle", "IPTV", {QStringLiteral("news")}, true},
        {"pack-basic", "Basic Channels", tv, CT::Individual, 0, "Channel Pack", "Basic", {QStringLiteral("basic")}},
        {"pack-sports", "Sports Pack", tv, CT::Individual, 12, "Channel Pack", "Sports", {QStringLiteral("sports")}},
        {"pack-sports-extra", "Sports Extra", tv, CT::Individual, 6, "Channel Pack", "Sports",
         {QStringLiteral("sports_extra")}},
        {"pack-movies", "Movies Pack", tv, CT::Individual, 9, "Channel Pack", "Movies", {QStringLiteral("movies")}},
        {"pack-cinema-premiere", "Cinema Premiere", tv, CT::Individual, 11, "Channel Pack", "Movies",
         {QStringLiteral("premiere")}},
        {"pack-kids", "Kids Pack", tv, CT::Individual, 5, "Channel Pack", "Kids", {QStringLiteral("kids")}},
        {"pack-late-night", "Late Night Pack", tv, CT::Individual, 8, "Channel Pack", "Adult",
         {QStringLiteral("late_night")}},
        {"pack-world-news", "World News", tv, CT::Individual, 3, "Channel Pack", "News", {QStringLiteral("world_news")}},
        {"pack-radio", "Radio Pack", tv, CT::Individual, 2, "Radio Pack", "Music", {QStringLiteral("radio")}},
        {"iptv-multiroom", "Multiroom", tv, CT::Individual, 4, "Equipment", "Multiroom", {}},
        {"voice-flex", "Business Voice - Flex", voice, CT::Business, 15, "Voice Bundle", "Business Voice", {}, true},
        {"feat-voicemail", "Voicemail to Email", voice, CT::Business, 2, "Voice Feature", "Messaging", {}},
        {"feat-call-recording", "Call Recording", voice, CT::Business, 5, "Voice Feature", "Call Handling", {}},
        {"feat-auto-attendant", "Auto Attendant", voice, CT::Business, 7, "Voice Feature", "Call Handling", {}},
        {"feat-conference", "Conference Bridge", voice, CT::Business, 4, "Voice Feature", "Collaboration", {}},
        {"feat-intl-calling", "International Calling", voice, CT::Business, 6, "Voice Feature", "Calling", {}},
    };
    QHash<QString, qint64> ids;
    for (const DemoProduct& p : products)
        ids.insert(QString::fromLatin1(p.slug), insertProduct(m_db, p));

    BundleCatalogRepository catalog(m_db);
    const qint64 iptv = ids.value(QStringLiteral("iptv-flex"));
    catalog.insertCompositionRule(rule(iptv, CompositionMatch::Product, "pack-basic", 1, 1, true));
    catalog.insertCompositionRule(rule(iptv, CompositionMatch::ProductType, "Channel Pack", 1, 6, false));
    catalog.insertCompositionRule(rule(iptv, CompositionMatch::ProductFamily, "Movies", 0, 1, false));
    catalog.insertCompositionRule(rule(iptv, CompositionMatch::Product, "iptv-multiroom", 0, 1, false));
    const qint64 voiceBundle = ids.value(QStringLiteral("voice-flex"));
    catalog.insertCompositionRule(rule(voiceBundle, CompositionMatch::Product, "feat-voicemail", 1, 1, true));
    catalog.insertCompositionRule(rule(voiceBundle, CompositionMatch::ProductType, "Voice Feature", 1, 4, false));

    catalog.insertDependency(ids.value(QStringLiteral("pack-sports-extra")), DependencyKind::Requires,
                             ids.value(QStringLiteral("pack-sports")));
    catalog.insertDependency(ids.value(QStringLiteral("pack-late-night")), DependencyKind::Excludes,
                             ids.value(QStringLiteral("pack-kids")));
    catalog.insertDependency(ids.value(QStringLiteral("feat-auto-attendant")), DependencyKind::Requires,
                             ids.value(QStringLiteral("feat-call-recording")));

    const QString amend = BehaviorCodes::amendBundledService;
    catalog.insertCustomActionType({QStringLiteral("action_type"), amend, QStringLiteral("UPGRADE"), QStringLiteral("Upgrade")});
    catalog.insertCustomActionType({QStringLiteral("action_type"), amend, QStringLiteral("DOWNGRADE"), QStringLiteral("Downgrade")});
    catalog.insertCustomActionType({QStringLiteral("sub_action_type"), amend, QStringLiteral("CUSTOMER_REQUEST"),
                                    QStringLiteral("Customer request")});
    catalog.insertCustomActionType({QStringLiteral("sub_action_type"), amend, QStringLiteral("RETENTION"),
                                    QStringLiteral("Retention offer")});
}

void BundleDemoSeeder::seedSubscriptions()
{
    const qint64 now = Database::nowMs();
    const qint64 since = now - 40 * dayMs;
    const QList<qint64> people = customerIds(m_db, QStringLiteral("individual"), 6);
    const qint64 company = customerIds(m_db, QStringLiteral("business"), 1).first();
    SubscriptionRepository subscriptions(m_db);
    BundleCatalogRepository catalog(m_db);
    WalletRepository wallets(m_db);
    const QList<StatePeriod> effective{{LifecycleState::Draft, since, since + 5 * dayMs, seededBy},
                                       {LifecycleState::Effective, since + 5 * dayMs, 0, seededBy}};

    auto subscription = [&](const char* number, qint64 customer, LifecycleState state, PaymentType payment,
                            QList<StatePeriod> history) {
        Subscription s;
        s.number = QString::fromLatin1(number);
        s.customerId = customer;
        s.state = state;
        s.paymentType = payment;
        s.createdMs = since;
        s.history = std::move(history);
        s.id = subscriptions.insertSubscription(s, seededBy);
        return s;
    };
    auto service = [&](const Subscription& s, const char* slug, qint64 parent, const QList<StatePeriod>& history) {
        SubscriptionService svc;
        svc.subscriptionId = s.id;
        svc.parentServiceId = parent;
        svc.customerId = s.customerId;
        svc.product = *catalog.productBySlug(QString::fromLatin1(slug));
        svc.name = parent ? svc.product.name : QStringLiteral("%1 (%2)").arg(svc.product.name, s.number);
        svc.serviceUuid = QStringLiteral("%1-%2").arg(s.number.toLower(), QString::fromLatin1(slug));
        svc.history = history;
        return subscriptions.insertService(svc, seededBy);
    };
    auto distributor = [&](const Subscription& s, const char* kind, const char* serial) {
        return subscriptions.insertDistributor(
            Distributor{0, s.id, QString::fromLatin1(kind), QString::fromLatin1(serial), 0, {}, {}});
    };
    auto wallet = [&](const Subscription& s, double topUp, double spent) {
        const qint64 id = wallets.create(s.id, QStringLiteral("GBP"));
        wallets.addEntry(id, Money::fromMajor(topUp, QStringLiteral("GBP")).minorUnits, QStringLiteral("Top-up"),
                         QStringLiteral("demo:%1:topup").arg(s.number), seededBy);
        if (spent > 0)
            wallets.addEntry(id, -Money::fromMajor(spent, QStringLiteral("GBP")).minorUnits,
                             QStringLiteral("Monthly charge"), QStringLiteral("demo:%1:monthly").arg(s.number), seededBy);
    };

    // Prepaid IPTV with two set-top boxes (the second one only for Multiroom) and a smartcard.
    const Subscription prepaid = subscription("SUB-100001", people.at(0), LifecycleState::Effective,
                                              PaymentType::Prepaid, effective);
    wallet(prepaid, 60, 22);
    const qint64 bundle1 = service(prepaid, "iptv-flex", 0, effective);
    const qint64 living = distributor(prepaid, "set_top_box", "STB4K-900001");
    const qint64 bedroom = distributor(prepaid, "set_top_box", "STB4K-900002");
    const qint64 card = distributor(prepaid, "smartcard", "SC-500001");
    subscriptions.distribute(living, bundle1);
    subscriptions.distribute(card, bundle1);
    subscriptions.distributeInstalledItem(card, QStringLiteral("CA module CAM-77001"));
    for (const char* slug : {"pack-basic", "pack-kids", "pack-sports"}) {
        const qint64 id = service(prepaid, slug, bundle1, effective);
        subscriptions.distribute(living, id);
    }
    subscriptions.distribute(bedroom, service(prepaid, "iptv-multiroom", bundle1, effective));

    // Postpaid IPTV whose bundle turns Not Effective in 60 days (an added component inherits that).
    const QList<StatePeriod> ending{{LifecycleState::Effective, since, now + 60 * dayMs, seededBy},
                                    {LifecycleState::NotEffective, now + 60 * dayMs, 0, seededBy}};
    const Subscription postpaid = subscription("SUB-100002", people.at(1), LifecycleState::Effective,
                                               PaymentType::Postpaid, effective);
    const qint64 bundle2 = service(postpaid, "iptv-flex", 0, ending);
    const qint64 box2 = distributor(postpaid, "set_top_box", "STB4K-900003");
    subscriptions.distribute(box2, bundle2);
    for (const char* slug : {"pack-basic", "pack-movies"})
        subscriptions.distribute(box2, service(postpaid, slug, bundle2, ending));

    // Prepaid draft with little money left.
    const QList<StatePeriod> draft{{LifecycleState::Draft, since, 0, seededBy}};
    const Subscription low = subscription("SUB-100003", people.at(2), LifecycleState::Draft, PaymentType::Prepaid, draft);
    wallet(low, 2, 0);
    const qint64 bundle3 = service(low, "iptv-flex", 0, draft);
    const qint64 box3 = distributor(low, "set_top_box", "STB4K-900004");
    subscriptions.distribute(box3, bundle3);
    subscriptions.distribute(box3, service(low, "pack-basic", bundle3, draft));

    // Business voice.
    const Subscription voice = subscription("SUB-100004", company, LifecycleState::Effective, PaymentType::Postpaid,
                                            effective);
    const qint64 bundle4 = service(voice, "voice-flex", 0, effective);
    for (const char* slug : {"feat-voicemail", "feat-call-recording"})
        service(voice, slug, bundle4, effective);

    // Terminated: its bundle cannot be amended any more.
    const QList<StatePeriod> terminated{{LifecycleState::Effective, since, now - dayMs, seededBy},
                                        {LifecycleState::Terminated, now - dayMs, 0, seededBy}};
    const Subscription ended = subscription("SUB-100005", people.at(3), LifecycleState::Terminated,
                                            PaymentType::Postpaid, terminated);
    const qint64 bundle5 = service(ended, "iptv-flex", 0, terminated);
    service(ended, "pack-basic", bundle5, terminated);

    // No flexible bundle at all.
    const Subscription plain = subscription("SUB-100006", people.at(4), LifecycleState::Effective,
                                            PaymentType::Postpaid, effective);
    service(plain, "iptv-essentials", 0, effective);

    // A bundle whose removal is scheduled.
    const Subscription leaving = subscription("SUB-100007", people.at(5), LifecycleState::Effective,
                                              PaymentType::Postpaid, effective);
    const qint64 bundle7 = service(leaving, "iptv-flex", 0, effective);
    service(leaving, "pack-basic", bundle7, effective);
    ScheduledAction removal;
    removal.behaviorCode = BehaviorCodes::removeService;
    removal.businessClassificationCode = BehaviorCodes::removeService;
    removal.subscriptionId = leaving.id;
    removal.serviceId = bundle7;
    removal.dueMs = now + 14 * dayMs;
    removal.performedBy = seededBy;
    removal.performedMs = now;
    removal.requestedBy = seededBy;
    ScheduledActionRepository(m_db).insert(removal);
}

} // namespace sb
