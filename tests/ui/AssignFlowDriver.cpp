#include "AssignFlowDriver.h"

#include "AssignPlanDialog.h"
#include "AutoRenewStep.h"
#include "CatalogPage.h"
#include "CustomerSearchCombo.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "MainWindow.h"
#include "ProductCard.h"
#include "ProductCardsView.h"
#include "ReviewStep.h"
#include "SelectCustomerStep.h"
#include "UiTestSupport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

namespace sb::test {

AssignPlanDialog* AssignFlowDriver::openAssign(const QString& productSlug, CustomerType customerType)
{
    AssignPlanDialog* dialog = nullptr;
    openAssignImpl(productSlug, customerType, &dialog);
    return dialog;
}

void AssignFlowDriver::openAssignImpl(const QString& productSlug, CustomerType customerType, AssignPlanDialog** dialog)
{
    m_window.showPage(MainWindow::Page::Catalog);
    CatalogPage* catalog = m_window.catalogPage();
    auto* plans = catalog->findChild<QToolButton*>(QStringLiteral("servicePlansButton"));
    auto* typeButton =
        catalog->findChild<QToolButton*>(customerType == CustomerType::Individual ? QStringLiteral("individualButton")
                                                                                  : QStringLiteral("businessButton"));
    QVERIFY(plans && typeButton);
    QTest::mouseClick(plans, Qt::LeftButton);
    QTest::mouseClick(typeButton, Qt::LeftButton);
    QTRY_VERIFY(!catalog->isLoading());
    ProductCard* card = nullptr;
    QTRY_VERIFY((card = catalog->cardsView()->card(productSlug)) != nullptr);
    catalog->cardsView()->reveal(card);
    QTRY_VERIFY(card->assignButton()->isVisible());
    QCOMPARE(shownText(card->assignButton()->text()), QStringLiteral("Assign to Customer"));
    QTest::mouseClick(card->assignButton(), Qt::LeftButton);
    QTRY_VERIFY((*dialog = visibleAssignDialog(m_window)) != nullptr);
}

void AssignFlowDriver::chooseCustomer(AssignPlanDialog* dialog, const QString& typed)
{
    SelectCustomerStep* step = dialog->customerStep();
    QVERIFY(step);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(step));
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("customerSearchEdit"));
    auto* results = dialog->findChild<QListWidget*>(QStringLiteral("customerSearchResults"));
    QVERIFY(edit && results);
    edit->setFocus();
    QTest::keyClicks(edit, typed);
    // Results appear while typing, after the debounce, from the worker thread.
    QTRY_VERIFY(results->isVisible() && results->count() > 0 && !step->searchCombo()->isSearching());
    QVERIFY2(results->item(0)->flags() & Qt::ItemIsSelectable, qPrintable(results->item(0)->text()));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(step->customer().has_value());
    QTRY_VERIFY(step->isReady());
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("nextButton"))->isEnabled());
}

void AssignFlowDriver::pickItem(InventoryPicker* picker, int steps)
{
    QComboBox* combo = picker->comboBox();
    QTRY_VERIFY(combo->isEnabled() && combo->count() > steps);
    for (int i = 0; i < steps; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QTRY_VERIFY(picker->reservedItem().has_value() && !picker->isBusy());
}

void AssignFlowDriver::clickNext(AssignPlanDialog* dialog)
{
    auto* next = dialog->findChild<QPushButton*>(QStringLiteral("nextButton"));
    QVERIFY(next);
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
}

AssignPlanDialog* AssignFlowDriver::openAtInventory(const QString& productSlug, const QString& typed)
{
    AssignPlanDialog* dialog = openAssign(productSlug);
    if (!dialog)
        return nullptr;
    chooseCustomer(dialog, typed);
    if (!QTest::currentTestFailed())
        clickNext(dialog);
    return QTest::currentTestFailed() ? nullptr : dialog;
}

void AssignFlowDriver::fillToReview(AssignPlanDialog* dialog, const QString& typed)
{
    chooseCustomer(dialog, typed);
    if (QTest::currentTestFailed())
        return;
    clickNext(dialog);
    if (InventoryStep* inventory = dialog->inventoryStep()) {
        QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(inventory));
        for (InventoryPicker* picker : inventory->pickers()) {
            pickItem(picker);
            if (QTest::currentTestFailed())
                return;
        }
        clickNext(dialog);
    }
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->autoRenewStep()));
    QTest::mouseClick(dialog->autoRenewStep()->yesButton(), Qt::LeftButton);
    QCOMPARE(dialog->currentStep(), static_cast<QWidget*>(dialog->reviewStep()));
}

} // namespace sb::test
