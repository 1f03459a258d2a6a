#pragma once

#include "domain/Entities.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace sb {

class AmendBundleDialog;
class AssignPlanDialog;
class Backend;
class CatalogPage;
class CustomerSearchCombo;
class CustomersPage;
class ImportCsvLauncher;
class LanguageManager;
class ProvisioningPage;
class ProvisioningProgressDialog;
class QueueMonitorPage;
class ServicesPage;
class SubscriptionsPage;

// Navigation (Catalog, Customers, Services, Subscriptions, Provisioning, Queue), the global customer search, the Language
// menu and the connection status; it also chains the assign-plan dialog to the progress dialog and View Service to
// the customer page.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Catalog, Customers, Services, Subscriptions, Provisioning, Queue };

    MainWindow(Backend& backend, LanguageManager& languages, QWidget* parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    CatalogPage* catalogPage() const { return m_catalogPage; }
    CustomersPage* customersPage() const { return m_customersPage; }
    ServicesPage* servicesPage() const { return m_servicesPage; }
    SubscriptionsPage* subscriptionsPage() const { return m_subscriptionsPage; }
    ProvisioningPage* provisioningPage() const { return m_provisioningPage; }
    QueueMonitorPage* queueMonitorPage() const { return m_queueMonitorPage; }
    CustomerSearchCombo* globalSearch() const { return m_globalSearch; }
    QAction* seedDemoAction() const { return m_seedDemoAction; }
    ImportCsvLauncher* importCsv() const { return m_importCsv; } // File > Import CSV… and its resume notice

    AssignPlanDialog* startAssign(const Product& product, const std::optional<Customer>& customer);
    ProvisioningProgressDialog* openProgress(qint64 jobId);
    AmendBundleDialog* amendBundle(qint64 bundleServiceId); // Amend Bundle Services; the page refreshes after a submit
    void showService(qint64 serviceId);
    void assignPlanFor(const Customer& customer); // the catalog, preset for this customer
    void addonsFor(const Customer& customer, const Service& service); // add-ons for this customer's service

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void buildMenus();
    void buildToolBar();
    void buildStatusBar();
    void showAbout();
    void showSettings();
    // Enables what the signed-in user's role allows (the core refuses the rest anyway).
    void applySession();
    void seedDemoData();

    Backend& m_backend;
    LanguageManager& m_languages;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    CatalogPage* m_catalogPage;
    CustomersPage* m_customersPage;
    ServicesPage* m_servicesPage;
    SubscriptionsPage* m_subscriptionsPage;
    ProvisioningPage* m_provisioningPage;
    QueueMonitorPage* m_queueMonitorPage;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_searchLabel = nullptr;
    CustomerSearchCombo* m_globalSearch = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QMenu* m_adminMenu = nullptr;
    QAction* m_seedDemoAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_searchAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_workerLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    bool m_seeding = false;
    ImportCsvLauncher* m_importCsv = nullptr;
};

} // namespace sb
