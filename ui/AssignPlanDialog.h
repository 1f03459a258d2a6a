#pragma once

#include "AssignDraft.h"
#include "domain/UserMessage.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace sb {

class AutoRenewStep;
class Backend;
class InventoryStep;
class ReviewStep;
class SelectCustomerStep;

// The assign-plan flow of seed 000 for one product: select customer (skipped when the customer is known),
// required inventory items (skipped when none), auto-renewal, review, then Confirm & Provision. The items
// picked are reserved for this dialog; Cancel or closing releases them all.
class AssignPlanDialog : public QDialog
{
    Q_OBJECT

public:
    AssignPlanDialog(Backend& backend, const Product& product, const std::optional<Customer>& customer,
                     QWidget* parent = nullptr);
    ~AssignPlanDialog() override;

    QString reservationHolder() const { return m_holder; }
    AssignDraft draft() const;
    SelectCustomerStep* customerStep() const { return m_customerStep; } // null when the customer was given
    InventoryStep* inventoryStep() const { return m_inventoryStep; }    // null when nothing is needed
    AutoRenewStep* autoRenewStep() const { return m_autoRenewStep; }
    ReviewStep* reviewStep() const { return m_reviewStep; }
    QWidget* currentStep() const;
    bool isSubmitting() const { return m_submitting; }
    void setReservationDurationMs(qint64 durationMs); // for tests of the expiry

    void next();
    void back();

public slots:
    void reject() override;

signals:
    void submitted(qint64 jobId, qint64 serviceId, const QString& customerName);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void goTo(int index);
    void updateButtons();
    void submit();
    void checkPresetEligibility();
    void showError(const std::optional<Error>& error);
    QString stepTitle(QWidget* step) const;

    Backend& m_backend;
    Product m_product;
    std::optional<Customer> m_presetCustomer;
    QString m_holder;
    QLabel* m_headerLabel;
    QLabel* m_stepLabel;
    QStackedWidget* m_stack;
    SelectCustomerStep* m_customerStep = nullptr;
    InventoryStep* m_inventoryStep = nullptr;
    AutoRenewStep* m_autoRenewStep;
    ReviewStep* m_reviewStep;
    QLabel* m_errorLabel;
    QPushButton* m_cancelButton;
    QPushButton* m_backButton;
    QPushButton* m_nextButton;
    QPushButton* m_confirmButton;
    std::optional<Error> m_error;
    std::optional<Error> m_blocked; // the preset customer cannot take this product
    bool m_submitting = false;
    bool m_finished = false; // submitted or released: nothing left to release
};

} // namespace sb
