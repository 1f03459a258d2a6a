#include "DemoSeeder.h"

#include "BundleDemoSeeder.h"
#include "CatalogRepository.h"
#include "CustomFieldRepository.h"
#include "CustomerRepository.h"
#include "CustomerSearchIndex.h"
#include "InventoryRepository.h"
#include "domain/AssignRules.h"
#include "security/Milenage.h"
#include "security/SimKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace sb {
namespace {

constexpr qint64 bulkLoadThreshold = 20000; // customers
constexpr double GiB = 1024.0 * 1024.0 * 1024.0;
constexpr double MinuteNs = 60.0 * 1e9;

Product product(const char* slug, const char* name, ProductCategory category, ServiceType type,
                QList<CustomerType> customerTypes, double setup, double monthly, bool recurring,
                QStringList items, const char* play, QJsonObject vars, const char* description)
{
    Product p;
    p.slug = QString::fromLatin1(slug);
    p.name = QString::fromUtf8(name);
    p.category = category;
    p.serviceType = type;
    p.customerTypes = std::move(customerTypes);
    p.setupCost = Money::fromMajor(setup, QStringLiteral("GBP"));
    p.monthlyCost = Money::fromMajor(monthly, QStringLiteral("GBP"));
    p.recurring = recurring;
    p.termMonths = recurring ? 12 : 0;
    p.inventoryItemsList = std::move(items);
    p.provisioningPlay = QString::fromLatin1(play);
    p.provisioningVars = std::move(vars);
    p.description = QString::fromUtf8(description);
    return p;
}

QString hex(QRandomGenerator& random, int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char& c : data)
        c = static_cast<char>(random.bounded(256));
    return QString::fromLatin1(data.toHex().toUpper());
}

const char* const firstNames[] = {"John", "Maria", "James", "Ana", "Pierre", "Sofia", "Lucas", "Emma", "Carlos",
                                  "Chloé", "Oliver", "Beatriz", "Hugo", "Lucía", "Jack", "Camille", "Pedro",
                                  "Isabel", "Thomas", "Olivia", "Mateo", "Julia", "Noah", "Léa", "Rafael"};
const char* const lastNames[] = {"Smith", "Doe", "Silva", "Martin", "García", "Brown", "Santos", "Dubois", "López",
                                 "Wilson", "Oliveira", "Bernard", "Fernández", "Taylor", "Costa", "Moreau",
                                 "Martínez", "Evans", "Pereira", "Laurent", "Sánchez", "Walker", "Souza", "Petit"};
const char* const companyNames[] = {"Johnson Enterprises", "Acme Trading", "Blue Harbour Logistics",
                                    "Northwind Foods", "Atlântico Consultoria", "Boulangerie Lefèvre",
                                    "Iberia Textiles", "Greenfield Clinics", "Orion Engineering",
                                    "Solaris Energia", "Café du Port", "Metro Legal LLP"};
const char* const cities[] = {"London", "Manchester", "São Paulo", "Lyon", "Madrid", "Leeds", "Porto Alegre",
                              "Marseille", "Valencia", "Bristol"};
const char* const languages[] = {"en", "pt_BR", "fr", "es"};

// A few customers cannot buy paid add-ons (seed 000): every 40 customers, one individual and one business without a
// payment method on file and one individual whose card expired a month ago. Customers 1 to 6 all have a valid card.
QVariant demoPaymentMethod(qint64 n)
{
    return (n % 40 == 6 || n % 40 == 11) ? QVariant() : QVariant(QStringLiteral("card"));
}

QVariant demoPaymentValidUntil(qint64 n)
{
    constexpr qint64 monthMs = 30LL * 24 * 3600 * 1000;
    return n % 40 == 13 ? QVariant(Database::nowMs() - monthMs) : QVariant();
}

QString asciiFold(QString text)
{
    text = text.normalized(QString::NormalizationForm_D);
    QString out;
    for (const QChar c : text)
        if (c.unicode() < 128 && c != QLatin1Char(' '))
            out += c.toLower();
    return out;
}

} // namespace

bool DemoSeeder::isEmpty()
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM products"));
    q.exec();
    return !q.next() || q.value(0).toLongLong() == 0;
}

Status DemoSeeder::seed(const DemoSize& size, const std::function<void(qint64, qint64)>& progress)
{
    return guardedStatus([&] {
        if (isEmpty()) {
            Transaction tx(m_db);
            seedCatalog();
            seedInventory(size);
            tx.commit();
        }
        const qint64 existing = CustomerRepository(m_db).count();
        // Keeping the trigram index up to date row by row makes a big load several times slower: build it
        // once at the end instead (also after a failure, so that the index never stays behind).
        const bool bulk = size.customers - existing >= bulkLoadThreshold;
        if (bulk)
            CustomerSearchIndex::suspend(m_db);
        try {
            seedCustomers(existing, size.customers, progress);
        } catch (const StoreException&) {
            if (bulk)
                CustomerSearchIndex::rebuild(m_db);
            throw;
        }
        if (bulk)
            CustomerSearchIndex::rebuild(m_db);
        // Flexible bundles on subscriptions (Amend Bundle Services). Small test operators (under 100 customers)
        // leave them out, so that their service counts stay those of the assign-plan flow.
        if (size.customers >= 100) {
            Transaction tx(m_db);
            BundleDemoSeeder(m_db).seed();
            tx.commit();
        }
    });
}

void DemoSeeder::seedCatalog()
{
    using CT = CustomerType;
    const auto plan = ProductCategory::ServicePlan;
    const auto addon = ProductCategory::Addon;
    const QStringList mobileItems{QStringLiteral("SIM Card"), QStringLiteral("Mobile Number")};
    const QStringList modem{QStringLiteral("CPE Modem")};
    const QStringList stb{QStringLiteral("Set-top Box")};
    const QStringList did{QStringLiteral("SIP DID")};
    auto mobileVars = [](double gb, double minutes) {
        return QJsonObject{{QStringLiteral("data_bytes"), gb * GiB},
                           {QStringLiteral("voice_ns"), minutes * MinuteNs},
                           {QStringLiteral("apn"), QStringLiteral("internet")}};
    };
    auto internetVars = [](const char* rate, double gb) {
        return QJsonObject{{QStringLiteral("rate_limit"), QString::fromLatin1(rate)}, {QStringLiteral("data_bytes"), gb * GiB}};
    };
    auto iptvVars = [](QStringList packages) {
        return QJsonObject{{QStringLiteral("channel_packages"), QJsonArray::fromStringList(packages)}};
    };
    auto voipVars = [](double minutes) {
        return QJsonObject{{QStringLiteral("sip_domain"), QStringLiteral("voice.switchboard.example")},
                           {QStringLiteral("voice_ns"), minutes * MinuteNs}};
    };
    auto boost = [](const char* type, double value) {
        return QJsonObject{{QStringLiteral("balance_type"), QString::fromLatin1(type)}, {QStringLiteral("balance_value"), value}};
    };

    const QList<Product> products{
        product("mobile-20gb", "Mobile - 20GB Plan", plan, ServiceType::Mobile, {CT::Individual}, 0, 15, true,
                mobileItems, "mobile_plan", mobileVars(20, 500), "20 GB of data and 500 minutes a month."),
        product("mobile-5gb", "Mobile - 5GB Starter", plan, ServiceType::Mobile, {CT::Individual}, 0, 8, true,
                mobileItems, "mobile_plan", mobileVars(5, 200), "5 GB of data and 200 minutes a month."),
        product("mobile-unlimited", "Mobile - Unlimited", plan, ServiceType::Mobile, {CT::Individual, CT::Business},
                0, 30, true, mobileItems, "mobile_plan", mobileVars(1000, 5000), "Unlimited data and calls."),
        product("mobile-business-50gb", "Mobile - Business 50GB", plan, ServiceType::Mobile, {CT::Business}, 0, 25,
                true, mobileItems, "mobile_plan", mobileVars(50, 3000), "50 GB pooled data for company lines."),
        product("mobile-prepaid-sim", "Mobile - Prepaid SIM", plan, ServiceType::Mobile, {CT::Individual}, 10, 0,
                false, mobileItems, "mobile_plan", mobileVars(2, 100), "One-time SIM with 2 GB to start."),
        product("fiber-100", "Fiber - 100Mbps", plan, ServiceType::Internet, {CT::Individual, CT::Business}, 49, 30,
                true, modem, "internet_plan", internetVars("100M/20M", 2000), "Fibre broadband, 100 Mbps down."),
        product("fiber-500", "Fiber - 500Mbps", plan, ServiceType::Internet, {CT::Individual}, 49, 45, true, modem,
                "internet_plan", internetVars("500M/100M", 5000), "Fibre broadband, 500 Mbps down."),
        product("fiber-business-1g", "Fiber - Business 1Gbps", plan, ServiceType::Internet, {CT::Business}, 99, 120,
                true, modem, "internet_plan", internetVars("1G/1G", 20000), "Symmetric 1 Gbps with SLA."),
        product("iptv-essentials", "IPTV - Essentials", plan, ServiceType::Iptv, {CT::Individual}, 25, 12, true, stb,
                "iptv_plan", iptvVars({QStringLiteral("news"), QStringLiteral("kids")}), "80 channels."),
        product("iptv-premium", "IPTV - Premium", plan, ServiceType::Iptv, {CT::Individual}, 25, 28, true, stb,
                "iptv_plan", iptvVars({QStringLiteral("news"), QStringLiteral("kids"), QStringLiteral("sports"),
                                       QStringLiteral("movies")}),
                "180 channels with sports and movies."),
        product("iptv-hospitality", "IPTV - Hospitality", plan, ServiceType::Iptv, {CT::Business}, 60, 40, true, stb,
                "iptv_plan", iptvVars({QStringLiteral("news"), QStringLiteral("hospitality")}), "For hotels and bars."),
        product("voip-home", "VoIP - Home Line", plan, ServiceType::Voip, {CT::Individual}, 0, 6, true, did,
                "voip_plan", voipVars(1000), "A landline number over your broadband."),
        product("voip-business", "VoIP - Business Trunk", plan, ServiceType::Voip, {CT::Business}, 20, 18, true, did,
                "voip_plan", voipVars(10000), "SIP trunk with a direct dial-in number."),
        product("addon-data-5gb", "5GB Data Boost", addon, ServiceType::Mobile, {CT::Individual, CT::Business}, 5, 0,
                false, {}, "mobile_addon", boost("*data", 5 * GiB), "5 GB extra data, right away."),
        product("addon-roaming-eu", "Roaming Pack - Europe", addon, ServiceType::Mobile,
                {CT::Individual, CT::Business}, 0, 7, true, {}, "mobile_addon", boost("*data", 10 * GiB),
                "10 GB roaming data in Europe each month."),
        product("addon-intl-minutes", "International Minutes 300", addon, ServiceType::Mobile, {CT::Individual}, 0, 4,
                true, {}, "mobile_addon", boost("*voice", 300 * MinuteNs), "300 international minutes a month."),
        product("addon-extra-stb", "Extra Set-top Box", addon, ServiceType::Iptv, {CT::Individual, CT::Business}, 35,
                3, true, stb, "generic_addon", {}, "A second box for another room."),
        product("addon-static-ip", "Static IP Address", addon, ServiceType::Internet, {CT::Business}, 0, 5, true, {},
                "generic_addon", {}, "A fixed public IPv4 address."),
    };
    CatalogRepository catalog(m_db);
    for (const Product& p : products)
        catalog.insert(p);
    Product legacy = product("mobile-legacy-2gb", "Mobile - Legacy 2GB", plan, ServiceType::Mobile, {CT::Individual},
                             0, 5, true, mobileItems, "mobile_plan", mobileVars(2, 100), "No longer sold.");
    legacy.enabled = false;
    catalog.insert(legacy);

    // The custom fields of business orders (seed 000: account numbers, cost centres, PO numbers).
    CustomFieldRepository fields(m_db);
    const struct
    {
        const char* key;
        const char* label;
        CustomFieldDefinition::Type type;
        bool required;
    } businessFields[] = {
        {"po_number", QT_TRANSLATE_NOOP("CustomField", "Purchase Order Number"), CustomFieldDefinition::Type::Text, true},
        {"cost_centre", QT_TRANSLATE_NOOP("CustomField", "Cost Centre"), CustomFieldDefinition::Type::Text, false},
        {"account_number", QT_TRANSLATE_NOOP("CustomField", "Account Number"), CustomFieldDefinition::Type::Number, false},
    };
    int order = 0;
    for (const auto& f : businessFields) {
        CustomFieldDefinition d;
        d.key = QString::fromLatin1(f.key);
        d.label = QString::fromLatin1(f.label);
        d.type = f.type;
        d.required = f.required;
        d.sortOrder = ++order;
        fields.insert(d);
    }
}

void DemoSeeder::seedInventory(const DemoSize& size)
{
    QRandomGenerator random(20251);
    InventoryRepository inventory(m_db);
    auto statusFor = [&random]() {
        const int roll = random.bounded(100);
        if (roll < 55)
            return InventoryStatus::New;
        if (roll < 90)
            return InventoryStatus::InStock;
        if (roll < 95)
            return InventoryStatus::Faulty;
        return InventoryStatus::Returned;
    };
    const qint64 simTemplate = inventory.insertTemplate(QStringLiteral("SIM Card"), QStringLiteral("ICCID"));
    const TransportKey demoTransportKey = TransportKey::demo();
    const QByteArray demoOp = QByteArray::fromHex("63bfa50ee6523365ff14c1f45f88737d"); // the demo operator's OP
    for (int i = 1; i <= size.simCards; ++i) {
        InventoryItem item;
        item.reference = QStringLiteral("SIM-%1").arg(i + 122, 5, 10, QLatin1Char('0'));
        item.identifier = QStringLiteral("89440000000000%1").arg(i, 5, 10, QLatin1Char('0'));
        item.attributes = {{QStringLiteral("imsi"), QStringLiteral("2341500000%1").arg(i, 5, 10, QLatin1Char('0'))}};
        // Keys as a SIM batch import leaves them: sealed under the (published) demo transport key.
        SimKeys keys;
        keys.ki = QByteArray::fromHex(hex(random, 16).toLatin1());
        hex(random, 16); // formerly the OPc: drawn still, so that the rest of the demo data stays the same
        keys.opc = Milenage::opc(keys.ki, demoOp);
        keys.seal(demoTransportKey).addTo(&item.attributes);
        item.status = statusFor();
        inventory.insertItem(simTemplate, item);
    }
    const qint64 numberTemplate = inventory.insertTemplate(QStringLiteral("Mobile Number"), QStringLiteral("MSISDN"));
    for (int i = 0; i < size.mobileNumbers; ++i) {
        const int subscriber = 900100 + i;
        InventoryItem item;
        item.reference = QStringLiteral("MSISDN-%1").arg(subscriber);
        item.identifier = QStringLiteral("+44 7700 %1").arg(subscriber);
        item.attributes = {{QStringLiteral("msisdn"), QStringLiteral("447700%1").arg(subscriber)}};
        item.status = statusFor();
        inventory.insertItem(numberTemplate, item);
    }
    const qint64 modemTemplate = inventory.insertTemplate(QStringLiteral("CPE Modem"), QStringLiteral("Serial number"));
    for (int i = 1; i <= size.modems; ++i) {
        InventoryItem item;
        item.reference = QStringLiteral("CPE-%1").arg(i, 5, 10, QLatin1Char('0'));
        item.identifier = QStringLiteral("FX500-%1").arg(700000 + i);
        item.attributes = {{QStringLiteral("mac"), QStringLiteral("00:1A:2B:%1:%2:%3")
                                                       .arg((i >> 16) & 0xff, 2, 16, QLatin1Char('0'))
                                                       .arg((i >> 8) & 0xff, 2, 16, QLatin1Char('0'))
                                                       .arg(i & 0xff, 2, 16, QLatin1Char('0'))
                                                       .toUpper()},
                           {QStringLiteral("model"), QStringLiteral("FX500")}};
        item.status = statusFor();
        inventory.insertItem(modemTemplate, item);
    }
    const qint64 stbTemplate = inventory.insertTemplate(QStringLiteral("Set-top Box"), QStringLiteral("Serial number"));
    for (int i = 1; i <= size.setTopBoxes; ++i) {
        InventoryItem item;
        item.reference = QStringLiteral("STB-%1").arg(i, 5, 10, QLatin1Char('0'));
        item.identifier = QStringLiteral("STB4K-%1").arg(300000 + i);
        item.attributes = {{QStringLiteral("model"), QStringLiteral("STB4K")}};
        item.status = statusFor();
        inventory.insertItem(stbTemplate, item);
    }
    const qint64 didTemplate = inventory.insertTemplate(QStringLiteral("SIP DID"), QStringLiteral("Number"));
    for (int i = 0; i < size.sipDids; ++i) {
        const int line = 0 + i;
        InventoryItem item;
        item.reference = QStringLiteral("DID-%1").arg(7946000 + line);
        item.identifier = QStringLiteral("+44 20 7946 %1").arg(line, 4, 10, QLatin1Char('0'));
        item.attributes = {{QStringLiteral("msisdn"), QStringLiteral("44207946%1").arg(line, 4, 10, QLatin1Char('0'))}};
        item.status = statusFor();
        inventory.insertItem(didTemplate, item);
    }
}

void DemoSeeder::seedCustomers(qint64 from, qint64 to, const std::function<void(qint64, qint64)>& progress)
{
    constexpr qint64 chunk = 5000;
    const int firstCount = int(std::size(firstNames));
    const int lastCount = int(std::size(lastNames));
    const int companyCount = int(std::size(companyNames));
    for (qint64 start = from; start < to; start += chunk) {
        Transaction tx(m_db);
        Sql insert(m_db, QStringLiteral("INSERT INTO customers (type, name, name_lc, email, email_lc, phone,"
                                        " phone_digits, phone_rev, status, language, payment_method,"
                                        " payment_method_valid_until_ms, created_ms) VALUES"
                                        " (:type, :name, :name_lc, :email, :email_lc, :phone, :digits, :rev, 'active',"
                                        " :language, :payment, :valid_until, :created) RETURNING id"));
        CustomerRepository customers(m_db);
        const qint64 end = qMin(to, start + chunk);
        for (qint64 n = start; n < end; ++n) {
            QRandomGenerator random(quint32(7919 * n + 17));
            const bool business = (n % 4 == 3);
            QString name;
            if (business) {
                name = QString::fromUtf8(companyNames[(n / 4) % companyCount]);
                if (n / 4 >= companyCount)
                    name += QStringLiteral(" %1").arg(QString::fromUtf8(cities[(n / 4 / companyCount) % 10]));
                if (n / 4 >= companyCount * 10)
                    name += QStringLiteral(" %1").arg(n);
            } else {
                name = QString::fromUtf8(firstNames[n % firstCount]) + QLatin1Char(' ') +
                       QString::fromUtf8(lastNames[(n / firstCount + n) % lastCount]);
            }
            const QString email = asciiFold(name) + QStringLiteral("%1@example.com").arg(n > 2 ? QString::number(n) : QString());
            const QString phone = QStringLiteral("+44 7700 %1").arg(100000 + n % 900000) +
                                  (n >= 900000 ? QString::number(n / 900000) : QString());
            insert.bind(QStringLiteral(":type"), toCode(business ? CustomerType::Business : CustomerType::Individual))
                .bind(QStringLiteral(":name"), name)
                .bind(QStringLiteral(":name_lc"), name.toLower())
                .bind(QStringLiteral(":email"), email)
                .bind(QStringLiteral(":email_lc"), email.toLower())
                .bind(QStringLiteral(":phone"), phone)
                .bind(QStringLiteral(":digits"), AssignRules::normalizePhone(phone))
                .bind(QStringLiteral(":rev"), CustomerRepository::reversedDigits(phone))
                .bind(QStringLiteral(":language"), QString::fromLatin1(languages[random.bounded(4)]))
                .bind(QStringLiteral(":payment"), demoPaymentMethod(n))
                .bind(QStringLiteral(":valid_until"), demoPaymentValidUntil(n))
                .bind(QStringLiteral(":created"), Database::nowMs())
                .exec();
            const qint64 id = insert.returnedId();
            insert.query().finish();
            if (business && n < 100000) {
                const int sites = 1 + random.bounded(3);
                for (int s = 0; s < sites; ++s) {
                    const QString city = QString::fromUtf8(cities[(n + s) % 10]);
                    customers.insertSite(Site{0, id, QStringLiteral("%1 Office").arg(city),
                                              QStringLiteral("%1 Main St, %2").arg(100 + 23 * s + n % 50).arg(city)});
                }
                const QString domain = asciiFold(name).left(12) + QStringLiteral(".example");
                customers.insertContact(Contact{0, id, QStringLiteral("billing"), QStringLiteral("Jane Doe"),
                                                QStringLiteral("jane@") + domain, QStringLiteral("+44 20 7946 0100")});
                customers.insertContact(Contact{0, id, QStringLiteral("technical"), QStringLiteral("Bob Smith"),
                                                QStringLiteral("bob@") + domain, QStringLiteral("+44 20 7946 0101")});
            }
        }
        tx.commit();
        if (progress)
            progress(end - from, to - from);
    }
}

} // namespace sb
