// The Amend Bundle Services dialog (seed 004) driven as a billing clerk would: Select Components lists only the
// products the bundle allows and its filters narrow the list, the preview counts what changes, scheduling on a
// date records a scheduled action, Now adds the component and debits the wallet, and broken rules are listed in
// the dialog, one sentence each, with the database unchanged.

#include "AmendBundleDialog.h"
#include "BundleCompositionDialog.h"
#include "ComponentListDialog.h"
#include "SelectComponentsDialog.h"
#include "UiTestSupport.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace sb;

namespace {

// French and Portuguese run about 30 % longer than English: every text of the ui grows by 40 % here.
class LongerTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (!QByteArray(context).startsWith("sb::"))
            return {};
        const QString text = QString::fromUtf8(source);
        return text + QStringLiteral(" ") + QString(qMax(1, int(text.size() * 0.4)), QLatin1Char('w'));
    }
};

} // namespace

class TestAmendDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void filtersListOnlyAllowedProducts();
    void scheduleOnDateRecordsScheduledAction();
    void submitNowAddsComponentAndDebitsWallet();
    void ruleMessagesLeaveDatabaseUnchanged();
    void walletShortfallIsListed();
    void enterInDateFieldDoesNotSubmitAndEscapeCancels();
    void longerTranslationsAreNotClipped();
    void unknownBundleShowsWhyAndCannotSubmit();

private:
    Database& db() { return m_backend->backend().database(); }
    qint64 scalar(const QString& sql);
    qint64 bundleOf(const QString& number);
    qint64 componentOf(const QString& number, const QString& slug);
    QString snapshot();
    AmendBundleDialog* openDialog(const QString& number);
    SelectComponentsDialog* openSelect(AmendBundleDialog* dialog);
    void chooseActionTypes(AmendBundleDialog* dialog);
    void shoot(QWidget* widget, const QString& name);

    std::unique_ptr<test::TestBackend> m_backend;
    std::unique_ptr<AmendBundleDialog> m_dialog;
};

void TestAmendDialog::initTestCase()
{
    test::prepareEnvironment();
    m_backend = std::make_unique<test::TestBackend>(true);
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->errorText()));
    QVERIFY2(bundleOf(QStringLiteral("SUB-100001")) > 0, "the demo data has no flexible bundles");
}

void TestAmendDialog::cleanupTestCase()
{
    m_dialog.reset();
    m_backend.reset();
}

void TestAmendDialog::cleanup()
{
    if (m_dialog)
        QTRY_VERIFY(!m_dialog->isSubmitting() && !m_dialog->isChecking());
    m_dialog.reset();
    for (QWidget* window : QApplication::topLevelWidgets())
        if (window->objectName() == QLatin1String("amendSuccessMessage"))
            window->close();
}

qint64 TestAmendDialog::scalar(const QString& sql)
{
    QSqlQuery q(db().connection());
    q.exec(sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}

qint64 TestAmendDialog::componentOf(const QString& number, const QString& slug)
{
    return scalar(QStringLiteral("SELECT s.id FROM services s JOIN subscriptions u ON u.id = s.subscription_id"
                                 " JOIN products p ON p.id = s.product_id WHERE u.number = '%1' AND p.slug = '%2'"
                                 " AND s.status <> 'cancelled'")
                      .arg(number, slug));
}

qint64 TestAmendDialog::bundleOf(const QString& number)
{
    for (const QString& slug : {QStringLiteral("iptv-flex"), QStringLiteral("voice-flex")})
        if (const qint64 id = componentOf(number, slug); id > 0)
            return id;
    return 0;
}

// Every row of the tables an amendment touches, as text, once the embedded worker has finished the jobs that
// earlier tests queued (it updates their rows).
QString TestAmendDialog::snapshot()
{
    const QString busy = QStringLiteral("SELECT COUNT(*) FROM provisioning_jobs WHERE status IN ('queued', 'running')");
    if (!QTest::qWaitFor([&] { return scalar(busy) == 0; }, 30000))
        return QStringLiteral("the embedded worker did not finish its jobs");
    QTest::qWait(100);
    QString text;
    for (const char* table : {"services", "service_state_history", "wallet_ledger", "provisioning_distributors",
                              "service_distributions", "scheduled_actions", "provisioning_jobs", "audit_log"}) {
        QSqlQuery q(db().connection());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QLatin1String(table)));
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.value(i).toString();
            text += QLatin1String(table) + QLatin1Char(':') + values.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return text;
}

void TestAmendDialog::shoot(QWidget* widget, const QString& name)
{
    // For looking at the dialogs while working on them: AMEND_DIALOG_SHOTS=<directory>.
    const QString directory = qEnvironmentVariable("AMEND_DIALOG_SHOTS");
    if (!directory.isEmpty() && QDir().mkpath(directory))
        widget->grab().save(directory + QLatin1Char('/') + name + QStringLiteral(".png"));
}

AmendBundleDialog* TestAmendDialog::openDialog(const QString& number)
{
    m_dialog = std::make_unique<AmendBundleDialog>(m_backend->backend(), bundleOf(number));
    m_dialog->show();
    if (!QTest::qWaitForWindowExposed(m_dialog.get()))
        return nullptr;
    AmendBundleDialog* dialog = m_dialog.get();
    return QTest::qWaitFor([dialog] { return dialog->isLoaded(); }, 10000) ? dialog : nullptr;
}

SelectComponentsDialog* TestAmendDialog::openSelect(AmendBundleDialog* dialog)
{
    dialog->findChild<QPushButton*>(QStringLiteral("modifyButton"))->click();
    for (SelectComponentsDialog* select : dialog->findChildren<SelectComponentsDialog*>())
        if (select->isVisible())
            return select;
    return nullptr;
}

void TestAmendDialog::chooseActionTypes(AmendBundleDialog* dialog)
{
    // The demo configures custom action types for AMENDBUNDLEDSERVICE, so both fields are shown.
    QVERIFY(dialog->actionTypeCombo()->isVisible());
    QVERIFY(dialog->subActionTypeCombo()->isVisible());
    dialog->actionTypeCombo()->setCurrentIndex(dialog->actionTypeCombo()->findText(QStringLiteral("Upgrade")));
    dialog->subActionTypeCombo()->setCurrentIndex(
        dialog->subActionTypeCombo()->findText(QStringLiteral("Customer request")));
    QCOMPARE(dialog->actionTypeCombo()->currentData().toString(), QStringLiteral("UPGRADE"));
}

void TestAmendDialog::filtersListOnlyAllowedProducts()
{
    AmendBundleDialog* dialog = openDialog(QStringLiteral("SUB-100002"));
    QVERIFY(dialog);
    const auto composition = SubscriptionWorkflow(db()).composition(bundleOf(QStringLiteral("SUB-100002")));
    QVERIFY(composition.ok());
    QStringList allowed;
    for (const BundleProduct& product : composition->allowedProducts)
        allowed << product.name;
    QVERIFY(!allowed.isEmpty());
    QVERIFY(!allowed.contains(QStringLiteral("Radio Pack"))); // a Radio Pack, not a Channel Pack
    QCOMPARE(dialog->findChild<QTreeWidget*>(QStringLiteral("componentsList"))->topLevelItemCount(), 2);

    SelectComponentsDialog* select = openSelect(dialog);
    QVERIFY(select);
    QStringList listed = select->visibleProductNames();
    std::sort(listed.begin(), listed.end());
    std::sort(allowed.begin(), allowed.end());
    QCOMPARE(listed, allowed);
    QVERIFY(!listed.contains(QStringLiteral("Radio Pack")));
    QVERIFY(!listed.contains(QStringLiteral("Call Recording")));
    shoot(select, QStringLiteral("select-components"));

    QComboBox* family = select->productFamilyFilter();
    family->setCurrentIndex(family->findText(QStringLiteral("Sports")));
    QCOMPARE(select->visibleProductNames(),
             (QStringList{QStringLiteral("Sports Extra"), QStringLiteral("Sports Pack")}));
    QTest::keyClicks(select->productFilter(), QStringLiteral("extra"));
    QCOMPARE(select->visibleProductNames(), QStringList{QStringLiteral("Sports Extra")});
    QTest::keyClick(select->productFilter(), Qt::Key_Return); // does not close the dialog
    QVERIFY(select->isVisible());
    select->productFilter()->clear();
    family->setCurrentIndex(0);
    QComboBox* type = select->productTypeFilter();
    type->setCurrentIndex(type->findText(QStringLiteral("Equipment")));
    QCOMPARE(select->visibleProductNames(), QStringList{QStringLiteral("Multiroom")});
    type->setCurrentIndex(0);

    // A current component cannot be selected twice; SELECT adds, REMOVE takes it out again.
    QVERIFY(!select->selectProduct(QStringLiteral("Movies Pack")));
    QVERIFY(select->selectProduct(QStringLiteral("Kids Pack")));
    QVERIFY(select->selectProduct(QStringLiteral("World News")));
    QCOMPARE(select->selection().added.size(), 2);
    QVERIFY(select->removeComponent(QStringLiteral("World News")));
    QCOMPARE(select->selection().added.size(), 1);
    QVERIFY(select->removeComponent(QStringLiteral("Movies Pack"))); // a current one: marked for removal
    QCOMPARE(select->selection().removedServiceIds,
             QList<qint64>{componentOf(QStringLiteral("SUB-100002"), QStringLiteral("pack-movies"))});
    shoot(select, QStringLiteral("select-components-chosen"));

    // Cancel discards; SAVE keeps.
    select->reject();
    QVERIFY(dialog->selection().isEmpty());
    select = openSelect(dialog);
    QVERIFY(select);
    QVERIFY(select->selectProduct(QStringLiteral("Kids Pack")));
    QVERIFY(select->removeComponent(QStringLiteral("Movies Pack")));
    select->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    QCOMPARE(dialog->selection().added.size(), 1);
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("addedCountLabel"))->text(), QStringLiteral("1"));
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("removedCountLabel"))->text(), QStringLiteral("1"));
    QCOMPARE(dialog->findChild<QTreeWidget*>(QStringLiteral("componentsList"))->topLevelItemCount(), 3);

    ComponentListDialog* added = dialog->viewAddedComponents();
    QCOMPARE(added->list()->topLevelItemCount(), 1);
    QCOMPARE(added->list()->topLevelItem(0)->text(0), QStringLiteral("Kids Pack"));
    QCOMPARE(added->list()->topLevelItem(0)->text(3), Money::fromMajor(5, QStringLiteral("GBP")).format(QLocale()));
    shoot(added, QStringLiteral("added-components"));
    added->close();
    ComponentListDialog* removed = dialog->viewRemovedComponents();
    QCOMPARE(removed->list()->topLevelItemCount(), 1);
    QCOMPARE(removed->list()->topLevelItem(0)->text(0), QStringLiteral("Movies Pack"));
    removed->close();

    dialog->viewComposition();
    auto* rules = dialog->findChild<BundleCompositionDialog*>();
    QVERIFY(rules && rules->isVisible());
    QCOMPARE(rules->rulesList()->topLevelItemCount(), composition->rules.size());
    shoot(rules, QStringLiteral("composition"));
    rules->close();
    shoot(dialog, QStringLiteral("amend-pending"));
}

void TestAmendDialog::scheduleOnDateRecordsScheduledAction()
{
    AmendBundleDialog* dialog = openDialog(QStringLiteral("SUB-100002"));
    QVERIFY(dialog);
    SelectComponentsDialog* select = openSelect(dialog);
    QVERIFY(select);
    select->productFamilyFilter()->setCurrentIndex(select->productFamilyFilter()->findText(QStringLiteral("Kids")));
    QVERIFY(select->selectProduct(QStringLiteral("Kids Pack")));
    select->accept();
    chooseActionTypes(dialog);

    // The date field is off until its mode is chosen, and its time defaults to midnight.
    QVERIFY(!dialog->onDateEdit()->isEnabled());
    QVERIFY(!dialog->daysEdit()->isEnabled());
    dialog->onDateButton()->click();
    QVERIFY(dialog->onDateEdit()->isEnabled());
    QVERIFY(!dialog->daysEdit()->isEnabled());
    QCOMPARE(dialog->onDateEdit()->time(), QTime(0, 0));
    const QDate day = QDate::currentDate().addDays(3);
    dialog->onDateEdit()->setDate(day);
    const qint64 expectedDue = QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();

    const qint64 kidsBefore = componentOf(QStringLiteral("SUB-100002"), QStringLiteral("pack-kids"));
    QSignalSpy submitted(dialog, &AmendBundleDialog::submitted);
    dialog->submitButton()->click();
    QVERIFY(dialog->isSubmitting());
    QVERIFY(!dialog->submitButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 10000);
    QVERIFY2(dialog->problemTexts().isEmpty(), qPrintable(dialog->problemTexts().join(QLatin1Char('\n'))));
    QVERIFY(!dialog->isVisible());
    QVERIFY(dialog->successText().contains(QStringLiteral("scheduled")));

    const qint64 subscriptionId = scalar(QStringLiteral("SELECT id FROM subscriptions WHERE number = 'SUB-100002'"));
    QCOMPARE(submitted.first().first().toLongLong(), subscriptionId);
    QSqlQuery q(db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT behavior_code, status, due_ms, action_type, sub_action_type, performed_by"
                                  " FROM scheduled_actions WHERE subscription_id = %1 ORDER BY id DESC")
                       .arg(subscriptionId)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("AMENDBUNDLEDSERVICE"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("scheduled"));
    QCOMPARE(q.value(2).toLongLong(), expectedDue);
    QCOMPARE(q.value(3).toString(), QStringLiteral("UPGRADE"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("CUSTOMER_REQUEST"));
    QCOMPARE(q.value(5).toString(), m_backend->backend().session().login()); // left empty: the signed-in user
    // Scheduled, not applied yet.
    QCOMPARE(componentOf(QStringLiteral("SUB-100002"), QStringLiteral("pack-kids")), kidsBefore);
}

void TestAmendDialog::submitNowAddsComponentAndDebitsWallet()
{
    const QString balanceSql =
        QStringLiteral("SELECT COALESCE(SUM(l.amount), 0) FROM wallet_ledger l JOIN wallets w ON w.id = l.wallet_id"
                       " JOIN subscriptions s ON s.id = w.subscription_id WHERE s.number = 'SUB-100001'");
    const qint64 balanceBefore = scalar(balanceSql);
    QCOMPARE(componentOf(QStringLiteral("SUB-100001"), QStringLiteral("pack-world-news")), -1);

    AmendBundleDialog* dialog = openDialog(QStringLiteral("SUB-100001"));
    QVERIFY(dialog);
    SelectComponentsDialog* select = openSelect(dialog);
    QVERIFY(select);
    QTest::keyClicks(select->productFilter(), QStringLiteral("world"));
    QCOMPARE(select->visibleProductNames(), QStringList{QStringLiteral("World News")});
    QVERIFY(select->selectProduct(QStringLiteral("World News")));
    select->accept();
    chooseActionTypes(dialog);
    QTest::keyClicks(dialog->performedByEdit(), m_backend->backend().session().login());
    const QString charge = Money::fromMajor(3, QStringLiteral("GBP")).format(QLocale());
    QLabel* chargeLabel = dialog->findChild<QLabel*>(QStringLiteral("chargeLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(chargeLabel->text().contains(charge), 10000);
    QVERIFY(dialog->nowButton()->isChecked());

    QSignalSpy submitted(dialog, &AmendBundleDialog::submitted);
    dialog->submitButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 10000);
    QVERIFY(dialog->successText().contains(QStringLiteral("World News")));
    QVERIFY(dialog->successText().contains(charge));
    QMessageBox* message = nullptr;
    for (QWidget* window : QApplication::topLevelWidgets())
        if (window->objectName() == QLatin1String("amendSuccessMessage") && window->isVisible())
            message = qobject_cast<QMessageBox*>(window);
    QVERIFY(message);
    QCOMPARE(message->text(), dialog->successText());
    QVERIFY(componentOf(QStringLiteral("SUB-100001"), QStringLiteral("pack-world-news")) > 0);
    QCOMPARE(scalar(balanceSql), balanceBefore - 300);
}

void TestAmendDialog::ruleMessagesLeaveDatabaseUnchanged()
{
    AmendBundleDialog* dialog = openDialog(QStringLiteral("SUB-100002"));
    QVERIFY(dialog);
    SelectComponentsDialog* select = openSelect(dialog);
    QVERIFY(select);
    QVERIFY(select->selectProduct(QStringLiteral("Sports Extra"))); // requires Sports Pack, which SUB-100002 lacks
    select->accept();
    // No Action Type chosen, and 0 days.
    dialog->afterDaysButton()->click();
    QVERIFY(dialog->daysEdit()->isEnabled());
    QVERIFY(!dialog->onDateEdit()->isEnabled());
    QTest::keyClicks(dialog->daysEdit(), QStringLiteral("0"));

    const QString before = snapshot();
    QSignalSpy finished(dialog, &AmendBundleDialog::submitFinished);
    QSignalSpy submitted(dialog, &AmendBundleDialog::submitted);
    dialog->submitButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(submitted.count(), 0);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->submitButton()->isEnabled());

    const QStringList problems = dialog->problemTexts();
    const QString all = problems.join(QLatin1Char('\n'));
    QVERIFY2(problems.size() >= 3, qPrintable(all));
    auto mentions = [&](const QString& part) {
        return std::any_of(problems.begin(), problems.end(), [&](const QString& p) { return p.contains(part); });
    };
    QVERIFY2(mentions(QStringLiteral("requires")), qPrintable(all));
    QVERIFY2(mentions(QStringLiteral("number of days")), qPrintable(all));
    QVERIFY2(mentions(QStringLiteral("Action Type")), qPrintable(all));
    // Each rule in its own sentence, shown in the dialog.
    const auto labels = dialog->findChildren<QLabel*>(QStringLiteral("problemLabel"));
    QCOMPARE(labels.size(), problems.size());
    for (QLabel* label : labels)
        QVERIFY(label->isVisible());
    QCOMPARE(snapshot(), before);
    shoot(dialog, QStringLiteral("amend-problems"));
}

void TestAmendDialog::walletShortfallIsListed()
{
    AmendBundleDialog* dialog = openDialog(QStringLiteral("SUB-100003")); // prepaid, 2.00 in the wallet
    QVERIFY(dialog);
    SelectComponentsDialog* select = openSelect(dialog);
    QVERIFY(select);
    QVERIFY(select->selectProduct(QStringLiteral("Kids Pack")));
    select->accept();
    chooseActionTypes(dialog);
    const QString before = snapshot();
    QSignalSpy finished(dialog, &AmendBundleDialog::submitFinished);
    dialog->submitButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const QString all = dialog->problemTexts().join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("Top up the wallet")), qPrintable(all));
    QCOMPARE(snapshot(), before);
}

void TestAmendDialog::enterInDateFieldDoesNotSubmitAndEscapeCancels()
{
    AmendBundleDialog* dialog = openDialog(QStringLiteral("SUB-100002"));
    QVERIFY(dialog);
    dialog->onDateButton()->click();
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    // Tab walks the sections in reading order (inside a date field, first through its day, month, year...).
    auto tabOut = [](QWidget* from) {
        for (int i = 0; i < 8 && QApplication::focusWidget() == from; ++i)
            QTest::keyClick(from, Qt::Key_Tab);
        return QApplication::focusWidget();
    };
    dialog->performedByEdit()->setFocus();
    QCOMPARE(tabOut(dialog->performedByEdit()), static_cast<QWidget*>(dialog->performedDateEdit()));
    // The scheduling modes are one stop (the arrow keys move between them), then the date field.
    QWidget* mode = tabOut(dialog->performedDateEdit());
    QVERIFY(mode == dialog->nowButton() || mode == dialog->onDateButton());
    QCOMPARE(tabOut(mode), static_cast<QWidget*>(dialog->onDateEdit()));
    QSignalSpy finished(dialog, &AmendBundleDialog::submitFinished);
    QTest::keyClick(dialog->onDateEdit(), Qt::Key_Return);
    QTest::keyClick(dialog->performedDateEdit(), Qt::Key_Enter);
    QTest::keyClick(dialog->daysEdit(), Qt::Key_Return);
    QVERIFY(!dialog->isSubmitting());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);
    QVERIFY(dialog->isVisible());

    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
}

void TestAmendDialog::longerTranslationsAreNotClipped()
{
    LongerTranslator translator;
    QCoreApplication::installTranslator(&translator);
    AmendBundleDialog* dialog = openDialog(QStringLiteral("SUB-100001"));
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().endsWith(QLatin1Char('w')));
    ComponentSelection selection;
    for (const BundleProduct& product : dialog->composition().allowedProducts)
        if (product.name == QLatin1String("Cinema Premiere"))
            selection.added << product;
    dialog->setSelection(selection);
    QTRY_VERIFY(!dialog->isChecking());
    dialog->onDateButton()->click();
    SelectComponentsDialog* select = openSelect(dialog);
    QVERIFY(select);
    QApplication::processEvents();

    for (QWidget* window : {static_cast<QWidget*>(dialog), static_cast<QWidget*>(select)}) {
        for (QWidget* widget : window->findChildren<QWidget*>()) {
            if (!widget->isVisible() || !(qobject_cast<QLabel*>(widget) || qobject_cast<QAbstractButton*>(widget)))
                continue;
            const auto* label = qobject_cast<QLabel*>(widget);
            const QSize needed = label && label->wordWrap() ? label->minimumSizeHint() : widget->sizeHint();
            QVERIFY2(widget->width() >= needed.width() && widget->height() >= needed.height(),
                     qPrintable(QStringLiteral("%1 \"%2\" is clipped: %3x%4 < %5x%6")
                                    .arg(widget->objectName(), widget->property("text").toString())
                                    .arg(widget->width())
                                    .arg(widget->height())
                                    .arg(needed.width())
                                    .arg(needed.height())));
        }
    }
    shoot(select, QStringLiteral("select-components-long"));
    shoot(dialog, QStringLiteral("amend-long"));
    select->reject();
    QCoreApplication::removeTranslator(&translator);
}

void TestAmendDialog::unknownBundleShowsWhyAndCannotSubmit()
{
    m_dialog = std::make_unique<AmendBundleDialog>(m_backend->backend(), 987654);
    m_dialog->show();
    auto* status = m_dialog->findChild<QLabel*>(QStringLiteral("statusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("987654")), 10000);
    QVERIFY(!m_dialog->isLoaded());
    QVERIFY(!m_dialog->submitButton()->isEnabled());
    QVERIFY(!m_dialog->findChild<QPushButton*>(QStringLiteral("modifyButton"))->isEnabled());
}

QTEST_MAIN(TestAmendDialog)
#include "tst_amenddialog.moc"
