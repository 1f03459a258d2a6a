#include "TestDatabase.h"

#include "store/AuditRepository.h"
#include "store/CatalogRepository.h"
#include "store/CustomerRepository.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/CustomerWorkflow.h"

#include <QDateTime>
#include <QTest>

using namespace sb;

// Creating customers (with a business's first site and contacts), adding sites and contacts, and a customer's
// provisioning history: every problem refused with its own sentence and nothing written.
class TestCustomerWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createsIndividual();
    void refusesInvalidInput_data();
    void refusesInvalidInput();
    void reportsEveryProblem();
    void refusesDuplicateEmail();
    void createsBusinessInOneTransaction();
    void rollsBackWhenAWriteFails();
    void refusesRolesWithoutPermission();
    void addsSiteAndContact();
    void historyListsJobsNewestFirst();

private:
    Database& db() { return m_test->db(); }
    qint64 rows(const QString& table)
    {
        Sql q(db(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        q.exec();
        return q.next() ? q.value(0).toLongLong() : -1;
    }
    QList<qint64> allCounts()
    {
        return {rows(QStringLiteral("customers")), rows(QStringLiteral("customer_sites")),
                rows(QStringLiteral("customer_contacts")), rows(QStringLiteral("audit_log"))};
    }
    static Customer valid()
    {
        Customer c;
        c.name = QStringLiteral("Ana Lima");
        c.email = QStringLiteral("ana.lima@example.org");
        c.phone = QStringLiteral("+55 11 91234-5678");
        c.language = QStringLiteral("pt_BR");
        return c;
    }

    std::unique_ptr<TestDatabase> m_test;
    const Actor m_staff{QStringLiteral("tester"), Role::Staff};
};

void TestCustomerWorkflow::init()
{
    m_test = std::make_unique<TestDatabase>(true, 12);
    QVERIFY(m_test->ok());
}

void TestCustomerWorkflow::cleanup()
{
    m_test.reset();
}

void TestCustomerWorkflow::createsIndividual()
{
    const qint64 before = rows(QStringLiteral("customers"));
    Customer typed = valid();
    typed.name = QStringLiteral("  Ana Lima ");
    typed.paymentMethod = QStringLiteral("direct_debit");
    typed.paymentMethodValidUntilMs = QDateTime::currentMSecsSinceEpoch() + 86400000LL * 400;
    const auto created = CustomerWorkflow(db()).createCustomer(typed, {}, {}, m_staff);
    QVERIFY2(created.ok(), qPrintable(created.error().message.englishText()));
    QVERIFY(created->id > 0);
    QCOMPARE(rows(QStringLiteral("customers")), before + 1);

    const auto stored = CustomerRepository(db()).byId(created->id);
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("Ana Lima"));
    QCOMPARE(stored->email, QStringLiteral("ana.lima@example.org"));
    QCOMPARE(stored->phone, QStringLiteral("+55 11 91234-5678"));
    QCOMPARE(stored->language, QStringLiteral("pt_BR"));
    QCOMPARE(stored->type, CustomerType::Individual);
    QCOMPARE(stored->paymentMethod, QStringLiteral("direct_debit"));
    QCOMPARE(stored->paymentMethodValidUntilMs, typed.paymentMethodValidUntilMs);
    QCOMPARE(AuditRepository(db()).countFor(QStringLiteral("customer"), created->id), 1);
    // Found by the search staff use, by the phone number typed differently.
    const QList<Customer> found = CustomerRepository(db()).search(QStringLiteral("5511912345678"));
    QVERIFY(!found.isEmpty() && found.first().id == created->id);

    Customer noPayment = valid();
    noPayment.email = QStringLiteral("no.payment@example.org");
    noPayment.paymentMethod.clear();
    const auto second = CustomerWorkflow(db()).createCustomer(noPayment, {}, {}, m_staff);
    QVERIFY(second.ok());
    QVERIFY(!CustomerRepository(db()).byId(second->id)->hasValidPaymentMethod(Database::nowMs()));
}

void TestCustomerWorkflow::refusesInvalidInput_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("no name") << "name" << "   " << "Enter the customer's name.";
    QTest::newRow("email without @") << "email" << "ana.example.org" << "is not valid. Enter it as name@example.com";
    QTest::newRow("email without domain") << "email" << "ana@example" << "is not valid. Enter it as name@example.com";
    QTest::newRow("email with space") << "email" << "ana lima@example.org" << "is not valid";
    QTest::newRow("short phone") << "phone" << "+44 123" << "Enter at least 6 digits";
    QTest::newRow("phone with letters") << "phone" << "call me 123456" << "Enter at least 6 digits";
    QTest::newRow("unknown language") << "language" << "de" << "Choose the customer's language";
    QTest::newRow("unknown payment") << "payment" << "cash" << "Choose the payment method";
    QTest::newRow("expiry without method") << "expiryWithoutMethod" << "" << "An expiry date needs a payment method";
    QTest::newRow("expired") << "expired" << "" << "The payment method expired on";
    QTest::newRow("site without name") << "siteName" << "" << "Enter a name for the site";
    QTest::newRow("contact without name") << "contactName" << "" << "Enter the billing contact's name.";
    QTest::newRow("contact bad email") << "contactEmail" << "jane@" << "The contact email address \"jane@\" is not valid";
    QTest::newRow("contact bad role") << "contactRole" << "sales" << "Choose the contact's role";
    QTest::newRow("contact bad phone") << "contactPhone" << "12" << "The contact phone number \"12\" is not valid";
}

void TestCustomerWorkflow::refusesInvalidInput()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    Customer customer = valid();
    customer.type = CustomerType::Business;
    Site site{0, 0, QStringLiteral("Head office"), QStringLiteral("1 Main St")};
    Contact contact{0, 0, QStringLiteral("billing"), QStringLiteral("Jane Doe"), QStringLiteral("jane@example.org"), {}};
    if (field == QLatin1String("name"))
        customer.name = value;
    else if (field == QLatin1String("email"))
        customer.email = value;
    else if (field == QLatin1String("phone"))
        customer.phone = value;
    else if (field == QLatin1String("language"))
        customer.language = value;
    else if (field == QLatin1String("payment"))
        customer.paymentMethod = value;
    else if (field == QLatin1String("expiryWithoutMethod")) {
        customer.paymentMethod.clear();
        customer.paymentMethodValidUntilMs = Database::nowMs() + 86400000;
    } else if (field == QLatin1String("expired"))
        customer.paymentMethodValidUntilMs = Database::nowMs() - 86400000;
    else if (field == QLatin1String("siteName"))
        site.name = value;
    else if (field == QLatin1String("contactName"))
        contact.name = value;
    else if (field == QLatin1String("contactEmail"))
        contact.email = value;
    else if (field == QLatin1String("contactRole"))
        contact.role = value;
    else if (field == QLatin1String("contactPhone"))
        contact.phone = value;

    const QList<qint64> before = allCounts();
    const auto created = CustomerWorkflow(db()).createCustomer(customer, {site}, {contact}, m_staff);
    QVERIFY(!created.ok());
    QVERIFY2(created.error().text().contains(message), qPrintable(created.error().text()));
    QCOMPARE(allCounts(), before);
}

void TestCustomerWorkflow::reportsEveryProblem()
{
    Customer customer;
    customer.name = QString();
    customer.email = QStringLiteral("bad");
    customer.phone = QStringLiteral("1");
    const QList<UserMessage> problems =
        CustomerRules::problems(NewCustomer{customer, {Site{}}, {Contact{0, 0, QStringLiteral("technical"), {}, {}, {}}}},
                                Database::nowMs());
    QStringList texts;
    for (const UserMessage& problem : problems)
        texts << problem.englishText();
    QCOMPARE(problems.size(), 5);
    QVERIFY(texts.contains(QStringLiteral("Enter the customer's name.")));
    QVERIFY(texts.contains(QStringLiteral("Enter a name for the site, for example \"Head office\".")));
    QVERIFY(texts.contains(QStringLiteral("Enter the technical contact's name.")));
    // Every problem also reaches the log when the workflow refuses.
    const auto refused = CustomerWorkflow(db()).createCustomer(customer, {}, {}, m_staff);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().detail.contains(QLatin1String("email address")) &&
                 refused.error().detail.contains(QLatin1String("phone number")),
             qPrintable(refused.error().detail));
}

void TestCustomerWorkflow::refusesDuplicateEmail()
{
    const auto existing = CustomerRepository(db()).byId(1);
    QVERIFY(existing && !existing->email.isEmpty());
    Customer customer = valid();
    customer.email = existing->email.toUpper();
    const QList<qint64> before = allCounts();
    const auto created = CustomerWorkflow(db()).createCustomer(customer, {}, {}, m_staff);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().text(),
             QStringLiteral("%1 is already the email address of %2 (ID: %3). Open that customer instead, or enter "
                            "another email address.")
                 .arg(customer.email, existing->name)
                 .arg(existing->id));
    QCOMPARE(allCounts(), before);
}

void TestCustomerWorkflow::createsBusinessInOneTransaction()
{
    Customer company = valid();
    company.type = CustomerType::Business;
    company.name = QStringLiteral("Lima Logistics Ltda");
    company.email = QStringLiteral("office@limalogistics.example");
    const QList<Site> sites{{0, 0, QStringLiteral("Head office"), QStringLiteral("Rua Augusta 100, São Paulo")}};
    const QList<Contact> contacts{
        {0, 0, QStringLiteral("billing"), QStringLiteral("Marta Reis"), QStringLiteral("marta@limalogistics.example"),
         QStringLiteral("+55 11 3333-0001")},
        {0, 0, QStringLiteral("technical"), QStringLiteral("João Alves"), QStringLiteral("joao@limalogistics.example"),
         {}}};
    const qint64 auditBefore = rows(QStringLiteral("audit_log"));
    const auto created = CustomerWorkflow(db()).createCustomer(company, sites, contacts, m_staff);
    QVERIFY2(created.ok(), qPrintable(created.error().message.englishText()));

    const auto details = CustomerWorkflow(db()).customer(created->id);
    QVERIFY(details.ok());
    QCOMPARE(details->customer.type, CustomerType::Business);
    QCOMPARE(details->sites.size(), 1);
    QCOMPARE(details->sites.first().name, QStringLiteral("Head office"));
    QCOMPARE(details->sites.first().address, QStringLiteral("Rua Augusta 100, São Paulo"));
    QCOMPARE(details->contacts.size(), 2);
    QCOMPARE(details->contacts.at(0).role, QStringLiteral("billing"));
    QCOMPARE(details->contacts.at(0).name, QStringLiteral("Marta Reis"));
    QCOMPARE(details->contacts.at(1).role, QStringLiteral("technical"));
    QCOMPARE(details->contacts.at(1).name, QStringLiteral("João Alves"));
    QCOMPARE(rows(QStringLiteral("audit_log")), auditBefore + 1);
    // The business's own options for an order are the ones just entered.
    QVERIFY(details->addonServiceTypes.contains(ServiceType::Mobile));
}

void TestCustomerWorkflow::rollsBackWhenAWriteFails()
{
    // The contacts table is gone: the customer and site written before it must not stay behind.
    Sql::run(db(), QStringLiteral("ALTER TABLE customer_contacts RENAME TO customer_contacts_away"));
    Customer company = valid();
    company.type = CustomerType::Business;
    const QList<qint64> before{rows(QStringLiteral("customers")), rows(QStringLiteral("customer_sites")),
                               rows(QStringLiteral("audit_log"))};
    std::optional<Result<Customer>> created;
    {
        // A connection of its own: no statement prepared before the table went away.
        Database fresh(*DatabaseUrl::parse(m_test->url()));
        created = CustomerWorkflow(fresh).createCustomer(
            company, {Site{0, 0, QStringLiteral("Depot"), {}}},
            {Contact{0, 0, QStringLiteral("billing"), QStringLiteral("Marta Reis"), {}, {}}}, m_staff);
    }
    Sql::run(db(), QStringLiteral("ALTER TABLE customer_contacts_away RENAME TO customer_contacts"));
    QVERIFY(!created->ok());
    const QList<qint64> after{rows(QStringLiteral("customers")), rows(QStringLiteral("customer_sites")),
                              rows(QStringLiteral("audit_log"))};
    QCOMPARE(after, before);
    QVERIFY(!CustomerRepository(db()).byEmail(company.email));
}

void TestCustomerWorkflow::refusesRolesWithoutPermission()
{
    const QList<qint64> before = allCounts();
    const auto byClerk = CustomerWorkflow(db()).createCustomer(
        valid(), {}, {}, Actor(QStringLiteral("clerk"), Role::BillingClerk));
    QVERIFY(!byClerk.ok());
    QVERIFY2(byClerk.error().text().contains(QLatin1String("does not allow creating or changing customers")),
             qPrintable(byClerk.error().text()));
    const auto byNobody = CustomerWorkflow(db()).createCustomer(valid(), {}, {}, Actor());
    QVERIFY(!byNobody.ok());
    const auto siteByClerk = CustomerWorkflow(db()).addSite(Site{0, 1, QStringLiteral("Depot"), {}},
                                                            Actor(QStringLiteral("clerk"), Role::BillingClerk));
    QVERIFY(!siteByClerk.ok());
    QCOMPARE(allCounts(), before);
    const auto byAdministrator = CustomerWorkflow(db()).createCustomer(
        valid(), {}, {}, Actor(QStringLiteral("admin"), Role::Administrator));
    QVERIFY(byAdministrator.ok());
}

void TestCustomerWorkflow::addsSiteAndContact()
{
    const auto created = CustomerWorkflow(db()).createCustomer(valid(), {}, {}, m_staff);
    QVERIFY(created.ok());
    const qint64 id = created->id;

    const auto site = CustomerWorkflow(db()).addSite(Site{0, id, QStringLiteral(" Warehouse "), QStringLiteral("Dock 4")},
                                                     m_staff);
    QVERIFY2(site.ok(), qPrintable(site.error().message.englishText()));
    QVERIFY(site->id > 0);
    const QList<Site> sites = CustomerRepository(db()).sites(id);
    QCOMPARE(sites.size(), 1);
    QCOMPARE(sites.first().name, QStringLiteral("Warehouse"));

    const auto contact = CustomerWorkflow(db()).addContact(
        Contact{0, id, QStringLiteral("technical"), QStringLiteral("Rui Costa"), QStringLiteral("rui@example.org"), {}},
        m_staff);
    QVERIFY(contact.ok());
    QCOMPARE(CustomerRepository(db()).contacts(id).size(), 1);
    QCOMPARE(AuditRepository(db()).countFor(QStringLiteral("customer"), id), 3);

    const QList<qint64> before = allCounts();
    const auto noName = CustomerWorkflow(db()).addSite(Site{0, id, QStringLiteral(" "), {}}, m_staff);
    QVERIFY(!noName.ok());
    QVERIFY(noName.error().text().startsWith(QLatin1String("Enter a name for the site")));
    const auto badEmail = CustomerWorkflow(db()).addContact(
        Contact{0, id, QStringLiteral("billing"), QStringLiteral("Eva"), QStringLiteral("eva@@example.org"), {}}, m_staff);
    QVERIFY(!badEmail.ok());
    QVERIFY(badEmail.error().text().contains(QLatin1String("is not valid")));
    const auto nobody = CustomerWorkflow(db()).addSite(Site{0, 987654321, QStringLiteral("Depot"), {}}, m_staff);
    QVERIFY(!nobody.ok());
    QCOMPARE(nobody.error().text(), QStringLiteral("Customer 987654321 does not exist. Search for the customer again."));
    QCOMPARE(allCounts(), before);
}

void TestCustomerWorkflow::historyListsJobsNewestFirst()
{
    const auto created = CustomerWorkflow(db()).createCustomer(valid(), {}, {}, m_staff);
    QVERIFY(created.ok());
    const auto empty = CustomerWorkflow(db()).provisioningHistory(created->id);
    QVERIFY(empty.ok() && empty->isEmpty());

    QList<qint64> jobIds;
    for (const QString& slug : {QStringLiteral("mobile-20gb"), QStringLiteral("fiber-100")}) {
        AssignPlanWorkflow workflow(db());
        const Product product = *CatalogRepository(db()).bySlug(slug);
        const QString holder = QStringLiteral("history-") + slug;
        AssignRequest request;
        request.customerId = created->id;
        request.productId = product.id;
        request.reservationHolder = holder;
        for (const QString& t : product.inventoryItemsList) {
            const auto items = workflow.availableItems(t, holder);
            QVERIFY(items.ok() && !items->isEmpty());
            QVERIFY(workflow.reserve(items->first().id, holder).ok());
            request.items.insert(t, items->first().id);
        }
        const auto submitted = workflow.submit(request, m_staff);
        QVERIFY2(submitted.ok(), qPrintable(submitted.error().message.englishText()));
        jobIds << submitted->jobId;
    }

    const auto history = CustomerWorkflow(db()).provisioningHistory(created->id);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).job.id, jobIds.at(1)); // newest first
    QCOMPARE(history->at(1).job.id, jobIds.at(0));
    QCOMPARE(history->at(0).job.kind, QStringLiteral("assign_plan"));
    QCOMPARE(history->at(0).job.status, JobStatus::Queued);
    QCOMPARE(history->at(0).job.attempt, 1);
    QCOMPARE(history->at(0).job.requestedBy, QStringLiteral("tester"));
    QVERIFY(!history->at(0).serviceName.isEmpty());
    QVERIFY(history->at(0).job.createdMs > 0);
    // Other customers' jobs stay out.
    const auto other = CustomerWorkflow(db()).provisioningHistory(1);
    QVERIFY(other.ok());
    for (const JobSummary& summary : other.value())
        QCOMPARE(summary.job.customerId, qint64(1));
}

QTEST_GUILESS_MAIN(TestCustomerWorkflow)
#include "tst_customerworkflow.moc"
