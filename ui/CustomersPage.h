#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "workflows/CustomerWorkflow.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace sb {

class Backend;
class CustomerSearcher;
class ServiceTableModel;

// Customers: a search with its results on the left; the chosen customer's details (type, email, phone, sites,
// contacts) and services on the right, with "Add Service" to assign a plan to them.
class CustomersPage : public QWidget
{
    Q_OBJECT

public:
    explicit CustomersPage(Backend& backend, QWidget* parent = nullptr);

    void search(const QString& text);
    void showCustomer(qint64 customerId, qint64 highlightServiceId = 0);
    void showService(qint64 serviceId); // selects the service's customer and highlights the service
    std::optional<CustomerDetails> details() const { return m_details; }
    qint64 highlightedServiceId() const;
    bool isLoading() const { return m_loading > 0; }
    // Add Service follows the signed-in user's role.
    void setAssignAllowed(bool allowed);

signals:
    void assignPlanRequested(const sb::Customer& customer);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void showResults(const QString& query, const QList<Customer>& customers);
    void showDetails(const CustomerDetails& details, qint64 highlightServiceId);
    void showError(const Error& error);
    void fillResults();
    void fillDetails();

    Backend& m_backend;
    CustomerSearcher* m_searcher;
    QLabel* m_titleLabel;
    QLineEdit* m_searchEdit;
    QListWidget* m_resultsList;
    QStackedWidget* m_detailStack;
    QLabel* m_placeholderLabel;
    QWidget* m_detailsPanel;
    QLabel* m_nameLabel;
    QLabel* m_typeCaption;
    QLabel* m_typeValue;
    QLabel* m_emailCaption;
    QLabel* m_emailValue;
    QLabel* m_phoneCaption;
    QLabel* m_phoneValue;
    QLabel* m_sitesCaption;
    QLabel* m_sitesValue;
    QLabel* m_contactsCaption;
    QLabel* m_contactsValue;
    QLabel* m_servicesCaption;
    QTableView* m_servicesTable;
    ServiceTableModel* m_servicesModel;
    QPushButton* m_assignButton;
    QLabel* m_errorLabel;

    QString m_query;
    QList<Customer> m_results;
    std::optional<CustomerDetails> m_details;
    std::optional<Error> m_error;
    quint64 m_detailSequence = 0;
    int m_loading = 0;
};

} // namespace sb
