// The Subscriptions page of seed 004: search by subscription number or customer, the subscription's services with
// their components and life cycle states, Amend Bundle Services in the action panel following the bundle and the
// role, and cancelling a scheduled action.

#include "AmendBundleDialog.h"
#include "MainWindow.h"
#include "SubscriptionDetailsPanel.h"
#include "SubscriptionTableModel.h"
#include "SubscriptionsPage.h"
#include "UiTestSupport.h"
#include "store/ScheduledActionRepository.h"
#include "workflows/AmendBundleWorkflow.h"
#include "workflows/StaffWorkflow.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace sb;

class TestSubscriptionsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void searchByNumberAndEnterOpensIt();
    void searchByCustomer();
    void unknownNumberSaysSo();
    void detailsShowComponentsAndStates();
    void removedComponentIsGreyed();
    void amendActionFollowsTheBundle_data();
    void amendActionFollowsTheBundle();
    void amendActionFollowsTheRole_data();
    void amendActionFollowsTheRole();
    void cancellingAScheduledAction();

private:
    SubscriptionsPage* page() const { return m_ui.window().subscriptionsPage(); }
    SubscriptionDetails load(const QString& number);
    bool open(const QString& number); // through the search field and Enter, as a person would
    QTreeWidgetItem* serviceItem(const QString& name) const;

    test::MainWindowFixture m_ui;
    Actor m_administrator;
};

void TestSubscriptionsPage::initTestCase()
{
    QVERIFY2(m_ui.start(), qPrintable(m_ui.errorText()));
    m_administrator = m_ui.backend().session();
    StaffWorkflow staff(m_ui.backend().database());
    QVERIFY(staff
                .addUser(m_administrator, QStringLiteral("counter"), QStringLiteral("Counter One"), Role::Staff,
                         QStringLiteral("counter-password"))
                .ok());
    QVERIFY(staff
                .addUser(m_administrator, QStringLiteral("clerk"), QStringLiteral("Billing Clerk"), Role::BillingClerk,
                         QStringLiteral("clerk-password"))
                .ok());
    m_ui.window().showPage(MainWindow::Page::Subscriptions);
    QCOMPARE(m_ui.window().currentPage(), MainWindow::Page::Subscriptions);
    // Before anything is typed the page lists the most recent subscriptions.
    auto* results = page()->findChild<QTableView*>(QStringLiteral("subscriptionResultsTable"));
    QTRY_VERIFY(results->model()->rowCount() >= 7);
}

void TestSubscriptionsPage::cleanupTestCase()
{
    m_ui.backend().setSession(m_administrator);
    m_ui.reset();
}

SubscriptionDetails TestSubscriptionsPage::load(const QString& number)
{
    const auto details = SubscriptionWorkflow(m_ui.backend().database()).detailsByNumber(number);
    if (!details.ok())
        qWarning("%s", qPrintable(details.error().text()));
    return details.ok() ? details.value() : SubscriptionDetails{};
}

bool TestSubscriptionsPage::open(const QString& number)
{
    auto* search = page()->findChild<QLineEdit*>(QStringLiteral("subscriptionSearch"));
    search->clear();
    search->setFocus();
    QTest::keyClicks(search, number);
    QTest::keyClick(search, Qt::Key_Return);
    return QTest::qWaitFor([this, number] {
        return !page()->isLoading() && !page()->isSearching() && page()->details() &&
               page()->details()->subscription.number == number;
    });
}

QTreeWidgetItem* TestSubscriptionsPage::serviceItem(const QString& name) const
{
    const auto found = page()->detailsPanel()->servicesTree()->findItems(name, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

void TestSubscriptionsPage::searchByNumberAndEnterOpensIt()
{
    auto* search = page()->findChild<QLineEdit*>(QStringLiteral("subscriptionSearch"));
    auto* results = page()->findChild<QTableView*>(QStringLiteral("subscriptionResultsTable"));
    search->clear();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("SUB-100004"));
    // Type-ahead: the results follow the text without Enter.
    QTRY_COMPARE(results->model()->rowCount(), 1);
    QCOMPARE(results->model()->index(0, SubscriptionTableModel::NumberColumn).data().toString(),
             QStringLiteral("SUB-100004"));
    QCOMPARE(results->model()->index(0, SubscriptionTableModel::StateColumn).data().toString(),
             QStringLiteral("Effective"));
    QCOMPARE(results->model()->index(0, SubscriptionTableModel::PaymentColumn).data().toString(),
             QStringLiteral("Postpaid"));

    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(page()->details() && page()->details()->subscription.number == QStringLiteral("SUB-100004"));
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("subscriptionNumberLabel"))->text(),
             QStringLiteral("Subscription SUB-100004"));
    QTRY_VERIFY(page()->detailsPanel()->servicesTree()->hasFocus());
}

void TestSubscriptionsPage::searchByCustomer()
{
    const SubscriptionDetails expected = load(QStringLiteral("SUB-100002"));
    QVERIFY(!expected.subscription.customerName.isEmpty());
    auto* search = page()->findChild<QLineEdit*>(QStringLiteral("subscriptionSearch"));
    auto* results = page()->findChild<QTableView*>(QStringLiteral("subscriptionResultsTable"));
    search->clear();
    QTest::keyClicks(search, expected.subscription.customerName.toLower());
    QTRY_VERIFY(!page()->isSearching());
    QTRY_VERIFY(results->model()->rowCount() >= 1);
    bool listed = false;
    for (int row = 0; row < results->model()->rowCount(); ++row) {
        const QString customer = results->model()->index(row, SubscriptionTableModel::CustomerColumn).data().toString();
        QVERIFY2(customer.contains(expected.subscription.customerName, Qt::CaseInsensitive), qPrintable(customer));
        listed |= results->model()->index(row, SubscriptionTableModel::NumberColumn).data().toString() ==
                  QStringLiteral("SUB-100002");
    }
    QVERIFY(listed);
}

void TestSubscriptionsPage::unknownNumberSaysSo()
{
    auto* search = page()->findChild<QLineEdit*>(QStringLiteral("subscriptionSearch"));
    auto* results = page()->findChild<QTableView*>(QStringLiteral("subscriptionResultsTable"));
    auto* caption = page()->findChild<QLabel*>(QStringLiteral("subscriptionResultsCaption"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("SUB-999999"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(!page()->isSearching());
    QCOMPARE(results->model()->rowCount(), 0);
    QVERIFY2(caption->text().contains(QStringLiteral("No subscription matches “SUB-999999”")),
             qPrintable(caption->text()));
}

void TestSubscriptionsPage::detailsShowComponentsAndStates()
{
    QVERIFY(open(QStringLiteral("SUB-100001")));
    const SubscriptionDetails details = *page()->details();
    QTreeWidget* tree = page()->detailsPanel()->servicesTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem* bundle = tree->topLevelItem(0);
    QCOMPARE(bundle->text(0), QStringLiteral("IPTV - Flex Bundle (SUB-100001)"));
    QCOMPARE(bundle->text(3), QStringLiteral("Effective"));
    QStringList components;
    for (int i = 0; i < bundle->childCount(); ++i) {
        components << bundle->child(i)->text(0);
        QCOMPARE(bundle->child(i)->text(3), QStringLiteral("Effective"));
    }
    QCOMPARE(components, (QStringList{QStringLiteral("Basic Channels"), QStringLiteral("Kids Pack"),
                                      QStringLiteral("Sports Pack"), QStringLiteral("Multiroom")}));
    QTreeWidgetItem* sports = serviceItem(QStringLiteral("Sports Pack"));
    QCOMPARE(sports->text(1), QStringLiteral("Channel Pack"));
    QCOMPARE(sports->text(2), QStringLiteral("Sports"));

    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("subscriptionPaymentValue"))->text(), QStringLiteral("Prepaid"));
    auto* wallet = page()->findChild<QLabel*>(QStringLiteral("subscriptionWalletValue"));
    QVERIFY(wallet->isVisible());
    QCOMPARE(wallet->text(), details.wallet.balance.format(QLocale()));
    QVERIFY2(page()
                 ->findChild<QLabel*>(QStringLiteral("subscriptionStateValue"))
                 ->text()
                 .startsWith(QLatin1String("Effective since")),
             "the state shows since when it holds");

    // The dated history of the selected service: Draft, then Effective.
    tree->setCurrentItem(sports);
    auto* history = page()->findChild<QTableWidget*>(QStringLiteral("lifecycleHistoryTable"));
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->item(0, 0)->text(), QStringLiteral("Draft"));
    QCOMPARE(history->item(1, 0)->text(), QStringLiteral("Effective"));
    QVERIFY(page()
                ->findChild<QLabel*>(QStringLiteral("lifecycleHistoryCaption"))
                ->text()
                .contains(QLatin1String("Sports Pack")));

    auto* distributors = page()->findChild<QTableWidget*>(QStringLiteral("distributorsTable"));
    QCOMPARE(distributors->rowCount(), 3);
    QStringList serials;
    for (int row = 0; row < distributors->rowCount(); ++row)
        serials << distributors->item(row, 1)->text();
    serials.sort();
    QCOMPARE(serials, (QStringList{QStringLiteral("SC-500001"), QStringLiteral("STB4K-900001"),
                                   QStringLiteral("STB4K-900002")}));
}

void TestSubscriptionsPage::removedComponentIsGreyed()
{
    QVERIFY(open(QStringLiteral("SUB-100001")));
    const SubscriptionDetails details = *page()->details();
    const qint64 bundleId = details.flexibleBundles().first().id;
    qint64 kidsId = 0;
    for (const SubscriptionService& component : details.componentsOf(bundleId))
        if (component.name == QLatin1String("Kids Pack"))
            kidsId = component.id;
    QVERIFY(kidsId);
    AmendBundleRequest request;
    request.bundleServiceId = bundleId;
    request.removeServiceIds = {kidsId};
    request.actionType = QStringLiteral("DOWNGRADE"); // the demo operator configures custom action types
    request.subActionType = QStringLiteral("RETENTION");
    const AmendResult result = AmendBundleWorkflow(m_ui.backend().database()).submit(request, m_administrator);
    QVERIFY2(result.ok(), qPrintable(result.problems.isEmpty() ? result.detail : result.problems.first().text()));

    page()->refresh(); // what the lead calls after the dialog's SUBMIT
    QTRY_VERIFY(!page()->isLoading() && serviceItem(QStringLiteral("Kids Pack")) &&
                serviceItem(QStringLiteral("Kids Pack"))->text(3) == QStringLiteral("Removed"));
    QTreeWidgetItem* kids = serviceItem(QStringLiteral("Kids Pack"));
    const QColor greyed = page()->palette().color(QPalette::Disabled, QPalette::Text);
    QCOMPARE(kids->foreground(0).color(), greyed);
    QVERIFY(serviceItem(QStringLiteral("Sports Pack"))->foreground(0).color() != greyed);
    // The completed action is listed, performed by the signed-in user.
    auto* actions = page()->findChild<QTableWidget*>(QStringLiteral("scheduledActionsTable"));
    QVERIFY(actions->rowCount() >= 1);
    QCOMPARE(actions->item(0, 0)->text(), QStringLiteral("AMENDBUNDLEDSERVICE"));
    QCOMPARE(actions->item(0, 2)->text(), QStringLiteral("Completed"));
    QCOMPARE(actions->item(0, 3)->text(), m_administrator.login());
}

void TestSubscriptionsPage::amendActionFollowsTheBundle_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("available");
    QTest::addColumn<QString>("hint");
    QTest::newRow("prepaid IPTV bundle") << "SUB-100001" << true << "Amends IPTV - Flex Bundle (SUB-100001).";
    QTest::newRow("business voice bundle") << "SUB-100004" << true << "Amends Business Voice - Flex (SUB-100004).";
    QTest::newRow("no flexible bundle") << "SUB-100006" << false << "This subscription has no Flexible Bundle service.";
    QTest::newRow("terminated") << "SUB-100005" << false
                                << "Only subscriptions in Draft, Effective or Not Effective state can be amended; "
                                   "this one is Terminated.";
}

void TestSubscriptionsPage::amendActionFollowsTheBundle()
{
    QFETCH(QString, number);
    QFETCH(bool, available);
    QFETCH(QString, hint);
    QVERIFY(open(number));
    auto* amend = page()->findChild<QPushButton*>(QStringLiteral("amendBundleButton"));
    QCOMPARE(amend->isEnabled(), available);
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("amendBundleHint"))->text(), hint);
    if (!available) {
        QCOMPARE(page()->amendBundleServiceId(), 0);
        return;
    }
    const qint64 bundleId = page()->details()->flexibleBundles().first().id;
    QCOMPARE(page()->amendBundleServiceId(), bundleId);
    // A selected component stands for its bundle too.
    QTreeWidget* tree = page()->detailsPanel()->servicesTree();
    tree->setCurrentItem(tree->topLevelItem(0)->child(0));
    QVERIFY(amend->isEnabled());
    QSignalSpy requested(page(), &SubscriptionsPage::amendBundleRequested);
    QTest::mouseClick(amend, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toLongLong(), bundleId);
    // The main window answers with the Amend Bundle Services dialog for that bundle.
    AmendBundleDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_ui.window().findChild<AmendBundleDialog*>()) && dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(!m_ui.window().findChild<AmendBundleDialog*>());
}

void TestSubscriptionsPage::amendActionFollowsTheRole_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("mayAmend");
    QTest::newRow("store staff") << "counter" << int(Role::Staff) << false;
    QTest::newRow("billing clerk") << "clerk" << int(Role::BillingClerk) << true;
    QTest::newRow("administrator") << "boss" << int(Role::Administrator) << true;
}

void TestSubscriptionsPage::amendActionFollowsTheRole()
{
    QFETCH(QString, login);
    QFETCH(int, role);
    QFETCH(bool, mayAmend);
    QVERIFY(open(QStringLiteral("SUB-100004")));
    m_ui.backend().setSession(Actor(login, Role(role)));
    auto* amend = page()->findChild<QPushButton*>(QStringLiteral("amendBundleButton"));
    QCOMPARE(amend->isEnabled(), mayAmend);
    const QString hint = page()->findChild<QLabel*>(QStringLiteral("amendBundleHint"))->text();
    if (!mayAmend)
        QVERIFY2(hint.contains(QLatin1String("does not allow")), qPrintable(hint));
    m_ui.backend().setSession(m_administrator);
}

void TestSubscriptionsPage::cancellingAScheduledAction()
{
    // A clerk schedules an amendment for next week, the way the dialog would submit it.
    const SubscriptionDetails before = load(QStringLiteral("SUB-100002"));
    AmendBundleRequest request;
    request.bundleServiceId = before.flexibleBundles().first().id;
    request.addProductSlugs = {QStringLiteral("pack-world-news")};
    request.schedule = Schedule::afterDays(QStringLiteral("7"));
    request.actionType = QStringLiteral("UPGRADE");
    request.subActionType = QStringLiteral("CUSTOMER_REQUEST");
    Database& db = m_ui.backend().database();
    const AmendResult scheduled = AmendBundleWorkflow(db).submit(request, m_administrator);
    QVERIFY2(scheduled.ok(),
             qPrintable(scheduled.problems.isEmpty() ? scheduled.detail : scheduled.problems.first().text()));
    QVERIFY(scheduled.outcome.scheduled);
    const qint64 actionId = scheduled.outcome.actionId;

    QVERIFY(open(QStringLiteral("SUB-100002")));
    SubscriptionDetailsPanel* panel = page()->detailsPanel();
    panel->showTab(SubscriptionDetailsPanel::ActionsTab);
    auto* actions = page()->findChild<QTableWidget*>(QStringLiteral("scheduledActionsTable"));
    auto* cancel = page()->findChild<QPushButton*>(QStringLiteral("cancelScheduledButton"));
    QVERIFY(actions->isVisible());
    QVERIFY(!cancel->isEnabled()); // nothing selected yet
    panel->selectAction(actionId);
    QCOMPARE(panel->selectedActionId(), actionId);
    const int row = actions->currentRow();
    QCOMPARE(actions->item(row, 2)->text(), QStringLiteral("Scheduled"));
    QVERIFY(cancel->isEnabled());

    // Keep Action: nothing happens.
    QTest::mouseClick(cancel, Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = page()->findChild<QMessageBox*>(QStringLiteral("cancelScheduledConfirm"))) != nullptr &&
                box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("keepActionButton")), Qt::LeftButton);
    QTRY_VERIFY(page()->findChild<QMessageBox*>(QStringLiteral("cancelScheduledConfirm")) == nullptr);
    QCOMPARE(ScheduledActionRepository(db).byId(actionId)->status, ScheduledActionStatus::Scheduled);

    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY((box = page()->findChild<QMessageBox*>(QStringLiteral("cancelScheduledConfirm"))) != nullptr &&
                box->isVisible());
    QVERIFY(box->text().contains(QString::number(actionId)));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmCancelButton")), Qt::LeftButton);
    QTRY_COMPARE(ScheduledActionRepository(db).byId(actionId)->status, ScheduledActionStatus::Cancelled);
    QTRY_VERIFY(!page()->isLoading() && panel->selectedActionId() == actionId &&
                actions->item(actions->currentRow(), 2)->text() == QStringLiteral("Cancelled"));
    QVERIFY(!cancel->isEnabled());
    QVERIFY(page()->findChild<QLabel*>(QStringLiteral("subscriptionsErrorLabel"))->isHidden());
}

QTEST_MAIN(TestSubscriptionsPage)
#include "tst_subscriptionspage.moc"
