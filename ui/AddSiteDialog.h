#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sb {

class Backend;

// "Add Site": a business customer's installation site (name and address), written off the GUI thread.
class AddSiteDialog : public QDialog
{
    Q_OBJECT

public:
    AddSiteDialog(Backend& backend, const Customer& customer, QWidget* parent = nullptr);

    std::optional<Site> addedSite() const { return m_added; }
    QString problemText() const;

signals:
    void siteAdded(const sb::Site& site);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void submit();
    void showProblems(const QList<Error>& problems);

    Backend& m_backend;
    Customer m_customer;
    QLabel* m_introLabel;
    QLabel* m_nameLabel;
    QLineEdit* m_nameEdit;
    QLabel* m_addressLabel;
    QLineEdit* m_addressEdit;
    QLabel* m_problemsLabel;
    QDialogButtonBox* m_buttons;
    QPushButton* m_addButton;
    QList<Error> m_problems;
    std::optional<Site> m_added;
    bool m_submitting = false;
};

} // namespace sb
