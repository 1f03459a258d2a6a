#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"
#include "workflows/CustomerWorkflow.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace sb {

class AddContactDialog;
class AddSiteDialog;
class Backend;
class CreateCustomerDialog;
class CustomerHistoryModel;
class CustomerSearcher;
class ServiceTableModel;

// Customers: a search with its results on the left ("New Customer…", and "Create customer…" when nobody matches);
// the chosen customer's details on the right, in tabs: Services (with Add Service, Add-ons for the selected service
// and the add-ons bought on it), Sites & Contacts (with Add Site… and Add Contact…) and Provisioning history
// (double-click a job for its log). Every database call runs off the GUI thread.
class CustomersPage : public QWidget
{
    Q_OBJECT

public:
    enum class Tab { Services, SitesAndContacts, History };

    explicit CustomersPage(Backend& backend, QWidget* parent = nullptr);

    void search(const QString& text);
    void showCustomer(qint64 customerId, qint64 highlightServiceId = 0);
    void showService(qint64 serviceId); // selects the service's customer and highlights the service
    std::optional<CustomerDetails> details() const { return m_details; }
    qint64 highlightedServiceId() const;
    bool isLoading() const { return m_loading > 0; }
    // Add Service and Add-ons follow the signed-in user's role.
    void setAssignAllowed(bool allowed);
    // New Customer, Create customer…, Add Site… and Add Contact… follow it too.
    void setCustomerEditAllowed(bool allowed);
    void showTab(Tab tab);

    // The dialogs behind the buttons, opened (window-modal) and returned for the caller to watch.
    CreateCustomerDialog* openCreateCustomer(const QString& typedText = {});
    AddSiteDialog* openAddSite();
    AddContactDialog* openAddContact();
    void openJobLog(qint64 jobId);

signals:
    void assignPlanRequested(const sb::Customer& customer);
    void addonsRequested(const sb::Customer& customer, const sb::Service& service);
    void customerCreated(const sb::Customer& customer);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildServicesTab();
    void buildSitesTab();
    void buildHistoryTab();
    void retranslateUi();
    void showResults(const QString& query, const QList<Customer>& customers);
    void showDetails(const CustomerDetails& details, qint64 highlightServiceId);
    void loadHistory(qint64 customerId, quint64 sequence);
    void showError(const Error& error);
    void fillResults();
    void fillDetails();
    void fillSitesAndContacts();
    void fillAddons();
    void updateButtons();
    void resultActivated(QListWidgetItem* item);
    void showCreatedCustomer(const Customer& customer);
    std::optional<Service> selectedService() const;

    Backend& m_backend;
    CustomerSearcher* m_searcher;
    QLabel* m_titleLabel;
    QLineEdit* m_searchEdit;
    QListWidget* m_resultsList;
    QPushButton* m_newCustomerButton;
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
    QLabel* m_paymentCaption;
    QLabel* m_paymentValue;
    QTabWidget* m_tabs;
    // Services
    QWidget* m_servicesTab;
    QTableView* m_servicesTable;
    ServiceTableModel* m_servicesModel;
    QPushButton* m_assignButton;
    QPushButton* m_addonsButton;
    QLabel* m_addonsCaption;
    QTableWidget* m_addonsTable;
    // Sites & Contacts
    QWidget* m_sitesTab;
    QLabel* m_sitesCaption;
    QPushButton* m_addSiteButton;
    QTableWidget* m_sitesTable;
    QLabel* m_contactsCaption;
    QPushButton* m_addContactButton;
    QTableWidget* m_contactsTable;
    // Provisioning history
    QWidget* m_historyTab;
    QLabel* m_historyHint;
    QTableView* m_historyTable;
    CustomerHistoryModel* m_historyModel;
    QLabel* m_errorLabel;

    QPointer<CreateCustomerDialog> m_createDialog; // one at a time, however often the row is activated
    QString m_query;
    QList<Customer> m_results;
    std::optional<CustomerDetails> m_details;
    std::optional<Error> m_error;
    quint64 m_detailSequence = 0;
    int m_loading = 0;
    bool m_assignAllowed = true;
    bool m_editAllowed = true;
};

} // namespace sb
