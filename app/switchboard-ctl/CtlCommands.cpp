#include "CtlCommands.h"

#include "network/NetworkSimulator.h"
#include "network/TlsTcpServer.h"
#include "domain/AssignRules.h"
#include "domain/BusinessRules.h"
#include "provisioning/ProvisioningRunner.h"
#include "store/CatalogRepository.h"
#include "store/DemoSeeder.h"
#include "store/InventoryRepository.h"
#include "store/Migrations.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/CancelServiceWorkflow.h"
#include "workflows/Backend.h"
#include "workflows/DemoDataWorkflow.h"
#include "workflows/ProvisioningWorkflow.h"
#include "workflows/SimImportWorkflow.h"
#include "security/Milenage.h"
#include "security/TransportKey.h"
#include "workflows/StaffWorkflow.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "network/SettingsFile.h"

#include <QSettings>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace sb {
namespace {

std::atomic<bool> g_stopRequested{false};

void onStopSignal(int)
{
    g_stopRequested = true;
}

QJsonObject productJson(const Product& p)
{
    QJsonArray types;
    for (CustomerType t : p.customerTypes)
        types << toCode(t);
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("slug"), p.slug},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("category"), toCode(p.category)},
            {QStringLiteral("service_type"), toCode(p.serviceType)},
            {QStringLiteral("customer_types"), types},
            {QStringLiteral("currency"), p.monthlyCost.currency},
            {QStringLiteral("setup_cost"), p.setupCost.major()},
            {QStringLiteral("monthly_cost"), p.monthlyCost.major()},
            {QStringLiteral("recurring"), p.recurring},
            {QStringLiteral("inventory_items_list"), QJsonArray::fromStringList(p.inventoryItemsList)},
            {QStringLiteral("provisioning_play"), p.provisioningPlay}};
}

QJsonObject customerJson(const Customer& c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("type"), toCode(c.type)},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("email"), c.email},
            {QStringLiteral("phone"), c.phone}};
}

QJsonObject itemJson(const InventoryItem& i, qint64 now)
{
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("template"), i.templateName},
            {QStringLiteral("reference"), i.reference},
            {QStringLiteral("identifier"), i.identifier},
            {QStringLiteral("status"), toCode(i.effectiveStatus(now))},
            {QStringLiteral("service_id"), i.serviceId}};
}

QJsonObject jobJson(const ProvisioningJob& j)
{
    QJsonArray tasks;
    for (const ProvisioningTask& t : j.tasks)
        tasks << QJsonObject{{QStringLiteral("ordinal"), t.ordinal},
                             {QStringLiteral("label"), t.displayLabel()},
                             {QStringLiteral("action"), t.action},
                             {QStringLiteral("status"), toCode(t.status)},
                             {QStringLiteral("error"), UserMessage::fromJsonString(t.error).text()},
                             {QStringLiteral("log"), t.log}};
    return {{QStringLiteral("id"), j.id},
            {QStringLiteral("service_id"), j.serviceId},
            {QStringLiteral("customer_id"), j.customerId},
            {QStringLiteral("playbook"), j.playbook},
            {QStringLiteral("status"), toCode(j.status)},
            {QStringLiteral("attempt"), j.attempt},
            {QStringLiteral("error"), UserMessage::fromJsonString(j.error).text()},
            {QStringLiteral("tasks"), tasks}};
}

QString statusMark(TaskStatus s)
{
    switch (s) {
    case TaskStatus::Done: return QStringLiteral("✓");
    case TaskStatus::Running: return QStringLiteral("⟳");
    case TaskStatus::Failed: return QStringLiteral("✗");
    case TaskStatus::Skipped: return QStringLiteral("-");
    case TaskStatus::Pending: break;
    }
    return QStringLiteral("⏺");
}

} // namespace

CtlCommands::CtlCommands(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

int CtlCommands::usage(const QString& problem)
{
    if (!problem.isEmpty())
        m_err << problem << '\n';
    m_err << tr("Usage: switchboard-ctl [--db URL] [--user LOGIN] [--json] COMMAND\n"
                "Writing commands run as --user LOGIN (password in SWITCHBOARD_PASSWORD or on the first line of\n"
                "stdin);"
                " without --user, as the local user (signed in automatically on an SQLite database only).\n"
                "A new password (user add, user passwd) is the next line of stdin.\n"
                "Commands:\n"
                "  init\n"
                "  seed-demo [--customers N]\n"
                "  products list\n"
                "  customers search TEXT\n"
                "  inventory list --template NAME [--available]\n"
                "  inventory import-sims FILE --transport-key-file F [--op HEX]\n"
                "  sim opc --ki HEX --op HEX\n"
                "  assign --customer ID --product SLUG [--item TEMPLATE=ITEM_ID ...] [--auto-renew yes|no] [--wait]\n"
                "      [--site NAME|ID] [--billing-contact ID] [--technical-contact ID] [--field KEY=VALUE ...]\n"
                "  jobs list | jobs show ID | jobs retry ID\n"
                "  user add LOGIN --role staff|billing_clerk|administrator [--name NAME]\n"
                "  user passwd LOGIN | user list\n"
                "  worker\n"
                "  nesim --port P [--fail TASK_OR_METHOD ...]\n")
          << tr("  subscriptions search TEXT | subscriptions show NUMBER\n"
                "  amend-bundle --service ID [--add PRODUCT_SLUG ...] [--remove COMPONENT_SERVICE_ID ...]\n"
                "      [--schedule now|YYYY-MM-DD|YYYY-MM-DDTHH:MM|days:N] [--performed-by LOGIN]\n"
                "      [--performed-date ISO] [--action-type X] [--sub-action-type Y] [--request-key KEY]\n"
                "  scheduled list [--subscription NUMBER] | scheduled cancel ID\n")
          << tr("  services cancel ID\n")
          << tr("  addons buy --customer ID --product SLUG [--service ID] [--item TEMPLATE=ITEM_ID ...] [--wait]\n"
                "  addons list --service ID\n")
          << tr("  import-csv FILE [--dry-run] [--max-in-flight N] [--report OUT.csv] [--external-worker]\n"
                "  import-csv --resume ID | --retry-failed ID [--report OUT.csv] [--external-worker]\n"
                "      (exit code 3: rows with errors, rejected, failed or cancelled; 4: stopped, resume later)\n")
          << tr("  services verify ID   (exit code 3: the network differs from the database; 4: an element did not answer)\n")
          << tr("  nesim over HTTPS: add --tls-cert FILE --tls-key FILE [--client-ca FILE] (client certificate required)\n");
    m_err << tr("Settings: --config FILE reads the network elements, mail, SIM keys and (without --db) the database\n"
                "from that INI file, as the Settings dialog writes it; without it, from the user's settings.\n");
    return 2;
}

int CtlCommands::fail(const QString& message)
{
    m_err << message << '\n';
    return 1;
}

void CtlCommands::print(const QJsonValue& json, const QString& text)
{
    if (m_json)
        m_out << QString::fromUtf8(json.isArray() ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Indented)
                                                  : QJsonDocument(json.toObject()).toJson(QJsonDocument::Indented));
    else
        m_out << text;
}

QString CtlCommands::takeOption(const QString& name)
{
    const int index = m_args.indexOf(name);
    if (index < 0)
        return {};
    if (index + 1 >= m_args.size() || m_args.at(index + 1).startsWith(QLatin1String("--"))) {
        m_err << tr("%1 needs a value.").arg(name) << '\n';
        m_badOption = true;
        m_args.removeAt(index);
        return {};
    }
    const QString value = m_args.at(index + 1);
    m_args.remove(index, 2);
    return value;
}

QStringList CtlCommands::takeAll(const QString& name)
{
    QStringList values;
    while (m_args.contains(name)) {
        const QString value = takeOption(name);
        if (m_badOption)
            break;
        values << value;
    }
    return values;
}

bool CtlCommands::takeFlag(const QString& name)
{
    return m_args.removeAll(name) > 0;
}

bool CtlCommands::takeNumber(const QString& name, qint64* out, qint64 minimum)
{
    const QString text = takeOption(name);
    if (text.isEmpty())
        return !m_badOption;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum) {
        m_err << tr("%1 must be a whole number of at least %2, not \"%3\".").arg(name).arg(minimum).arg(text) << '\n';
        m_badOption = true;
        return false;
    }
    *out = value;
    return true;
}

int CtlCommands::run(const QStringList& arguments)
{
    m_args = arguments;
    m_json = takeFlag(QStringLiteral("--json"));
    m_dbUrl = takeOption(QStringLiteral("--db"));
    m_user = takeOption(QStringLiteral("--user"));
    const QString configFile = takeOption(QStringLiteral("--config"));
    if (m_badOption)
        return usage({});
    // --config FILE: the INI file the GUI's Settings dialog writes (network elements, mail, SIM keys, database).
    const Result<std::shared_ptr<QSettings>> settingsFile = SettingsFile::open(configFile);
    if (!settingsFile)
        return fail(settingsFile.error().text());
    m_settings = *settingsFile;
    if (m_dbUrl.isEmpty() && !configFile.isEmpty())
        m_dbUrl = SettingsFile::databaseUrl(*m_settings);
    if (m_args.isEmpty())
        return usage(tr("No command given."));
    const QString command = m_args.takeFirst();
    const QString sub = m_args.value(0);
    auto dispatch = [&]() -> int {
        if (command == QLatin1String("init"))
            return init();
        if (command == QLatin1String("seed-demo"))
            return seedDemo();
        if (command == QLatin1String("products") && sub == QLatin1String("list"))
            return m_args.removeFirst(), productsList();
        if (command == QLatin1String("customers") && sub == QLatin1String("search"))
            return m_args.removeFirst(), customersSearch();
        if (command == QLatin1String("inventory") && sub == QLatin1String("list"))
            return m_args.removeFirst(), inventoryList();
        if (command == QLatin1String("inventory") && sub == QLatin1String("import-sims"))
            return m_args.removeFirst(), inventoryImportSims();
        if (command == QLatin1String("sim") && sub == QLatin1String("opc"))
            return m_args.removeFirst(), simOpc();
        if (command == QLatin1String("assign"))
            return assign();
        if (command == QLatin1String("jobs") && sub == QLatin1String("list"))
            return m_args.removeFirst(), jobsList();
        if (command == QLatin1String("jobs") && sub == QLatin1String("show"))
            return m_args.removeFirst(), jobsShow();
        if (command == QLatin1String("jobs") && sub == QLatin1String("retry"))
            return m_args.removeFirst(), jobsRetry();
        if (command == QLatin1String("services") && sub == QLatin1String("cancel"))
            return m_args.removeFirst(), servicesCancel();
        if (command == QLatin1String("services") && sub == QLatin1String("verify"))
            return m_args.removeFirst(), servicesVerify();
        if (command == QLatin1String("user") && sub == QLatin1String("add"))
            return m_args.removeFirst(), userAdd();
        if (command == QLatin1String("user") && sub == QLatin1String("passwd"))
            return m_args.removeFirst(), userPasswd();
        if (command == QLatin1String("user") && sub == QLatin1String("list"))
            return m_args.removeFirst(), userList();
        if (command == QLatin1String("worker"))
            return worker();
        if (command == QLatin1String("import-csv"))
            return importCsv();
        if (command == QLatin1String("nesim"))
            return nesim();
        if (command == QLatin1String("amend-bundle"))
            return amendBundle();
        if (command == QLatin1String("scheduled") && sub == QLatin1String("list"))
            return m_args.removeFirst(), scheduledList();
        if (command == QLatin1String("scheduled") && sub == QLatin1String("cancel"))
            return m_args.removeFirst(), scheduledCancel();
        if (command == QLatin1String("subscriptions") && sub == QLatin1String("show"))
            return m_args.removeFirst(), subscriptionsShow();
        if (command == QLatin1String("subscriptions") && sub == QLatin1String("search"))
            return m_args.removeFirst(), subscriptionsSearch();
        if (command == QLatin1String("addons") && sub == QLatin1String("buy"))
            return m_args.removeFirst(), addonsBuy();
        if (command == QLatin1String("addons") && sub == QLatin1String("list"))
            return m_args.removeFirst(), addonsList();
        return usage(tr("Unknown command \"%1\".").arg((command + QLatin1Char(' ') + sub).trimmed()));
    };
    const int code = dispatch();
    delete m_backend;
    m_backend = nullptr;
    return code;
}

bool CtlCommands::openBackend(bool embeddedWorker, bool seedDemo)
{
    BackendOptions options;
    options.databaseUrl = m_dbUrl;
    options.seedDemoIfEmpty = seedDemo;
    options.startEmbeddedWorker = embeddedWorker;
    options.signInLocalUser = m_user.isEmpty();
    options.endpoints = NetworkEndpoints::fromSettings(*m_settings);
    m_backend = new Backend(options);
    const Status started = m_backend->startBlocking();
    if (!started) {
        m_err << started.error.text() << '\n';
        if (!started.error.detail.isEmpty())
            m_err << "  (" << started.error.detail << ")\n";
        return false;
    }
    return true;
}

int CtlCommands::init()
{
    if (!openBackend(false, false))
        return 1;
    const Result<int> version = Migrations::currentVersion(m_backend->database());
    print(QJsonObject{{QStringLiteral("database"), m_backend->database().url().toDisplayString()},
                      {QStringLiteral("schema_version"), version.value()}},
          tr("Database %1 is ready (schema version %2).\n")
              .arg(m_backend->database().url().toDisplayString())
              .arg(version.value()));
    return 0;
}

int CtlCommands::seedDemo()
{
    DemoSize size;
    qint64 customers = size.customers;
    if (!takeNumber(QStringLiteral("--customers"), &customers, 1))
        return 2;
    size.customers = static_cast<int>(customers);
    if (!openBackend(false, false) || !signIn())
        return 1;
    const bool quiet = m_json;
    DemoDataWorkflow demo(m_backend->database());
    const Status seeded = demo.seed(m_actor, size, [this, quiet](qint64 done, qint64 total) {
        if (!quiet && total > 20000 && (done % 100000 == 0 || done == total))
            m_err << tr("Seeding customers: %1 of %2").arg(done).arg(total) << Qt::endl;
    });
    if (!seeded)
        return fail(seeded.error.text());
    print(QJsonObject{{QStringLiteral("customers"), customers}},
          tr("Demo data is in place with %1 customers.\n").arg(customers));
    return 0;
}

int CtlCommands::productsList()
{
    if (!openBackend(false, false))
        return 1;
    QJsonArray json;
    QString text;
    for (ProductCategory category : {ProductCategory::ServicePlan, ProductCategory::Addon}) {
        QList<Product> seen;
        for (CustomerType type : {CustomerType::Individual, CustomerType::Business}) {
            const auto products = AssignPlanWorkflow(m_backend->database()).catalog(category, type);
            if (!products)
                return fail(products.error().text());
            for (const Product& p : *products) {
                if (std::any_of(seen.begin(), seen.end(), [&](const Product& s) { return s.id == p.id; }))
                    continue;
                seen << p;
                json << productJson(p);
                text += QStringLiteral("%1\t%2\t%3\t%4\t%5/%6\n")
                            .arg(p.slug, -22)
                            .arg(p.name, -30)
                            .arg(toCode(p.category), -13)
                            .arg(toCode(p.serviceType), -9)
                            .arg(p.setupCost.format(QLocale::c()), p.monthlyCost.format(QLocale::c()));
            }
        }
    }
    print(json, text);
    return 0;
}

int CtlCommands::customersSearch()
{
    const QString text = m_args.join(QLatin1Char(' ')).trimmed();
    if (text.isEmpty())
        return usage(tr("customers search needs the text to search for."));
    if (!openBackend(false, false))
        return 1;
    const auto found = AssignPlanWorkflow(m_backend->database()).searchCustomers(text, 50);
    if (!found)
        return fail(found.error().text());
    if (found->isEmpty()) {
        print(QJsonArray{}, tr("Customer not found. Try different search terms (ID, email, phone) or create the customer first.\n"));
        return 0;
    }
    QJsonArray json;
    QString lines;
    for (const Customer& c : *found) {
        json << customerJson(c);
        lines += QStringLiteral("%1\t%2\t%3\t%4\t%5\n").arg(c.id).arg(c.name, toCode(c.type), c.email, c.phone);
    }
    print(json, lines);
    return 0;
}

int CtlCommands::inventoryList()
{
    const QString templateName = takeOption(QStringLiteral("--template"));
    const bool availableOnly = takeFlag(QStringLiteral("--available"));
    if (m_badOption || templateName.isEmpty())
        return usage(tr("inventory list needs --template NAME, for example --template \"SIM Card\"."));
    if (!openBackend(false, false))
        return 1;
    const qint64 now = Database::nowMs();
    const auto items = guarded([&] {
        InventoryRepository inventory(m_backend->database());
        if (!inventory.templateId(templateName))
            throw StoreException(Error{UserMessage("Inventory", QT_TRANSLATE_NOOP("Inventory", "There is no inventory template called \"%1\". Known templates: %2."),
                                                   {templateName, inventory.templateNames().join(QStringLiteral(", "))}),
                                       {}});
        return availableOnly ? inventory.available(templateName, now, {}, 100000) : inventory.list(templateName, 100000);
    });
    if (!items)
        return fail(items.error().text());
    QJsonArray json;
    QString text;
    for (const InventoryItem& i : *items) {
        json << itemJson(i, now);
        text += QStringLiteral("%1\t%2\t%3\t%4\n").arg(i.id).arg(i.reference, i.identifier, toCode(i.effectiveStatus(now)));
    }
    if (items->isEmpty() && availableOnly)
        text = tr("No inventory available. Add more inventory items or check that item statuses are New or In Stock.\n");
    print(json, text);
    return 0;
}

int CtlCommands::inventoryImportSims()
{
    const QString keyFile = takeOption(QStringLiteral("--transport-key-file"));
    QString op = takeOption(QStringLiteral("--op"));
    if (m_badOption || keyFile.isEmpty() || m_args.size() != 1)
        return usage(tr("inventory import-sims needs the batch FILE and --transport-key-file F."));
    if (op.isEmpty())
        op = m_settings->value(QStringLiteral("sim/op")).toString();
    const Result<SimBatch> batch = SimBatchFile::read(m_args.first());
    if (!batch)
        return fail(batch.error().text());
    if (!openBackend(false, false) || !signIn())
        return 1;
    const Result<SimImportSummary> imported =
        SimImportWorkflow(m_backend->database()).importBatch(m_actor, *batch, keyFile, op);
    if (!imported)
        return fail(imported.error().text());
    print(QJsonObject{{QStringLiteral("imported"), imported->imported},
                      {QStringLiteral("batch"), imported->batch},
                      {QStringLiteral("key_check"), imported->keyCheck},
                      {QStringLiteral("opc_sealed"), imported->opcSealed}},
          tr("Imported %n SIM card(s) of batch %1, keys sealed under the transport key with check value %2.\n", "",
             imported->imported)
                  .arg(imported->batch, imported->keyCheck) +
              (imported->opcSealed ? QString()
                                   : tr("No OP was given: OPc will be derived while provisioning from [sim] op in the "
                                        "settings file.\n")));
    return 0;
}

int CtlCommands::simOpc()
{
    const QByteArray ki = blockFromHex(takeOption(QStringLiteral("--ki")));
    const QByteArray op = blockFromHex(takeOption(QStringLiteral("--op")));
    if (m_badOption || ki.isEmpty() || op.isEmpty() || !m_args.isEmpty())
        return usage(tr("sim opc needs --ki HEX and --op HEX, each 32 hexadecimal digits."));
    const QString opc = QString::fromLatin1(Milenage::opc(ki, op).toHex());
    if (opc.isEmpty())
        return fail(tr("OpenSSL could not compute AES-128. Check the OpenSSL installation."));
    print(QJsonObject{{QStringLiteral("opc"), opc}}, opc + QLatin1Char('\n'));
    return 0;
}

int CtlCommands::reserveItems(AssignPlanWorkflow& workflow, const Product& product, QMap<QString, qint64> picked,
                              const QString& holder, QMap<QString, qint64>* items)
{
    for (const QString& templateName : product.inventoryItemsList) {
        qint64 itemId = picked.take(templateName);
        if (itemId == 0) { // the next free item of the template
            const auto free = workflow.availableItems(templateName, holder);
            if (!free)
                return fail(free.error().text());
            if (free->isEmpty())
                return fail(tr("No inventory available for %1. Add more inventory items or check item statuses.").arg(templateName));
            itemId = free->first().id;
        }
        const auto reserved = workflow.reserve(itemId, holder);
        if (!reserved) {
            workflow.releaseAll(holder);
            return fail(reserved.error().text());
        }
        items->insert(templateName, itemId);
    }
    if (!picked.isEmpty()) {
        workflow.releaseAll(holder);
        return usage(tr("%1 does not need a %2.").arg(product.name, picked.firstKey()));
    }
    return 0;
}

int CtlCommands::assign()
{
    qint64 customerId = 0;
    if (!takeNumber(QStringLiteral("--customer"), &customerId, 1))
        return 2;
    const QString slug = takeOption(QStringLiteral("--product"));
    const QStringList itemSpecs = takeAll(QStringLiteral("--item"));
    const QString autoRenewText = takeOption(QStringLiteral("--auto-renew")).toLower();
    const bool wait = takeFlag(QStringLiteral("--wait"));
    BusinessDetails business;
    const QString siteText = takeOption(QStringLiteral("--site"));
    if (!takeNumber(QStringLiteral("--billing-contact"), &business.billingContactId, 1)
        || !takeNumber(QStringLiteral("--technical-contact"), &business.technicalContactId, 1))
        return 2;
    for (const QString& spec : takeAll(QStringLiteral("--field"))) {
        const int eq = spec.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(tr("--field must be KEY=VALUE, for example \"po_number=PO-2025-001234\", not \"%1\".").arg(spec));
        business.customFields.insert(spec.left(eq), spec.mid(eq + 1));
    }
    if (m_badOption)
        return 2;
    if (customerId == 0 || slug.isEmpty())
        return usage(tr("assign needs --customer ID and --product SLUG."));
    if (!autoRenewText.isEmpty() && autoRenewText != QLatin1String("yes") && autoRenewText != QLatin1String("no"))
        return usage(tr("--auto-renew must be yes or no, not \"%1\".").arg(autoRenewText));
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
    AssignPlanWorkflow workflow(db);
    const QString holder = QStringLiteral("ctl-") + QUuid::createUuid().toString(QUuid::Id128);
    const auto product = guarded([&] {
        const auto found = CatalogRepository(db).bySlug(slug);
        if (!found)
            throw StoreException(Error{UserMessage("AssignPlan", QT_TRANSLATE_NOOP("AssignPlan", "There is no product \"%1\". See switchboard-ctl products list."), {slug}), {}});
        return *found;
    });
    if (!product)
        return fail(product.error().text());
    if (Status eligible = workflow.checkEligibility(product->id, customerId); !eligible)
        return fail(eligible.error.text());

    const auto options = workflow.businessOptions(customerId, product->id);
    if (!options)
        return fail(options.error().text());
    // A business customer's only site and the first contact of each role are taken unless named.
    for (const Site& site : options->sites)
        if (site.name.compare(siteText, Qt::CaseInsensitive) == 0 || QString::number(site.id) == siteText)
            business.siteId = site.id;
    if (!siteText.isEmpty() && business.siteId == 0)
        return fail(tr("The customer has no site \"%1\". Give the site's name or ID.").arg(siteText));
    if (business.siteId == 0 && options->sites.size() == 1)
        business.siteId = options->sites.first().id;
    if (business.billingContactId == 0 && !options->sites.isEmpty())
        business.billingContactId = BusinessRules::defaultContact(options->contacts, QStringLiteral("billing"));
    if (business.technicalContactId == 0 && !options->sites.isEmpty())
        business.technicalContactId = BusinessRules::defaultContact(options->contacts, QStringLiteral("technical"));

    AssignRequest request;
    request.business = business;
    request.customerId = customerId;
    request.productId = product->id;
    request.autoRenew = autoRenewText.isEmpty() ? AssignRules::defaultAutoRenew(*product) : autoRenewText == QLatin1String("yes");
    request.reservationHolder = holder;
    if (const int code = reserveItems(workflow, *product, picked, holder, &request.items))
        return code;
    const auto submitted = workflow.submit(request, m_actor);
    if (!submitted) {
        workflow.releaseAll(holder);
        return fail(submitted.error().text());
    }
    if (!wait) {
        print(QJsonObject{{QStringLiteral("service_id"), submitted->serviceId}, {QStringLiteral("job_id"), submitted->jobId},
                          {QStringLiteral("status"), toCode(JobStatus::Queued)}},
              tr("Service %1 created; provisioning job %2 is queued for a worker.\n").arg(submitted->serviceId).arg(submitted->jobId));
        return 0;
    }
    ProvisioningRunner runner(db, m_backend->endpoints(), QStringLiteral("ctl-%1").arg(QCoreApplication::applicationPid()));
    const auto status = guarded([&] { return runner.runJob(submitted->jobId).value_or(JobStatus::Queued); });
    const auto job = ProvisioningWorkflow(db).job(submitted->jobId);
    if (!status || !job)
        return fail(!status ? status.error().text() : job.error().text());
    QString text;
    for (const ProvisioningTask& t : job->tasks)
        text += QStringLiteral("%1 %2\n").arg(statusMark(t.status), t.displayLabel());
    if (job->status == JobStatus::Succeeded)
        text += tr("Service %1 is active (provisioning job %2).\n").arg(job->serviceId).arg(job->id);
    print(jobJson(*job), text);
    if (job->status != JobStatus::Succeeded) {
        m_err << tr("Error: %1").arg(UserMessage::fromJsonString(job->error).text()) << '\n'
              << tr("The service record has been created but provisioning did not complete. Please review the error and retry.")
              << '\n'
              << tr("Provision ID: %1").arg(job->id) << '\n';
        return 1;
    }
    return 0;
}

int CtlCommands::jobsList()
{
    if (!openBackend(false, false))
        return 1;
    const auto jobs = ProvisioningWorkflow(m_backend->database()).recentJobs(200);
    if (!jobs)
        return fail(jobs.error().text());
    QJsonArray json;
    QString text;
    for (const JobSummary& s : *jobs) {
        json << QJsonObject{{QStringLiteral("id"), s.job.id},
                            {QStringLiteral("status"), toCode(s.job.status)},
                            {QStringLiteral("customer"), s.customerName},
                            {QStringLiteral("service"), s.serviceName},
                            {QStringLiteral("tasks_done"), s.tasksDone},
                            {QStringLiteral("tasks_total"), s.tasksTotal}};
        text += QStringLiteral("%1\t%2\t%3/%4\t%5\t%6\n")
                    .arg(s.job.id)
                    .arg(toCode(s.job.status), -9)
                    .arg(s.tasksDone)
                    .arg(s.tasksTotal)
                    .arg(s.customerName, s.serviceName);
    }
    print(json, text);
    return 0;
}

int CtlCommands::jobsShow()
{
    bool ok = false;
    const qint64 id = m_args.value(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(tr("jobs show needs a provision ID (a whole number)."));
    if (!openBackend(false, false))
        return 1;
    const auto job = ProvisioningWorkflow(m_backend->database()).job(id);
    if (!job)
        return fail(job.error().text());
    QString text = tr("Provision ID: %1 (%2), attempt %3\n").arg(job->id).arg(displayName(job->status)).arg(job->attempt);
    for (const ProvisioningTask& t : job->tasks) {
        text += QStringLiteral("%1 %2\n").arg(statusMark(t.status), t.displayLabel());
        if (!t.error.isEmpty())
            text += QStringLiteral("    %1\n").arg(UserMessage::fromJsonString(t.error).text());
    }
    print(jobJson(*job), text);
    return 0;
}

int CtlCommands::servicesCancel()
{
    bool ok = false;
    const qint64 id = m_args.value(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(tr("services cancel needs a service ID (a whole number)."));
    if (!openBackend(false, false) || !signIn())
        return 1;
    const Result<qint64> job = CancelServiceWorkflow(m_backend->database()).cancelService(id, m_actor);
    if (!job)
        return fail(job.error().text());
    print(QJsonObject{{QStringLiteral("service"), id}, {QStringLiteral("job"), *job}},
          tr("Service %1 is being cancelled: provisioning job %2 removes it from the network elements.\n")
              .arg(id)
              .arg(*job));
    return 0;
}

int CtlCommands::jobsRetry()
{
    bool ok = false;
    const qint64 id = m_args.value(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(tr("jobs retry needs a provision ID (a whole number)."));
    if (!openBackend(false, false) || !signIn())
        return 1;
    if (Status retried = ProvisioningWorkflow(m_backend->database()).retry(id, m_actor); !retried)
        return fail(retried.error.text());
    print(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("status"), toCode(JobStatus::Queued)}},
          tr("Provisioning job %1 is queued again and resumes at the failed task.\n").arg(id));
    return 0;
}

bool CtlCommands::readSecret(const QString& prompt, QString* out)
{
#ifdef Q_OS_UNIX
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        m_err << prompt << Qt::flush;
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
#endif
    static QFile input;
    if (!input.isOpen())
        input.open(stdin, QIODevice::ReadOnly, QFileDevice::DontCloseHandle);
    QByteArray line = input.readLine();
#ifdef Q_OS_UNIX
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        m_err << '\n' << Qt::flush;
    }
#else
    Q_UNUSED(prompt)
#endif
    if (line.isEmpty())
        return false;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    *out = QString::fromUtf8(line);
    line.fill('\0');
    return true;
}

bool CtlCommands::signIn()
{
    if (m_user.isEmpty() && m_backend->session().isValid()) {
        m_actor = m_backend->session();
        return true;
    }
    StaffWorkflow staff(m_backend->database());
    const QString login = m_user.isEmpty() ? Backend::localLogin() : m_user;
    if (m_user.isEmpty() && !staff.exists(login)) {
        fail(tr("The local user %1 has no staff account on this PostgreSQL database, and only an SQLite database signs "
                "the local user in automatically. Use --user LOGIN with your password (in SWITCHBOARD_PASSWORD or on "
                "stdin), or ask an administrator to run: switchboard-ctl user add %1 --role ROLE")
                 .arg(login));
        return false;
    }
    QString password = qEnvironmentVariable("SWITCHBOARD_PASSWORD");
    if (password.isEmpty() && !readSecret(tr("Password for %1: ").arg(login), &password)) {
        fail(tr("No password for %1. Give it in SWITCHBOARD_PASSWORD or on the first line of stdin.").arg(login));
        return false;
    }
    const Result<Actor> actor = staff.authenticate(login, password);
    password.fill(QLatin1Char('\0'));
    if (!actor) {
        fail(actor.error().text());
        return false;
    }
    m_actor = *actor;
    m_backend->setSession(m_actor);
    return true;
}

static QJsonObject staffJson(const StaffUser& user)
{
    return {{QStringLiteral("login"), user.login},
            {QStringLiteral("display_name"), user.displayName},
            {QStringLiteral("role"), user.role}};
}

int CtlCommands::userAdd()
{
    const bool hasLogin = !m_args.isEmpty() && !m_args.first().startsWith(QLatin1String("--"));
    const QString login = hasLogin ? m_args.takeFirst() : QString();
    const QString roleCode = takeOption(QStringLiteral("--role"));
    const QString name = takeOption(QStringLiteral("--name"));
    if (m_badOption)
        return 2;
    Role role = Role::Staff;
    if (login.isEmpty() || roleCode.isEmpty())
        return usage(tr("user add needs a LOGIN and --role ROLE."));
    if (!fromCode(roleCode, &role))
        return usage(tr("--role must be one of %1, not \"%2\".").arg(roleCodes().join(QStringLiteral(", ")), roleCode));
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    if (!openBackend(false, false))
        return 1;
    StaffWorkflow staff(m_backend->database());
    // A new shared database has nobody to sign in as: its first administrator is created without a sign-in.
    const bool firstAdministrator = m_user.isEmpty() && !m_backend->session().isValid() && role == Role::Administrator
                                    && staff.needsFirstAdministrator();
    if (!firstAdministrator && !signIn())
        return 1;
    if (Status allowed = m_actor.require(Permission::ManageUsers); !firstAdministrator && !allowed)
        return fail(allowed.error.text()); // before asking for the new password
    QString password;
    if (!readSecret(tr("New password for %1: ").arg(login), &password))
        return fail(tr("No password for %1. Give it on a line of stdin.").arg(login));
    const Result<StaffUser> added = staff.addUser(m_actor, login, name, role, password);
    password.fill(QLatin1Char('\0'));
    if (!added)
        return fail(added.error().text());
    print(staffJson(*added), tr("Staff account %1 (%2) added with the role %3.\n").arg(added->login, added->displayName, displayName(role)));
    return 0;
}

int CtlCommands::userPasswd()
{
    const bool hasLogin = !m_args.isEmpty() && !m_args.first().startsWith(QLatin1String("--"));
    const QString login = hasLogin ? m_args.takeFirst() : QString();
    if (login.isEmpty())
        return usage(tr("user passwd needs the LOGIN whose password to set."));
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    if (!openBackend(false, false) || !signIn())
        return 1;
    if (m_actor.login() != login)
        if (Status allowed = m_actor.require(Permission::ManageUsers); !allowed)
            return fail(allowed.error.text());
    QString password;
    if (!readSecret(tr("New password for %1: ").arg(login), &password))
        return fail(tr("No password for %1. Give it on a line of stdin.").arg(login));
    const Status changed = StaffWorkflow(m_backend->database()).changePassword(m_actor, login, password);
    password.fill(QLatin1Char('\0'));
    if (!changed)
        return fail(changed.error.text());
    print(QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("password_changed"), true}},
          tr("The password of %1 has been changed.\n").arg(login));
    return 0;
}

int CtlCommands::userList()
{
    if (!m_args.isEmpty())
        return usage(tr("Unexpected argument \"%1\".").arg(m_args.first()));
    if (!openBackend(false, false) || !signIn())
        return 1;
    const auto users = StaffWorkflow(m_backend->database()).users(m_actor);
    if (!users)
        return fail(users.error().text());
    QJsonArray json;
    QString text;
    for (const StaffUser& user : *users) {
        json << staffJson(user);
        Role role = Role::Staff;
        const QString roleName = fromCode(user.role, &role) ? displayName(role) : user.role;
        text += QStringLiteral("%1\t%2\t%3\n").arg(user.login, -20).arg(roleName, -16).arg(user.displayName);
    }
    print(json, text);
    return 0;
}

int CtlCommands::worker()
{
    if (!openBackend(true, false))
        return 1;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    m_err << tr("Provisioning worker running on %1. Stop it with Ctrl+C.").arg(m_backend->database().url().toDisplayString())
          << '\n';
    m_err.flush();
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, [] {
        if (g_stopRequested)
            QCoreApplication::quit();
    });
    stopPoll.start(100);
    QObject::connect(m_backend, &Backend::jobFinished, [this](qint64 jobId) {
        m_err << tr("Provisioning job %1 finished.").arg(jobId) << '\n';
        m_err.flush();
    });
    QCoreApplication::exec();
    m_backend->stop();
    return 0;
}

int CtlCommands::nesim()
{
    qint64 port = 0;
    if (!takeNumber(QStringLiteral("--port"), &port, 0))
        return 2;
    const QStringList faults = takeAll(QStringLiteral("--fail"));
    TlsServerSettings tls;
    tls.certificateFile = takeOption(QStringLiteral("--tls-cert"));
    tls.keyFile = takeOption(QStringLiteral("--tls-key"));
    tls.clientCaFile = takeOption(QStringLiteral("--client-ca"));
    if (m_badOption || port > 65535)
        return usage(tr("--port must be between 0 and 65535."));
    NetworkSimulator simulator;
    if (tls.isSet()) {
        const Result<QSslConfiguration> configuration = tls.serverConfiguration();
        if (!configuration)
            return fail(configuration.error().text());
        simulator.setServerTls(*configuration);
    }
    for (const QString& spec : faults) {
        const auto rule = NetworkSimulator::parseFault(spec);
        if (!rule)
            return fail(rule.error().text());
        simulator.addFault(*rule);
    }
    if (!simulator.listen(static_cast<quint16>(port)))
        return fail(tr("Cannot listen on 127.0.0.1:%1. Choose another port.").arg(port));
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    m_out << tr("Network-element simulator listening on %1 (OCS %1/jsonrpc, HSS %1/, IPTV %1/iptv).")
                 .arg(simulator.baseUrl().toString())
          << '\n';
    m_out.flush();
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, [] {
        if (g_stopRequested)
            QCoreApplication::quit();
    });
    stopPoll.start(100);
    QCoreApplication::exec();
    return 0;
}

} // namespace sb
