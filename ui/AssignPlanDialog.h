#pragma once

#include "AssignDraft.h"
#include "domain/UserMessage.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace sb {

class AddonTargetStep;
class AutoRenewStep;
class Backend;
class BusinessDetailsStep;
class InventoryStep;
class ReviewStep;
class SelectCustomerStep;

// The assign-plan flow of seed 000 for one product: select customer (skipped when the customer is known),
// required inventory items (skipped when none), auto-renewal, business details (business customers only), review,
// then Confirm & Provision. The items picked are reserved for this dialog; Cancel or closing releases them all.
// For an add-on the flow buys it onto an existing service instead: select customer, "Which service should receive
// this add-on?" (skipped when the service is known), inventory (if the add-on needs any), auto-renewal (recurring
// add-ons only), review; no new service is created.
class AssignPlanDialog : public QDialog
{
    Q_OBJECT

public:
    AssignPlanDialog(Backend& backend, const Product& product, const std::optional<Customer>& customer,
                     QWidget* parent = nullptr);
    // An add-on for a known service of a known customer ("Add-ons" next to the service on the customer page).
    AssignPlanDialog(Backend& backend, const Product& addon, const Customer& customer, const Service& targetService,
                     QWidget* parent = nullptr);
    ~AssignPlanDialog() override;

    QString reservationHolder() const { return m_holder; }
    AssignDraft draft() const;
    SelectCustomerStep* customerStep() const { return m_customerStep; } // null when the customer was given
    InventoryStep* inventoryStep() const { return m_inventoryStep; }    // null when nothing is needed
    AutoRenewStep* autoRenewStep() const { return m_autoRenewStep; }
    AddonTargetStep* addonTargetStep() const { return m_addonTargetStep; } // null unless an add-on needs a service
    BusinessDetailsStep* businessStep() const { return m_businessStep; }   // null for add-ons
    ReviewStep* reviewStep() const { return m_reviewStep; }
    QWidget* currentStep() const;
    QList<QWidget*> steps() const; // the steps this order goes through, in order (depends on the customer's type)
    bool isAddon() const { return m_product.category == ProductCategory::Addon; }
    bool isSubmitting() const { return m_submitting; }
    bool isCheckingPayment() const { return m_checkingPayment; }
    void setReservationDurationMs(qint64 durationMs); // for tests of the expiry

    void next();
    void back();

public slots:
    void reject() override;

signals:
    // serviceId: the new service, or for an add-on the existing service that receives it.
    void submitted(qint64 jobId, qint64 serviceId, const QString& customerName);

protected:
    void changeEvent(QEvent* event) override;

private:
    AssignPlanDialog(Backend& backend, const Product& product, const std::optional<Customer>& customer,
                     const std::optional<Service>& targetService, QWidget* parent);
    void retranslateUi();
    void goTo(QWidget* step);
    void updateButtons();
    void submit();
    void submitAddon(const AssignDraft& current);
    // Runs a workflow's submit off the GUI thread: the dialog closes on success or shows the refusal.
    template <typename Submit> void runSubmit(const QString& customerName, Submit submit);
    void checkPresetEligibility();
    void customerKnown(const Customer& customer); // loads what depends on the customer (services, sites, payment)
    void checkPayment(const Customer& customer);
    void showError(const std::optional<Error>& error);
    QString stepTitle(QWidget* step) const;

    Backend& m_backend;
    Product m_product;
    std::optional<Customer> m_presetCustomer;
    std::optional<Service> m_presetService;
    QString m_holder;
    QLabel* m_headerLabel;
    QLabel* m_stepLabel;
    QStackedWidget* m_stack;
    SelectCustomerStep* m_customerStep = nullptr;
    InventoryStep* m_inventoryStep = nullptr;
    AutoRenewStep* m_autoRenewStep;
    AddonTargetStep* m_addonTargetStep = nullptr;
    BusinessDetailsStep* m_businessStep = nullptr;
    ReviewStep* m_reviewStep;
    QLabel* m_errorLabel;
    QPushButton* m_cancelButton;
    QPushButton* m_backButton;
    QPushButton* m_nextButton;
    QPushButton* m_confirmButton;
    std::optional<Error> m_error;
    std::optional<Error> m_blocked;        // the preset customer cannot take this product
    std::optional<Error> m_paymentProblem; // a paid add-on and no valid payment method: Confirm stays disabled
    qint64 m_knownCustomerId = 0;          // the customer the steps were loaded for
    quint64 m_paymentSequence = 0;
    bool m_checkingPayment = false;
    bool m_submitting = false;
    bool m_finished = false; // submitted or released: nothing left to release
};

} // namespace sb
