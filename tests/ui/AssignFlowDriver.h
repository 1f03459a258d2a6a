#pragma once

#include "domain/Enums.h"

#include <QString>

namespace sb {

class AssignPlanDialog;
class InventoryPicker;
class MainWindow;

namespace test {

// Drives the real widgets the way a person does. Each step uses QTest checks: after a call, test
// QTest::currentTestFailed() before going on.
class AssignFlowDriver
{
public:
    explicit AssignFlowDriver(MainWindow& window) : m_window(window) {}

    // Catalog: Service Plans + the customer type, then the card's "Assign to Customer". Returns the dialog.
    AssignPlanDialog* openAssign(const QString& productSlug, CustomerType customerType = CustomerType::Individual);
    // Types part of a name into the search, waits for the list, picks the first match with Enter.
    void chooseCustomer(AssignPlanDialog* dialog, const QString& typed);
    // Moves the picker down `steps` entries with the keyboard and waits for the reservation.
    void pickItem(InventoryPicker* picker, int steps = 1);
    void clickNext(AssignPlanDialog* dialog);
    // openAssign(), chooseCustomer() and Next: the dialog at its inventory step, or null when a step failed.
    AssignPlanDialog* openAtInventory(const QString& productSlug, const QString& typed);
    // All the way to the review step: customer, first free items, auto-renew Yes.
    void fillToReview(AssignPlanDialog* dialog, const QString& typed);

private:
    void openAssignImpl(const QString& productSlug, CustomerType customerType, AssignPlanDialog** dialog);

    MainWindow& m_window;
};

} // namespace test
} // namespace sb
