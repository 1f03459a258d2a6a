// Roles in the GUI: the signed-in user and role in the status bar, actions the role may not do disabled, the
// core refusing them anyway, and the login dialog checking the password off the GUI thread.

#include "CatalogPage.h"
#include "CustomersPage.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ProductCard.h"
#include "ProductCardsView.h"
#include "UiTestSupport.h"
#include "store/CustomerRepository.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/DemoDataWorkflow.h"
#include "workflows/StaffWorkflow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace sb;

class TestRoles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sessionControlsActions_data();
    void sessionControlsActions();
    void loginDialogChecksOffTheGuiThread();

private:
    test::MainWindowFixture m_ui;
    Actor m_administrator;
};

void TestRoles::initTestCase()
{
    QVERIFY2(m_ui.start(), qPrintable(m_ui.errorText()));
    m_administrator = m_ui.backend().session();
    QCOMPARE(m_administrator.role(), Role::Administrator); // the embedded default signs the local user in
    StaffWorkflow staff(m_ui.backend().database());
    QVERIFY(staff
                .addUser(m_administrator, QStringLiteral("counter"), QStringLiteral("Counter One"), Role::Staff,
                         QStringLiteral("counter-password"))
                .ok());
    QVERIFY(staff
                .addUser(m_administrator, QStringLiteral("clerk"), QStringLiteral("Billing Clerk"), Role::BillingClerk,
                         QStringLiteral("clerk-password"))
                .ok());
    QTRY_VERIFY(!m_ui.window().catalogPage()->cardsView()->cards().isEmpty());
}

void TestRoles::cleanupTestCase()
{
    m_ui.backend().setSession(m_administrator);
    m_ui.reset();
}

void TestRoles::sessionControlsActions_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("mayAssign");
    QTest::addColumn<bool>("mayAdminister");
    QTest::newRow("store staff") << "counter" << int(Role::Staff) << true << false;
    QTest::newRow("billing clerk") << "clerk" << int(Role::BillingClerk) << false << false;
    QTest::newRow("administrator") << "boss" << int(Role::Administrator) << true << true;
}

void TestRoles::sessionControlsActions()
{
    QFETCH(QString, login);
    QFETCH(int, role);
    QFETCH(bool, mayAssign);
    QFETCH(bool, mayAdminister);
    const Actor actor(login, Role(role));
    m_ui.backend().setSession(actor);
    MainWindow& window = m_ui.window();

    auto* userLabel = window.findChild<QLabel*>(QStringLiteral("userStatusLabel"));
    QVERIFY(userLabel);
    QVERIFY2(userLabel->text().contains(login) && userLabel->text().contains(displayName(Role(role))),
             qPrintable(userLabel->text()));
    QVERIFY(window.seedDemoAction());
    QCOMPARE(window.seedDemoAction()->isEnabled(), mayAdminister);
    for (ProductCard* card : window.catalogPage()->cardsView()->cards())
        QCOMPARE(card->assignButton()->isEnabled(), mayAssign);
    auto* addService = window.customersPage()->findChild<QPushButton*>(QStringLiteral("addServiceButton"));
    QVERIFY(addService);
    QCOMPARE(addService->isEnabled(), mayAssign);

    // Disabled buttons are a courtesy: the core refuses the same actions on its own, and writes nothing.
    Database& db = m_ui.backend().database();
    const qint64 customers = CustomerRepository(db).count();
    if (!mayAdminister) {
        DemoSize size;
        size.customers = int(customers) + 10;
        const Status seeded = DemoDataWorkflow(db).seed(m_ui.backend().session(), size);
        QVERIFY(!seeded.ok());
        QVERIFY2(seeded.error.text().contains(QLatin1String("does not allow loading demo data")),
                 qPrintable(seeded.error.text()));
        QCOMPARE(CustomerRepository(db).count(), customers);
        const auto added = StaffWorkflow(db).addUser(m_ui.backend().session(), QStringLiteral("sneaky"), {},
                                                     Role::Administrator, QStringLiteral("sneaky-password"));
        QVERIFY(!added.ok());
        QVERIFY(!StaffWorkflow(db).exists(QStringLiteral("sneaky")));
    }
    if (!mayAssign) {
        AssignRequest request;
        request.customerId = 1;
        request.productId = 1;
        const auto submitted = AssignPlanWorkflow(db).submit(request, m_ui.backend().session());
        QVERIFY(!submitted.ok());
        QVERIFY2(submitted.error().text().contains(QLatin1String("does not allow assigning plans")),
                 qPrintable(submitted.error().text()));
    }
}

void TestRoles::loginDialogChecksOffTheGuiThread()
{
    LoginDialog dialog(m_ui.backend());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* login = dialog.findChild<QLineEdit*>(QStringLiteral("loginEdit"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    auto* signIn = dialog.findChild<QPushButton*>(QStringLiteral("signInButton"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("loginErrorLabel"));
    QVERIFY(login && password && signIn && error);
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    login->setText(QStringLiteral("counter"));
    password->setText(QStringLiteral("not-the-password"));
    QTest::mouseClick(signIn, Qt::LeftButton);
    QVERIFY(dialog.isChecking()); // the click returned while the check runs on the pool
    QVERIFY(!signIn->isEnabled());
    QTRY_VERIFY(!dialog.isChecking());
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("The login or password is not correct. Check both and try again."));
    QVERIFY(password->text().isEmpty());

    password->setText(QStringLiteral("counter-password"));
    QTest::mouseClick(signIn, Qt::LeftButton);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.actor().login(), QStringLiteral("counter"));
    QCOMPARE(dialog.actor().role(), Role::Staff);
}

QTEST_MAIN(TestRoles)
#include "tst_roles.moc"
