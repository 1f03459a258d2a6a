#include "MainWindow.h"

#include "AddonPickerDialog.h"
#include "AssignPlanDialog.h"
#include "AsyncCall.h"
#include "CatalogPage.h"
#include "CustomerSearchCombo.h"
#include "CustomersPage.h"
#include "ImportCsvLauncher.h"
#include "LanguageManager.h"
#include "ProvisioningPage.h"
#include "ProductCardsView.h"
#include "ProvisioningProgressDialog.h"
#include "QueueMonitorPage.h"
#include "ServicesPage.h"
#include "SettingsDialog.h"
#include "AmendBundleDialog.h"
#include "SubscriptionsPage.h"
#include "workflows/Backend.h"
#include "workflows/DemoDataWorkflow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

namespace sb {

MainWindow::MainWindow(Backend& backend, LanguageManager& languages, QWidget* parent)
    : QMainWindow(parent), m_backend(backend), m_languages(languages), m_navigation(new QListWidget(this)),
      m_pages(new QStackedWidget(this)), m_catalogPage(new CatalogPage(backend, this)),
      m_customersPage(new CustomersPage(backend, this)), m_servicesPage(new ServicesPage(backend, this)),
      m_subscriptionsPage(new SubscriptionsPage(backend, this)),
      m_provisioningPage(new ProvisioningPage(backend, this)), m_queueMonitorPage(new QueueMonitorPage(backend, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_pages->setObjectName(QStringLiteral("pageStack"));
    const QList<QStyle::StandardPixmap> icons{QStyle::SP_FileDialogDetailedView, QStyle::SP_DirHomeIcon,
                                              QStyle::SP_FileDialogListView, QStyle::SP_FileDialogContentsView,
                                              QStyle::SP_BrowserReload, QStyle::SP_ComputerIcon};
    for (const QStyle::StandardPixmap icon : icons)
        new QListWidgetItem(style()->standardIcon(icon), QString(), m_navigation);
    m_navigation->setFixedWidth(170);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(3);
    m_pages->addWidget(m_catalogPage);
    m_pages->addWidget(m_customersPage);
    m_pages->addWidget(m_servicesPage);
    m_pages->addWidget(m_subscriptionsPage);
    m_pages->addWidget(m_provisioningPage);
    m_pages->addWidget(m_queueMonitorPage);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    buildMenus();
    buildToolBar();
    buildStatusBar();
    m_importCsv = new ImportCsvLauncher(m_backend, *this, m_fileMenu, m_settingsAction);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_catalogPage, &CatalogPage::assignRequested, this, &MainWindow::startAssign);
    connect(m_customersPage, &CustomersPage::assignPlanRequested, this, &MainWindow::assignPlanFor);
    connect(m_customersPage, &CustomersPage::addonsRequested, this, &MainWindow::addonsFor);
    connect(m_servicesPage, &ServicesPage::serviceActivated, this, &MainWindow::showService);
    connect(m_provisioningPage, &ProvisioningPage::openJobRequested, this, &MainWindow::openProgress);
    connect(m_subscriptionsPage, &SubscriptionsPage::amendBundleRequested, this, &MainWindow::amendBundle);
    connect(m_globalSearch, &CustomerSearchCombo::customerChosen, this, [this](const Customer& customer) {
        showPage(Page::Customers);
        m_customersPage->search(customer.name);
        m_customersPage->showCustomer(customer.id);
        m_globalSearch->clear();
    });

    connect(&m_backend, &Backend::sessionChanged, this, [this] {
        applySession();
        retranslateUi();
    });

    m_navigation->setCurrentRow(0);
    applySession();
    retranslateUi();
    resize(1100, 720);
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::showSettings);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const LanguageManager::Language& language : LanguageManager::languages()) {
        QAction* action = m_languageMenu->addAction(language.nativeName);
        action->setObjectName(QStringLiteral("languageAction_%1").arg(language.code));
        action->setCheckable(true);
        action->setData(language.code);
        action->setChecked(language.code == m_languages.current());
        m_languageGroup->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this,
            [this](QAction* action) { m_languages.setLanguage(action->data().toString()); });
    connect(&m_languages, &LanguageManager::languageChanged, this, [this](const QString& code) {
        for (QAction* action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == code);
    });

    m_adminMenu = menuBar()->addMenu(QString());
    m_seedDemoAction = m_adminMenu->addAction(QString(), this, &MainWindow::seedDemoData);
    m_seedDemoAction->setObjectName(QStringLiteral("seedDemoAction"));

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);

    const QList<Page> pages{Page::Catalog, Page::Customers, Page::Services, Page::Subscriptions,
                            Page::Provisioning, Page::Queue};
    for (int i = 0; i < pages.size(); ++i) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, page = pages.at(i)] { showPage(page); });
        addAction(action);
    }
}

void MainWindow::buildToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_searchLabel = new QLabel(m_toolBar);
    m_globalSearch = new CustomerSearchCombo(m_backend, m_toolBar);
    m_globalSearch->setObjectName(QStringLiteral("globalCustomerSearch"));
    m_globalSearch->setMinimumWidth(380);
    m_searchLabel->setBuddy(m_globalSearch->lineEdit());
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addWidget(m_searchLabel);
    m_toolBar->addWidget(m_globalSearch);
    m_searchAction = new QAction(this);
    m_searchAction->setShortcut(QKeySequence::Find);
    connect(m_searchAction, &QAction::triggered, this,
            [this] { m_globalSearch->lineEdit()->setFocus(Qt::ShortcutFocusReason); });
    addAction(m_searchAction);
}

void MainWindow::buildStatusBar()
{
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatusLabel"));
    m_workerLabel = new QLabel(this);
    m_workerLabel->setObjectName(QStringLiteral("workerStatusLabel"));
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userStatusLabel"));
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_workerLabel);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Switchboard"));
    const QStringList pageNames{tr("Catalog"), tr("Customers"), tr("Services"), tr("Subscriptions"),
                                tr("Provisioning"), tr("Queue")};
    for (int i = 0; i < pageNames.size(); ++i) {
        m_navigation->item(i)->setText(pageNames.at(i));
        m_navigation->item(i)->setToolTip(tr("%1 (Ctrl+%2)").arg(pageNames.at(i)).arg(i + 1));
    }
    m_fileMenu->setTitle(tr("&File"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_adminMenu->setTitle(tr("&Administration"));
    m_seedDemoAction->setText(m_seeding ? tr("Loading Demo Data…") : tr("Load &Demo Data"));
    const Actor& session = m_backend.session();
    m_userLabel->setText(session.isValid() ? tr("Signed in as %1 (%2)").arg(session.displayName(), displayName(session.role()))
                                           : tr("Not signed in"));
    m_seedDemoAction->setToolTip(session.can(Permission::SeedDemoData)
                                     ? tr("Adds the demo operator's products, inventory and customers.")
                                     : session.require(Permission::SeedDemoData).error.text());
    m_aboutAction->setText(tr("&About Switchboard"));
    m_toolBar->setWindowTitle(tr("Search"));
    m_searchLabel->setText(tr("Search Customers:"));
    // The file name or database@host keeps the status bar within the window in every language; the tooltip has it all.
    const DatabaseUrl& url = m_backend.database().url();
    m_databaseLabel->setText(tr("Database: %1").arg(url.isSqlite() ? QFileInfo(url.path).fileName()
                                                                   : url.database + QLatin1Char('@') + url.host));
    m_databaseLabel->setToolTip(url.toDisplayString());
    const QString worker = m_backend.worker() ? tr("Provisioning worker: running in this application")
                                              : tr("Provisioning worker: external");
    const QString network = m_backend.simulator() ? tr("Network: built-in simulator")
                                                  : tr("Network: %1").arg(m_backend.endpoints().ocs.url.host());
    m_workerLabel->setText(worker + QStringLiteral("  ·  ") + network);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

AssignPlanDialog* MainWindow::startAssign(const Product& product, const std::optional<Customer>& customer)
{
    auto* dialog = new AssignPlanDialog(m_backend, product, customer, this);
    connect(dialog, &AssignPlanDialog::submitted, this, [this](qint64 jobId) {
        m_catalogPage->setPresetCustomer(std::nullopt);
        openProgress(jobId);
    });
    dialog->open();
    return dialog;
}

AmendBundleDialog* MainWindow::amendBundle(qint64 bundleServiceId)
{
    auto* dialog = new AmendBundleDialog(m_backend, bundleServiceId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AmendBundleDialog::submitted, m_subscriptionsPage, &SubscriptionsPage::refresh);
    dialog->open();
    return dialog;
}

ProvisioningProgressDialog* MainWindow::openProgress(qint64 jobId)
{
    auto* dialog = new ProvisioningProgressDialog(m_backend, jobId, this);
    connect(dialog, &ProvisioningProgressDialog::viewServiceRequested, this, &MainWindow::showService);
    dialog->open();
    return dialog;
}

void MainWindow::showService(qint64 serviceId)
{
    showPage(Page::Customers);
    m_customersPage->showService(serviceId);
}

void MainWindow::assignPlanFor(const Customer& customer)
{
    m_catalogPage->setPresetCustomer(customer);
    showPage(Page::Catalog);
}

void MainWindow::addonsFor(const Customer& customer, const Service& service)
{
    // Seed 000, workflow 3: pick the add-on for this service, then buy it onto the service (no service step).
    auto* picker = new AddonPickerDialog(m_backend, customer, service, this);
    connect(picker, &AddonPickerDialog::addonChosen, this, [this, customer, service](const Product& addon) {
        auto* dialog = new AssignPlanDialog(m_backend, addon, customer, service, this);
        connect(dialog, &AssignPlanDialog::submitted, this, [this](qint64 jobId) { openProgress(jobId); });
        dialog->open();
    });
    picker->open();
}

void MainWindow::applySession()
{
    const Actor& session = m_backend.session();
    m_seedDemoAction->setEnabled(session.can(Permission::SeedDemoData) && !m_seeding);
    m_catalogPage->cardsView()->setAssignAllowed(session.can(Permission::AssignPlan));
    m_customersPage->setAssignAllowed(session.can(Permission::AssignPlan));
    m_customersPage->setCustomerEditAllowed(session.can(Permission::ManageCustomers));
    m_subscriptionsPage->setAmendAllowed(session.can(Permission::AmendBundle),
                                         session.require(Permission::AmendBundle).error.text());
}

void MainWindow::seedDemoData()
{
    if (m_seeding)
        return;
    m_seeding = true;
    applySession();
    retranslateUi();
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    runAsync(
        this, m_backend.pool(), [&db, actor] { return DemoDataWorkflow(db).seed(actor, DemoSize{}); },
        [this](const Status& status) {
            m_seeding = false;
            applySession();
            retranslateUi();
            auto* box = new QMessageBox(status.ok() ? QMessageBox::Information : QMessageBox::Warning, tr("Demo Data"),
                                        status.ok() ? tr("The demo data is in place.") : status.error.text(),
                                        QMessageBox::Close, this);
            box->setObjectName(QStringLiteral("seedDemoResultBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            if (status.ok())
                m_catalogPage->reload();
        });
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("About Switchboard"),
                                tr("<b>Switchboard %1</b><br>Assign plans, provision services and follow provisioning "
                                   "jobs for mobile, internet, IPTV and VoIP customers.")
                                    .arg(QApplication::applicationVersion()),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace sb
