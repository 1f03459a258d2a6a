#pragma once

#include "domain/CustomerRules.h"
#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sb {

class Backend;

// "Create Customer": type, name, email, phone, language, payment method (with an optional expiry) and, for a
// business, a first site and its billing and technical contacts. Every problem CustomerRules finds is listed in
// the dialog; the customer is written (off the GUI thread) only when there is none.
class CreateCustomerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CreateCustomerDialog(Backend& backend, QWidget* parent = nullptr);

    // What was typed into a search that found nobody: an email, a phone number or a name, put in its field.
    void prefill(const QString& searchText);
    NewCustomer draft() const;
    std::optional<Customer> createdCustomer() const { return m_created; }
    QStringList shownProblems() const; // as listed in the dialog, in the current language
    QPushButton* createButton() const { return m_createButton; }

signals:
    void customerCreated(const sb::Customer& customer);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void submit();
    void showProblems(const QList<Error>& problems);
    void fillProblems();
    void updateState();

    Backend& m_backend;
    QLabel* m_typeLabel;
    QComboBox* m_typeCombo;
    QLabel* m_nameLabel;
    QLineEdit* m_nameEdit;
    QLabel* m_emailLabel;
    QLineEdit* m_emailEdit;
    QLabel* m_phoneLabel;
    QLineEdit* m_phoneEdit;
    QLabel* m_languageLabel;
    QComboBox* m_languageCombo;
    QLabel* m_paymentLabel;
    QComboBox* m_paymentCombo;
    QCheckBox* m_expiresCheck;
    QDateEdit* m_expiryEdit;
    QGroupBox* m_siteGroup;
    QLabel* m_siteNameLabel;
    QLineEdit* m_siteNameEdit;
    QLabel* m_siteAddressLabel;
    QLineEdit* m_siteAddressEdit;
    QGroupBox* m_billingGroup;
    QGroupBox* m_technicalGroup;
    struct ContactFields
    {
        QLabel* nameLabel;
        QLineEdit* name;
        QLabel* emailLabel;
        QLineEdit* email;
        QLabel* phoneLabel;
        QLineEdit* phone;
    };
    ContactFields m_billing;
    ContactFields m_technical;
    QLabel* m_problemsLabel;
    QDialogButtonBox* m_buttons;
    QPushButton* m_createButton;
    QList<Error> m_problems;
    std::optional<Customer> m_created;
    bool m_submitting = false;
};

} // namespace sb
