#include "TestDatabase.h"

#include "domain/BusinessRules.h"
#include "store/CatalogRepository.h"
#include "store/CustomFieldRepository.h"
#include "store/CustomerRepository.h"
#include "store/ServiceRepository.h"
#include "workflows/AssignPlanWorkflow.h"

#include <QSqlQuery>
#include <QTest>

using namespace sb;

// Business orders (seed 000, "Provisioning for Business Customers"): installation site, billing and technical
// contacts and the configured custom fields are required, checked in core and stored on the service.
class TestBusinessOrder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;

    Database& db() { return m_test->db(); }
    static Actor tester() { return Actor(QStringLiteral("tester"), Role::Staff); }

    qint64 countRows(const QString& table)
    {
        QSqlQuery q(db().connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        q.next();
        return q.value(0).toLongLong();
    }

    Customer firstBusinessCustomer()
    {
        QSqlQuery q(db().connection());
        q.exec(QStringLiteral("SELECT id FROM customers WHERE type = 'business' ORDER BY id LIMIT 1"));
        q.next();
        return *CustomerRepository(db()).byId(q.value(0).toLongLong());
    }

    // A business internet order with everything filled in, the modem reserved.
    AssignRequest fiberRequest(const Customer& customer, const BusinessOptions& options)
    {
        AssignPlanWorkflow workflow(db());
        AssignRequest request;
        request.customerId = customer.id;
        request.productId = CatalogRepository(db()).bySlug(QStringLiteral("fiber-business-1g"))->id;
        request.reservationHolder = QStringLiteral("business-test");
        const qint64 modem = workflow.availableItems(QStringLiteral("CPE Modem"), request.reservationHolder)->first().id;
        workflow.reserve(modem, request.reservationHolder);
        request.items.insert(QStringLiteral("CPE Modem"), modem);
        request.business.siteId = options.sites.last().id;
        request.business.billingContactId = BusinessRules::defaultContact(options.contacts, QStringLiteral("billing"));
        request.business.technicalContactId = BusinessRules::defaultContact(options.contacts, QStringLiteral("technical"));
        request.business.customFields.insert(QStringLiteral("po_number"), QStringLiteral("PO-2025-001234"));
        request.business.customFields.insert(QStringLiteral("account_number"), QStringLiteral("  88120 "));
        return request;
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestDatabase>();
        QVERIFY(m_test->ok());
    }

    void cleanup() { m_test.reset(); }

    void optionsListSitesContactsAndConfiguredFields()
    {
        const Customer customer = firstBusinessCustomer();
        const auto product = CatalogRepository(db()).bySlug(QStringLiteral("fiber-business-1g"));
        const auto options = AssignPlanWorkflow(db()).businessOptions(customer.id, product->id);
        QVERIFY(options.ok());
        QVERIFY(!options->sites.isEmpty());
        QCOMPARE(options->contacts.size(), 2);
        QStringList keys;
        for (const CustomFieldDefinition& field : options->fields)
            keys << field.key;
        QCOMPARE(keys, (QStringList{"po_number", "cost_centre", "account_number"}));
        QVERIFY(options->fields.first().required);
        QCOMPARE(options->fields.last().type, CustomFieldDefinition::Type::Number);
    }

    void fieldsOfOneProductOnlyForThatProduct()
    {
        CustomFieldDefinition installDate;
        installDate.key = QStringLiteral("install_date");
        installDate.label = QStringLiteral("Installation date");
        installDate.type = CustomFieldDefinition::Type::Date;
        installDate.productSlug = QStringLiteral("fiber-business-1g");
        CustomFieldRepository(db()).insert(installDate);
        CustomFieldRepository repository(db());
        QCOMPARE(repository.forOrder(CustomerType::Business, QStringLiteral("fiber-business-1g")).size(), 4);
        QCOMPARE(repository.forOrder(CustomerType::Business, QStringLiteral("mobile-business-50gb")).size(), 3);
        QCOMPARE(repository.forOrder(CustomerType::Individual, QStringLiteral("mobile-20gb")).size(), 0);
    }

    void fieldValuesAreChecked_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("required");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("required and empty") << 0 << true << "   " << "PO is required for this order. Enter it and continue.";
        QTest::newRow("optional and empty") << 0 << false << "" << "";
        QTest::newRow("number") << 1 << false << "12.50" << "";
        QTest::newRow("not a number") << 1 << false << "12,5 EUR" << "PO must be a number, for example 1200 or 12.50.";
        QTest::newRow("date") << 2 << true << "2026-03-31" << "";
        QTest::newRow("not a date") << 2 << true << "31/03/2026"
                                    << "PO must be a date written as YYYY-MM-DD, for example 2026-03-31.";
        QTest::newRow("too long") << 0 << false << QString(201, QLatin1Char('x')) << "PO is too long: at most 200 characters.";
    }

    void fieldValuesAreChecked()
    {
        QFETCH(int, type);
        QFETCH(bool, required);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        CustomFieldDefinition field;
        field.label = QStringLiteral("PO");
        field.type = CustomFieldDefinition::Type(type);
        field.required = required;
        QCOMPARE(BusinessRules::fieldProblem(field, value).text(), problem);
    }

    void completeOrderIsStoredOnTheService()
    {
        const Customer customer = firstBusinessCustomer();
        const auto product = CatalogRepository(db()).bySlug(QStringLiteral("fiber-business-1g"));
        const BusinessOptions options = *AssignPlanWorkflow(db()).businessOptions(customer.id, product->id);
        const AssignRequest request = fiberRequest(customer, options);
        const auto result = AssignPlanWorkflow(db()).submit(request, tester());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().text()));

        const Service service = *ServiceRepository(db()).byId(result->serviceId);
        QCOMPARE(service.business.siteId, options.sites.last().id);
        QCOMPARE(service.business.billingContactId, request.business.billingContactId);
        QCOMPARE(service.business.technicalContactId, request.business.technicalContactId);
        QCOMPARE(service.business.customFields.value(QStringLiteral("po_number")), QStringLiteral("PO-2025-001234"));
        QCOMPARE(service.business.customFields.value(QStringLiteral("account_number")), QStringLiteral("88120"));
        QVERIFY(!service.business.customFields.contains(QStringLiteral("cost_centre")));

        QSqlQuery q(db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT site_id, custom_fields FROM services WHERE id = %1").arg(result->serviceId)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), options.sites.last().id);
        QVERIFY(q.value(1).toString().contains(QStringLiteral("\"po_number\":\"PO-2025-001234\"")));
    }

    void incompleteOrderChangesNothing_data()
    {
        QTest::addColumn<QString>("breakWhat");
        QTest::addColumn<QString>("message");
        QTest::newRow("no site") << "site" << "Select the installation site that receives Fiber - Business 1Gbps.";
        QTest::newRow("site of another customer") << "foreign site" << "is not one of";
        QTest::newRow("no billing contact") << "billing" << "Select the billing contact.";
        QTest::newRow("no technical contact") << "technical" << "Select the technical contact.";
        QTest::newRow("PO number missing") << "po" << "Purchase Order Number is required for this order. Enter it and continue.";
        QTest::newRow("account number not a number") << "account" << "Account Number must be a number";
        QTest::newRow("field the order does not ask for") << "unknown" << "does not ask for the field \"colour\"";
    }

    void incompleteOrderChangesNothing()
    {
        QFETCH(QString, breakWhat);
        QFETCH(QString, message);
        const Customer customer = firstBusinessCustomer();
        const auto product = CatalogRepository(db()).bySlug(QStringLiteral("fiber-business-1g"));
        const BusinessOptions options = *AssignPlanWorkflow(db()).businessOptions(customer.id, product->id);
        AssignRequest request = fiberRequest(customer, options);
        if (breakWhat == QLatin1String("site"))
            request.business.siteId = 0;
        else if (breakWhat == QLatin1String("foreign site"))
            request.business.siteId = options.sites.first().id + 1000;
        else if (breakWhat == QLatin1String("billing"))
            request.business.billingContactId = 0;
        else if (breakWhat == QLatin1String("technical"))
            request.business.technicalContactId = 0;
        else if (breakWhat == QLatin1String("po"))
            request.business.customFields.remove(QStringLiteral("po_number"));
        else if (breakWhat == QLatin1String("account"))
            request.business.customFields.insert(QStringLiteral("account_number"), QStringLiteral("eighty"));
        else if (breakWhat == QLatin1String("unknown"))
            request.business.customFields.insert(QStringLiteral("colour"), QStringLiteral("red"));

        const qint64 services = countRows(QStringLiteral("services"));
        const qint64 jobs = countRows(QStringLiteral("provisioning_jobs"));
        const auto result = AssignPlanWorkflow(db()).submit(request, tester());
        QVERIFY(!result.ok());
        QVERIFY2(result.error().text().contains(message), qPrintable(result.error().text()));
        QCOMPARE(countRows(QStringLiteral("services")), services);
        QCOMPARE(countRows(QStringLiteral("provisioning_jobs")), jobs);
    }

    void businessCustomerWithoutSitesIsToldWhatToDo()
    {
        Customer customer;
        customer.type = CustomerType::Business;
        customer.name = QStringLiteral("Nowhere Ltd");
        const Product product = *CatalogRepository(db()).bySlug(QStringLiteral("fiber-business-1g"));
        const QList<UserMessage> problems = BusinessRules::problems(customer, product, {}, {}, {}, {});
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).text(), QStringLiteral("Nowhere Ltd has no installation site. Add a site on the customer page first."));
        QCOMPARE(problems.at(1).text(),
                 QStringLiteral("Nowhere Ltd has no contacts. Add a billing and a technical contact on the customer page first."));
    }

    void individualsHaveNoSitesOrContacts()
    {
        Customer customer;
        customer.name = QStringLiteral("John Smith");
        const Product product = *CatalogRepository(db()).bySlug(QStringLiteral("mobile-20gb"));
        BusinessDetails details;
        QVERIFY(BusinessRules::problems(customer, product, {}, {}, {}, details).isEmpty());
        details.siteId = 3;
        const QList<UserMessage> problems = BusinessRules::problems(customer, product, {}, {}, {}, details);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().text().contains(QStringLiteral("business customers only")));
    }
};

QTEST_GUILESS_MAIN(TestBusinessOrder)
#include "tst_businessorder.moc"
