#include "domain/AssignRules.h"
#include "domain/Money.h"

#include <QTest>

using namespace sb;

class TestAssignRules : public QObject
{
    Q_OBJECT

private:
    static Product product(QList<CustomerType> types, bool recurring = true, bool enabled = true)
    {
        Product p;
        p.name = QStringLiteral("Mobile - 20GB Plan");
        p.customerTypes = types;
        p.recurring = recurring;
        p.enabled = enabled;
        return p;
    }

private slots:
    void eligibility_data()
    {
        QTest::addColumn<QList<CustomerType>>("productTypes");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<int>("customerType");
        QTest::addColumn<QString>("customerStatus");
        QTest::addColumn<QString>("expected"); // empty = eligible, else a fragment of the reason
        const QList<CustomerType> individual{CustomerType::Individual};
        const QList<CustomerType> business{CustomerType::Business};
        const QList<CustomerType> both{CustomerType::Individual, CustomerType::Business};
        QTest::newRow("individual product, individual customer") << individual << true << 0 << "active" << "";
        QTest::newRow("both, business customer") << both << true << 1 << "active" << "";
        QTest::newRow("individual product, business customer")
            << individual << true << 1 << "active" << "only available to individual customers";
        QTest::newRow("business product, individual customer")
            << business << true << 0 << "active" << "only available to business customers";
        QTest::newRow("disabled product") << both << false << 0 << "active" << "is disabled in the catalog";
        QTest::newRow("suspended customer") << both << true << 0 << "suspended" << "is not an active customer";
    }

    void eligibility()
    {
        QFETCH(QList<CustomerType>, productTypes);
        QFETCH(bool, enabled);
        QFETCH(int, customerType);
        QFETCH(QString, customerStatus);
        QFETCH(QString, expected);
        Customer customer;
        customer.name = QStringLiteral("John Smith");
        customer.type = customerType ? CustomerType::Business : CustomerType::Individual;
        customer.status = customerStatus;
        const auto problem = AssignRules::eligibilityProblem(product(productTypes, true, enabled), customer);
        if (expected.isEmpty()) {
            QVERIFY2(!problem, qPrintable(problem ? problem->text() : QString()));
        } else {
            QVERIFY(problem.has_value());
            QVERIFY2(problem->text().contains(expected), qPrintable(problem->text()));
            QVERIFY(problem->text().contains(QLatin1String("John Smith")) ||
                    problem->text().contains(QLatin1String("Mobile - 20GB Plan")));
        }
    }

    void pickable_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reservedBy");
        QTest::addColumn<qint64>("reservedUntil");
        QTest::addColumn<QString>("holder");
        QTest::addColumn<bool>("expected");
        const qint64 now = 1000000;
        QTest::newRow("new") << "New" << "" << qint64(0) << "me" << true;
        QTest::newRow("in stock") << "In Stock" << "" << qint64(0) << "me" << true;
        QTest::newRow("assigned") << "Assigned" << "" << qint64(0) << "me" << false;
        QTest::newRow("reserved for a service") << "Reserved" << "" << qint64(0) << "me" << false;
        QTest::newRow("faulty") << "Faulty" << "" << qint64(0) << "me" << false;
        QTest::newRow("returned") << "Returned" << "" << qint64(0) << "me" << false;
        QTest::newRow("held by another") << "New" << "other" << now + 60000 << "me" << false;
        QTest::newRow("held by me") << "New" << "me" << now + 60000 << "me" << true;
        QTest::newRow("another's hold expired") << "In Stock" << "other" << now - 1 << "me" << true;
    }

    void pickable()
    {
        QFETCH(QString, status);
        QFETCH(QString, reservedBy);
        QFETCH(qint64, reservedUntil);
        QFETCH(QString, holder);
        QFETCH(bool, expected);
        InventoryItem item;
        QVERIFY(fromCode(status, &item.status));
        item.reservedBy = reservedBy;
        item.reservedUntilMs = reservedUntil;
        QCOMPARE(AssignRules::isPickable(item, 1000000, holder), expected);
    }

    void autoRenewDefault_data()
    {
        QTest::addColumn<bool>("recurring");
        QTest::addColumn<QList<CustomerType>>("types");
        QTest::addColumn<bool>("expected");
        QTest::newRow("recurring consumer") << true << QList<CustomerType>{CustomerType::Individual} << true;
        QTest::newRow("recurring for both") << true << QList<CustomerType>{CustomerType::Individual, CustomerType::Business}
                                            << true;
        QTest::newRow("one-time consumer") << false << QList<CustomerType>{CustomerType::Individual} << false;
        QTest::newRow("business only") << true << QList<CustomerType>{CustomerType::Business} << false;
    }

    void autoRenewDefault()
    {
        QFETCH(bool, recurring);
        QFETCH(QList<CustomerType>, types);
        QFETCH(bool, expected);
        QCOMPARE(AssignRules::defaultAutoRenew(product(types, recurring)), expected);
    }

    void phoneNormalisation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("digits");
        QTest::newRow("international") << "+44 7700 900123" << "447700900123";
        QTest::newRow("compact") << "447700900123" << "447700900123";
        QTest::newRow("punctuation") << "(44) 7700-900.123" << "447700900123";
        QTest::newRow("empty") << "" << "";
    }

    void phoneNormalisation()
    {
        QFETCH(QString, input);
        QFETCH(QString, digits);
        QCOMPARE(AssignRules::normalizePhone(input), digits);
    }

    void pricingFormat_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << "en_GB" << qint64(1500) << QStringLiteral("£15.00");
        QTest::newRow("zero") << "en_GB" << qint64(0) << QStringLiteral("£0.00");
        QTest::newRow("pt_BR") << "pt_BR" << qint64(1500) << QStringLiteral("£\u00a015,00");
        QTest::newRow("fr") << "fr_FR" << qint64(4900) << QStringLiteral("49,00\u00a0£");
        QTest::newRow("es") << "es_ES" << qint64(123456) << QStringLiteral("1234,56\u00a0£");
    }

    void pricingFormat()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, minor);
        QFETCH(QString, expected);
        const Money money{minor, QStringLiteral("GBP")};
        QCOMPARE(money.format(QLocale(locale)), expected);
    }
};

QTEST_GUILESS_MAIN(TestAssignRules)
#include "tst_assignrules.moc"
