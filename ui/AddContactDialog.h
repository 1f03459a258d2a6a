#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sb {

class Backend;

// "Add Contact": a business customer's billing or technical contact, written off the GUI thread.
class AddContactDialog : public QDialog
{
    Q_OBJECT

public:
    AddContactDialog(Backend& backend, const Customer& customer, QWidget* parent = nullptr);

    std::optional<Contact> addedContact() const { return m_added; }
    QString problemText() const;

signals:
    void contactAdded(const sb::Contact& contact);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void submit();
    void showProblems(const QList<Error>& problems);

    Backend& m_backend;
    Customer m_customer;
    QLabel* m_introLabel;
    QLabel* m_roleLabel;
    QComboBox* m_roleCombo;
    QLabel* m_nameLabel;
    QLineEdit* m_nameEdit;
    QLabel* m_emailLabel;
    QLineEdit* m_emailEdit;
    QLabel* m_phoneLabel;
    QLineEdit* m_phoneEdit;
    QLabel* m_problemsLabel;
    QDialogButtonBox* m_buttons;
    QPushButton* m_addButton;
    QList<Error> m_problems;
    std::optional<Contact> m_added;
    bool m_submitting = false;
};

} // namespace sb
