#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace sb {

class Backend;
class CustomerSearchCombo;

// Step 2 of the seed: search the customer, warn about picking the right one, and check that this customer
// may take the product (off the GUI thread) before Next is allowed.
class SelectCustomerStep : public QWidget
{
    Q_OBJECT

public:
    SelectCustomerStep(Backend& backend, const Product& product, QWidget* parent = nullptr);

    CustomerSearchCombo* searchCombo() const { return m_combo; }
    std::optional<Customer> customer() const;
    bool isReady() const { return m_eligible; }
    bool isChecking() const { return m_checking; }

signals:
    void readyChanged(bool ready);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void checkEligibility(const Customer& customer);
    void setEligible(bool eligible);

    Backend& m_backend;
    Product m_product;
    QLabel* m_searchLabel;
    CustomerSearchCombo* m_combo;
    QLabel* m_warningTitle;
    QLabel* m_warningLabel;
    QLabel* m_eligibilityLabel;
    std::optional<Error> m_problem; // why the chosen customer cannot take the product
    quint64 m_sequence = 0;
    bool m_eligible = false;
    bool m_checking = false;
};

} // namespace sb
