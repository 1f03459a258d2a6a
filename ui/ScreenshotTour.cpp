#include "ScreenshotTour.h"

#include "AmendBundleDialog.h"
#include "AddonTargetStep.h"
#include "AssignPlanDialog.h"
#include "BusinessDetailsStep.h"
#include "BundleCompositionDialog.h"
#include "ComponentListDialog.h"
#include "SelectComponentsDialog.h"
#include "AsyncCall.h"
#include "AutoRenewStep.h"
#include "CatalogPage.h"
#include "CustomerSearchCombo.h"
#include "CreateCustomerDialog.h"
#include "CustomersPage.h"
#include "ImportCsvDialog.h"
#include "ImportCsvLauncher.h"
#include "InventoryPicker.h"
#include "InventoryStep.h"
#include "JobLogDialog.h"
#include "JobTableModel.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ProductCard.h"
#include "ProductCardsView.h"
#include "ProvisioningPage.h"
#include "ProvisioningProgressDialog.h"
#include "QueueMonitorPage.h"
#include "SelectCustomerStep.h"
#include "SubscriptionDetailsPanel.h"
#include "SubscriptionsPage.h"
#include "ElementSettingsPage.h"
#include "ServicesPage.h"
#include "SettingsDialog.h"
#include "VerifyServiceDialog.h"
#include "network/NetworkSimulator.h"
#include "network/SimulatorThread.h"
#include "store/CustomerRepository.h"
#include "store/CatalogRepository.h"
#include "store/JobRepository.h"
#include "workflows/AddonWorkflow.h"
#include "workflows/AmendBundleWorkflow.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>
#include <optional>

namespace sb {
namespace {

constexpr int simulatedLatencyMs = 450; // lets the progress screenshot catch the job half-way
const QString tourSubscription = QStringLiteral("SUB-100001");

// The Subscriptions page's example: the demo prepaid IPTV subscription with one component removed and an
// amendment scheduled for next week (once; a second tour on the same database finds them in place).
Status prepareSubscriptionExample(Database& db, const Actor& actor)
{
    const auto details = SubscriptionWorkflow(db).detailsByNumber(tourSubscription);
    if (!details)
        return Status(details.error());
    if (details->flexibleBundles().isEmpty())
        return Status::success();
    const qint64 bundleId = details->flexibleBundles().first().id;
    for (const ScheduledAction& action : details->actions)
        if (action.behaviorCode == AmendBundleWorkflow::behaviorCode &&
            action.status == ScheduledActionStatus::Scheduled)
            return Status::success();
    const auto choices = SubscriptionWorkflow(db).customActionChoices();
    AmendBundleRequest request;
    request.bundleServiceId = bundleId;
    if (choices && !choices->actionTypes.isEmpty())
        request.actionType = choices->actionTypes.first().code;
    if (choices && !choices->subActionTypes.isEmpty())
        request.subActionType = choices->subActionTypes.first().code;
    for (const SubscriptionService& component : details->componentsOf(bundleId))
        if (component.product.slug == QLatin1String("pack-kids"))
            request.removeServiceIds << component.id;
    AmendBundleWorkflow workflow(db);
    if (!request.removeServiceIds.isEmpty()) {
        const AmendResult removed = workflow.submit(request, actor);
        if (!removed.ok())
            return Status(Error{removed.problems.first(), removed.detail});
        request.removeServiceIds.clear();
    }
    request.addProductSlugs = {QStringLiteral("pack-world-news")};
    request.schedule = Schedule::afterDays(QStringLiteral("7"));
    const AmendResult scheduled = workflow.submit(request, actor);
    return scheduled.ok() ? Status::success() : Status(Error{scheduled.problems.first(), scheduled.detail});
}

// A second active mobile service for the first "John" of the customer search (the tour's first order made the first
// one), so that the add-on prompt has two services to offer. Runs on a worker thread: it waits for the provisioning.
Status prepareSecondMobileService(Database& db, const Actor& actor)
{
    auto failed = [](const QString& why) { return Status(Error{UserMessage(), why}); };
    const auto customers = AssignPlanWorkflow(db).searchCustomers(QStringLiteral("John"), 1);
    const auto addon = CatalogRepository(db).bySlug(QStringLiteral("addon-data-5gb"));
    const auto plan = CatalogRepository(db).bySlug(QStringLiteral("mobile-5gb"));
    if (!customers.ok() || customers->isEmpty() || !addon || !plan)
        return failed(QStringLiteral("no customer John, no 5GB Data Boost or no Mobile 5GB plan"));
    const Customer john = customers->first();
    const auto targets = AddonWorkflow(db).targetServices(addon->id, john.id);
    if (targets.ok() && targets->size() > 1)
        return Status::success();
    AssignPlanWorkflow workflow(db);
    AssignRequest request;
    request.customerId = john.id;
    request.productId = plan->id;
    request.reservationHolder = QStringLiteral("screenshot-tour");
    for (const QString& templateName : plan->inventoryItemsList) {
        const auto items = workflow.availableItems(templateName, request.reservationHolder);
        if (!items.ok() || items->isEmpty() || !workflow.reserve(items->first().id, request.reservationHolder).ok())
            return failed(QStringLiteral("no %1 for the second mobile service").arg(templateName));
        request.items.insert(templateName, items->first().id);
    }
    const auto submitted = workflow.submit(request, actor);
    if (!submitted.ok())
        return Status(submitted.error());
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        const auto job = JobRepository(db).byId(submitted->jobId);
        if (job && job->status == JobStatus::Succeeded)
            return Status::success();
        if (job && job->status == JobStatus::Failed)
            return failed(QStringLiteral("the second mobile service was not provisioned"));
        QThread::msleep(100);
    }
    return failed(QStringLiteral("the second mobile service took too long"));
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow& window, Backend& backend, LanguageManager& languages, QString directory,
                               QObject* parent)
    : QObject(parent), m_window(window), m_backend(backend), m_languages(languages), m_directory(std::move(directory))
{
}

void ScreenshotTour::start()
{
    QTimer::singleShot(0, this, [this] { emit finished(run()); });
}

bool ScreenshotTour::run()
{
    if (!QDir().mkpath(m_directory))
        return fail(QStringLiteral("cannot create %1").arg(m_directory));
    m_window.resize(1100, 720);
    m_window.show();
    settle(300);
    return catalogSteps() && firstOrder() && failedOrder() && pagesSteps() && verifyAndSettingsSteps() &&
           subscriptionsSteps() && amendBundleSteps() && customerSteps() &&
           specialCasesSteps() && importCsvSteps();
}

bool ScreenshotTour::catalogSteps()
{
    CatalogPage* catalog = m_window.catalogPage();
    m_window.showPage(MainWindow::Page::Catalog);
    click(catalog->findChild<QToolButton*>(QStringLiteral("carouselViewButton")));
    catalog->setFilter(ProductCategory::ServicePlan, CustomerType::Individual);
    if (!waitUntil([catalog] { return !catalog->isLoading(); }))
        return fail(QStringLiteral("the catalog did not load"));
    settle();
    shoot(&m_window, QStringLiteral("catalog"));

    click(catalog->findChild<QToolButton*>(QStringLiteral("gridViewButton")));
    settle();
    shoot(&m_window, QStringLiteral("catalog-grid"));
    click(catalog->findChild<QToolButton*>(QStringLiteral("carouselViewButton")));

    click(catalog->findChild<QToolButton*>(QStringLiteral("businessButton")));
    if (!waitUntil([catalog] { return !catalog->isLoading(); }))
        return fail(QStringLiteral("the business catalog did not load"));
    settle();
    shoot(&m_window, QStringLiteral("catalog-business"));
    click(catalog->findChild<QToolButton*>(QStringLiteral("individualButton")));
    return waitUntil([catalog] { return !catalog->isLoading(); }) || fail(QStringLiteral("catalog reload"));
}

AssignPlanDialog* ScreenshotTour::openAssignDialog(const QString& productSlug)
{
    m_window.showPage(MainWindow::Page::Catalog);
    CatalogPage* catalog = m_window.catalogPage();
    ProductCard* card = nullptr;
    waitUntil([&] { return (card = catalog->cardsView()->card(productSlug)) != nullptr; });
    if (!card) {
        fail(QStringLiteral("no card for %1").arg(productSlug));
        return nullptr;
    }
    catalog->cardsView()->reveal(card);
    click(card->assignButton());
    AssignPlanDialog* dialog = nullptr;
    waitUntil([&] {
        const auto dialogs = m_window.findChildren<AssignPlanDialog*>();
        for (AssignPlanDialog* candidate : dialogs)
            if (candidate->isVisible())
                dialog = candidate;
        return dialog != nullptr;
    });
    if (!dialog) {
        fail(QStringLiteral("the assign dialog did not open"));
        return nullptr;
    }
    dialog->resize(780, 580);
    settle();
    return dialog;
}

bool ScreenshotTour::chooseCustomer(AssignPlanDialog* dialog, const QString& searchText, bool shootIt)
{
    SelectCustomerStep* step = dialog->customerStep();
    CustomerSearchCombo* combo = step->searchCombo();
    combo->lineEdit()->setFocus();
    typeText(combo->lineEdit(), searchText);
    if (!waitUntil([combo] { return combo->resultsList()->isVisible() && !combo->isSearching(); }))
        return fail(QStringLiteral("no customer results for %1").arg(searchText));
    settle();
    if (shootIt)
        shoot(dialog, QStringLiteral("customer-search"), combo->resultsList(), combo->lineEdit());
    if (!combo->chooseRow(0))
        return fail(QStringLiteral("no customer to choose"));
    if (!waitUntil([step] { return step->isReady(); }))
        return fail(QStringLiteral("the customer is not eligible"));
    settle();
    if (shootIt)
        shoot(dialog, QStringLiteral("customer-chosen"));
    click(dialog->findChild<QPushButton*>(QStringLiteral("nextButton")));
    return true;
}

bool ScreenshotTour::pickInventory(AssignPlanDialog* dialog)
{
    InventoryStep* step = dialog->inventoryStep();
    if (!step)
        return true;
    for (InventoryPicker* picker : step->pickers()) {
        QComboBox* combo = picker->comboBox();
        if (!waitUntil([combo] { return combo->isEnabled() && combo->count() > 1; }))
            return fail(QStringLiteral("no inventory for %1").arg(picker->templateName()));
        combo->setCurrentIndex(1);
        emit combo->activated(1);
        if (!waitUntil([picker] { return picker->reservedItem().has_value() && !picker->isBusy(); }))
            return fail(QStringLiteral("could not reserve %1").arg(picker->templateName()));
    }
    settle(1100); // let the countdown tick once
    return true;
}

ProvisioningProgressDialog* ScreenshotTour::waitForProgressDialog()
{
    ProvisioningProgressDialog* dialog = nullptr;
    waitUntil([&] {
        const auto dialogs = m_window.findChildren<ProvisioningProgressDialog*>();
        for (ProvisioningProgressDialog* candidate : dialogs)
            if (candidate->isVisible())
                dialog = candidate;
        return dialog != nullptr;
    });
    if (dialog)
        dialog->resize(660, 560);
    return dialog;
}

bool ScreenshotTour::firstOrder()
{
    AssignPlanDialog* dialog = openAssignDialog(QStringLiteral("mobile-20gb"));
    if (!dialog || !chooseCustomer(dialog, QStringLiteral("John"), true) || !pickInventory(dialog))
        return false;
    shoot(dialog, QStringLiteral("inventory"));
    click(dialog->findChild<QPushButton*>(QStringLiteral("nextButton")));
    settle();
    shoot(dialog, QStringLiteral("auto-renew"));
    click(dialog->autoRenewStep()->yesButton());
    settle();
    shoot(dialog, QStringLiteral("review"));

    NetworkSimulator* simulator = m_backend.simulator() ? m_backend.simulator()->simulator() : nullptr;
    if (simulator)
        simulator->setLatencyMs(simulatedLatencyMs);
    click(dialog->findChild<QPushButton*>(QStringLiteral("confirmButton")));
    ProvisioningProgressDialog* progress = waitForProgressDialog();
    if (!progress)
        return fail(QStringLiteral("the progress dialog did not open"));
    QPointer<ProvisioningProgressDialog> guard(progress);
    waitUntil([guard] { return guard && guard->job() && guard->job()->completedTasks() >= 3 && !guard->isFinished(); },
              30000);
    settle(60);
    shoot(progress, QStringLiteral("progress"));
    if (simulator)
        simulator->setLatencyMs(0);
    if (!waitUntil(
            [guard] {
                return guard && guard->isFinished() &&
                       !guard->findChild<QLabel*>(QStringLiteral("serviceNameValue"))->text().isEmpty();
            },
            60000))
        return fail(QStringLiteral("the first order did not succeed"));
    settle();
    shoot(progress, QStringLiteral("success"));

    click(progress->findChild<QPushButton*>(QStringLiteral("viewServiceButton")));
    CustomersPage* customers = m_window.customersPage();
    if (!waitUntil([customers] { return customers->details().has_value() && !customers->isLoading(); }))
        return fail(QStringLiteral("View Service did not show the customer"));
    settle(300);
    shoot(&m_window, QStringLiteral("customer-service"));
    return true;
}

bool ScreenshotTour::failedOrder()
{
    NetworkSimulator* simulator = m_backend.simulator() ? m_backend.simulator()->simulator() : nullptr;
    if (!simulator)
        return fail(QStringLiteral("no built-in simulator to inject a fault into"));
    const auto fault = NetworkSimulator::parseFault(QStringLiteral("APIerSv1.SetAccount:once"));
    if (!fault.ok())
        return fail(fault.error().message.englishText());
    simulator->addFault(fault.value());

    AssignPlanDialog* dialog = openAssignDialog(QStringLiteral("mobile-20gb"));
    if (!dialog || !chooseCustomer(dialog, QStringLiteral("Maria"), false) || !pickInventory(dialog))
        return false;
    click(dialog->findChild<QPushButton*>(QStringLiteral("nextButton")));
    click(dialog->autoRenewStep()->yesButton());
    click(dialog->findChild<QPushButton*>(QStringLiteral("confirmButton")));
    ProvisioningProgressDialog* progress = waitForProgressDialog();
    if (!progress)
        return fail(QStringLiteral("the second progress dialog did not open"));
    QPointer<ProvisioningProgressDialog> guard(progress);
    if (!waitUntil([guard] { return guard && guard->isFinished(); }, 60000))
        return fail(QStringLiteral("the second order did not finish"));
    if (guard->job()->status != JobStatus::Failed)
        return fail(QStringLiteral("the injected OCS fault did not fail the order"));
    settle();
    shoot(progress, QStringLiteral("failure"));

    click(progress->findChild<QPushButton*>(QStringLiteral("viewLogsButton")));
    JobLogDialog* log = nullptr;
    waitUntil([&] { return (log = progress->findChild<JobLogDialog*>()) != nullptr && log->isVisible(); });
    if (!log)
        return fail(QStringLiteral("View Logs did not open"));
    log->resize(980, 600);
    settle();
    shoot(log, QStringLiteral("job-log"));
    log->close();

    click(progress->findChild<QPushButton*>(QStringLiteral("retryButton")));
    if (!waitUntil(
            [guard] {
                return guard && guard->isFinished() && guard->job()->status == JobStatus::Succeeded &&
                       !guard->findChild<QLabel*>(QStringLiteral("serviceNameValue"))->text().isEmpty();
            },
            60000))
        return fail(QStringLiteral("Retry did not succeed"));
    settle();
    shoot(progress, QStringLiteral("retry-success"));
    progress->close();
    return true;
}

bool ScreenshotTour::pagesSteps()
{
    m_window.showPage(MainWindow::Page::Provisioning);
    ProvisioningPage* jobs = m_window.provisioningPage();
    if (!waitUntil([jobs] { return jobs->model()->rowCount() >= 2; }))
        return fail(QStringLiteral("the Provisioning page shows no jobs"));
    settle(300);
    shoot(&m_window, QStringLiteral("provisioning"));

    m_window.showPage(MainWindow::Page::Queue);
    QueueMonitorPage* queue = m_window.queueMonitorPage();
    if (!waitUntil([queue] {
            return queue->sampleCount() >= 3 && queue->lastSnapshot() && queue->lastSnapshot()->counts.succeeded >= 2;
        }))
        return fail(QStringLiteral("the Queue page shows no finished jobs"));
    settle(300);
    shoot(&m_window, QStringLiteral("queue"));

    m_window.showPage(MainWindow::Page::Services);
    settle(800);
    shoot(&m_window, QStringLiteral("services"));
    return true;
}

bool ScreenshotTour::verifyAndSettingsSteps()
{
    // Verify Service on the newest service (the mobile plan the failed order retried), on the Services page.
    auto* table = m_window.servicesPage()->findChild<QTableView*>(QStringLiteral("servicesTable"));
    if (!table || table->model()->rowCount() == 0)
        return fail(QStringLiteral("the Services page shows no services"));
    table->selectRow(0);
    m_window.servicesPage()->findChild<QPushButton*>(QStringLiteral("verifyServiceButton"))->click();
    VerifyServiceDialog* verify = nullptr;
    if (!waitUntil([this, &verify] {
            verify = m_window.findChild<VerifyServiceDialog*>();
            return verify && verify->isVisible() && !verify->isRunning();
        }))
        return fail(QStringLiteral("Verify Service did not finish"));
    settle(300);
    shoot(verify, QStringLiteral("verify-service"));
    verify->close();

    // Settings → Network elements, read from the user's settings and closed without saving.
    SettingsDialog settings(&m_window);
    settings.findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentIndex(1);
    settings.elementSettings()->showPage(ElementPage::Mail);
    settings.show();
    settle(300);
    shoot(&settings, QStringLiteral("settings-mail"));
    settings.elementSettings()->showPage(ElementPage::Hss);
    settle(200);
    shoot(&settings, QStringLiteral("settings-hss"));
    settings.reject();
    return true;
}

bool ScreenshotTour::subscriptionsSteps()
{
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    auto prepared = std::make_shared<std::optional<Status>>();
    runAsync(this, m_backend.pool(), [&db, actor] { return prepareSubscriptionExample(db, actor); },
             [prepared](const Status& status) { *prepared = status; });
    if (!waitUntil([prepared] { return prepared->has_value(); }))
        return fail(QStringLiteral("the subscription example was not prepared"));
    const Status& status = **prepared;
    if (!status.ok())
        return fail(status.error.message.englishText() + QLatin1Char(' ') + status.error.detail);

    m_window.showPage(MainWindow::Page::Subscriptions);
    SubscriptionsPage* page = m_window.subscriptionsPage();
    auto* search = page->findChild<QLineEdit*>(QStringLiteral("subscriptionSearch"));
    search->setFocus();
    search->clear();
    typeText(search, tourSubscription);
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(search, &enter);
    if (!waitUntil([page] {
            return !page->isSearching() && !page->isLoading() && page->details() &&
                   page->details()->subscription.number == tourSubscription;
        }))
        return fail(QStringLiteral("the Subscriptions page did not open %1").arg(tourSubscription));
    SubscriptionDetailsPanel* panel = page->detailsPanel();
    QTreeWidget* tree = panel->servicesTree();
    if (tree->topLevelItemCount() > 0)
        tree->setCurrentItem(tree->topLevelItem(0));
    panel->showTab(SubscriptionDetailsPanel::ActionsTab);
    for (const ScheduledAction& action : page->details()->actions)
        if (action.status == ScheduledActionStatus::Scheduled)
            panel->selectAction(action.id);
    settle(300);
    shoot(&m_window, QStringLiteral("subscription"));

    panel->showTab(SubscriptionDetailsPanel::DistributorsTab);
    settle();
    shoot(&m_window, QStringLiteral("subscription-distributors"));
    panel->showTab(SubscriptionDetailsPanel::HistoryTab);
    settle();
    shoot(&m_window, QStringLiteral("subscription-history"));
    return true;
}

// Amend Bundle Services on the demo postpaid IPTV bundle: Select Components filtered by family, the dialog with
// a pending selection, the composition rules, the added components, then broken rules listed in the dialog.
bool ScreenshotTour::amendBundleSteps()
{
    Database& db = m_backend.database();
    auto bundleId = std::make_shared<std::optional<qint64>>();
    runAsync(
        this, m_backend.pool(),
        [&db] { return SubscriptionWorkflow(db).detailsByNumber(QStringLiteral("SUB-100002")); },
        [bundleId](const Result<SubscriptionDetails>& details) {
            const auto bundles = details.ok() ? details->flexibleBundles() : QList<SubscriptionService>();
            *bundleId = bundles.isEmpty() ? 0 : bundles.first().id;
        });
    if (!waitUntil([bundleId] { return bundleId->has_value(); }) || **bundleId == 0)
        return fail(QStringLiteral("SUB-100002 has no flexible bundle"));

    QPointer<AmendBundleDialog> dialog = new AmendBundleDialog(m_backend, **bundleId, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (!waitUntil([dialog] { return dialog && dialog->isLoaded(); }))
        return fail(QStringLiteral("the Amend Bundle Services dialog did not load"));
    dialog->resize(dialog->sizeHint().expandedTo(QSize(1000, 640)));
    settle();

    SelectComponentsDialog* select = dialog->modifyComponents();
    QComboBox* family = select->productFamilyFilter();
    family->setCurrentIndex(family->findText(QStringLiteral("Kids")));
    if (!select->selectProduct(QStringLiteral("Kids Pack")))
        return fail(QStringLiteral("Kids Pack could not be selected"));
    family->setCurrentIndex(0);
    settle();
    shoot(select, QStringLiteral("amend-select-components"));
    select->accept();
    if (dialog->actionTypeCombo()->count() > 0)
        dialog->actionTypeCombo()->setCurrentIndex(0);
    if (dialog->subActionTypeCombo()->count() > 0)
        dialog->subActionTypeCombo()->setCurrentIndex(0);
    dialog->onDateButton()->click();
    settle();
    shoot(dialog, QStringLiteral("amend-pending"));

    dialog->viewComposition();
    if (auto* composition = dialog->findChild<BundleCompositionDialog*>()) {
        settle();
        shoot(composition, QStringLiteral("amend-composition"));
        composition->close();
    }
    ComponentListDialog* added = dialog->viewAddedComponents();
    settle();
    shoot(added, QStringLiteral("amend-added-components"));
    added->close();

    // Sports Extra needs Sports Pack, which SUB-100002 does not have, and 0 days is no schedule.
    select = dialog->modifyComponents();
    select->selectProduct(QStringLiteral("Sports Extra"));
    select->accept();
    dialog->afterDaysButton()->click();
    dialog->daysEdit()->setText(QStringLiteral("0"));
    dialog->submit();
    if (!waitUntil([dialog] { return dialog && !dialog->isSubmitting() && !dialog->problemTexts().isEmpty(); }))
        return fail(QStringLiteral("the amendment's rule messages were not shown"));
    settle();
    shoot(dialog, QStringLiteral("amend-problems"));
    dialog->reject();
    return true;
}

bool ScreenshotTour::customerSteps()
{
    // A demo business customer with sites and contacts, and the customer of the tour's latest order.
    CustomerRepository customers(m_backend.database());
    qint64 businessId = 0;
    for (qint64 id = 1; id < 60 && businessId == 0; ++id) {
        const auto customer = customers.byId(id);
        if (customer && customer->type == CustomerType::Business && !customers.sites(id).isEmpty())
            businessId = id;
    }
    const QList<JobSummary> latestJobs = JobRepository(m_backend.database()).recent(1);
    if (businessId == 0 || latestJobs.isEmpty())
        return fail(QStringLiteral("no demo business customer or no order"));
    m_window.showPage(MainWindow::Page::Customers);
    CustomersPage* page = m_window.customersPage();
    page->search(customers.byId(businessId)->name);
    page->showCustomer(businessId);
    if (!waitUntil([page, businessId] { return page->details() && page->details()->customer.id == businessId && !page->isLoading(); }))
        return fail(QStringLiteral("the business customer did not show"));
    page->showTab(CustomersPage::Tab::SitesAndContacts);
    settle(200);
    shoot(&m_window, QStringLiteral("customer-sites-contacts"));
    const qint64 orderedId = latestJobs.first().job.customerId;
    page->search(latestJobs.first().customerName);
    page->showCustomer(orderedId);
    if (!waitUntil([page, orderedId] { return page->details() && page->details()->customer.id == orderedId && !page->isLoading(); }))
        return fail(QStringLiteral("the customer of the latest order did not show"));
    page->showTab(CustomersPage::Tab::History);
    settle(200);
    shoot(&m_window, QStringLiteral("customer-history"));
    page->showTab(CustomersPage::Tab::Services);

    CreateCustomerDialog* dialog = page->openCreateCustomer(QStringLiteral("Quay Fisheries"));
    dialog->findChild<QComboBox*>(QStringLiteral("newCustomerTypeCombo"))->setCurrentIndex(1);
    typeText(dialog->findChild<QLineEdit*>(QStringLiteral("newCustomerEmailEdit")), QStringLiteral("office@quay"));
    typeText(dialog->findChild<QLineEdit*>(QStringLiteral("billingContactEmailEdit")), QStringLiteral("accounts@quay.example"));
    click(dialog->createButton());
    settle(200);
    shoot(dialog, QStringLiteral("create-customer-problems"));
    dialog->reject();
    settle();
    return true;
}

// Seed 000's special cases: the business details of an order for a demo company (before its PO number is filled
// in), and "Which service should receive this add-on?" for a customer with two mobile services.
bool ScreenshotTour::specialCasesSteps()
{
    CatalogPage* catalog = m_window.catalogPage();
    m_window.showPage(MainWindow::Page::Catalog);
    catalog->setFilter(ProductCategory::ServicePlan, CustomerType::Business);
    if (!waitUntil([catalog] { return !catalog->isLoading(); }))
        return fail(QStringLiteral("the business catalog did not load"));
    AssignPlanDialog* dialog = openAssignDialog(QStringLiteral("mobile-business-50gb"));
    if (!dialog || !chooseCustomer(dialog, QStringLiteral("Johnson Ent"), false) || !pickInventory(dialog))
        return false;
    click(dialog->findChild<QPushButton*>(QStringLiteral("nextButton")));
    click(dialog->autoRenewStep()->yesButton());
    BusinessDetailsStep* business = dialog->businessStep();
    if (dialog->currentStep() != business || !waitUntil([business] { return !business->isLoading(); }))
        return fail(QStringLiteral("the business details step did not load"));
    settle();
    shoot(dialog, QStringLiteral("business-details"));
    dialog->reject();

    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    auto prepared = std::make_shared<std::optional<Status>>();
    runAsync(this, m_backend.pool(), [&db, actor] { return prepareSecondMobileService(db, actor); },
             [prepared](const Status& status) { *prepared = status; });
    if (!waitUntil([prepared] { return prepared->has_value(); }, 90000))
        return fail(QStringLiteral("the second mobile service was not prepared"));
    if (!(*prepared)->ok())
        return fail((*prepared)->error.message.englishText() + QLatin1Char(' ') + (*prepared)->error.detail);

    catalog->setFilter(ProductCategory::Addon, CustomerType::Individual);
    if (!waitUntil([catalog] { return !catalog->isLoading(); }))
        return fail(QStringLiteral("the add-on catalog did not load"));
    dialog = openAssignDialog(QStringLiteral("addon-data-5gb"));
    if (!dialog || !chooseCustomer(dialog, QStringLiteral("John"), false))
        return false;
    AddonTargetStep* target = dialog->addonTargetStep();
    if (dialog->currentStep() != target || !waitUntil([target] { return !target->isLoading(); }) ||
        target->services().size() < 2)
        return fail(QStringLiteral("the add-on prompt did not offer two services"));
    settle();
    shoot(dialog, QStringLiteral("addon-service"));
    dialog->reject();
    catalog->setFilter(ProductCategory::ServicePlan, CustomerType::Individual);
    return waitUntil([catalog] { return !catalog->isLoading(); }) || fail(QStringLiteral("catalog reload"));
}

// File > Import CSV… with a file of five rows, three of them wrong: the dry run's errors with their lines.
bool ScreenshotTour::importCsvSteps()
{
    Database& db = m_backend.database();
    auto customers = std::make_shared<std::optional<QList<qint64>>>();
    runAsync(
        this, m_backend.pool(),
        [&db] {
            QList<qint64> ids;
            CustomerRepository repository(db);
            for (qint64 id = 1; id <= repository.count() && ids.size() < 4; ++id)
                if (const auto customer = repository.byId(id); customer && customer->type == CustomerType::Individual)
                    ids << id;
            return ids;
        },
        [customers](const QList<qint64>& ids) { *customers = ids; });
    if (!waitUntil([customers] { return customers->has_value(); }) || (*customers)->size() < 4)
        return fail(QStringLiteral("no individual customers for the CSV import"));
    const QList<qint64>& ids = **customers;
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("migration-batch-07.csv"));
    QFile csv(path);
    if (!csv.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1").arg(path));
    csv.write(QStringLiteral("customer,product,auto_renew\n%1,mobile-20gb,yes\nnobody@example.com,mobile-20gb,yes\n"
                             "%2,mobile-5gb,no\n%3,mobile-200gb,yes\n%4,mobile-20gb,maybe\n")
                  .arg(ids.at(0))
                  .arg(ids.at(1))
                  .arg(ids.at(2))
                  .arg(ids.at(3))
                  .toUtf8());
    csv.close();

    ImportCsvDialog* dialog = m_window.importCsv()->openDialog();
    dialog->setFile(path);
    if (!waitUntil([dialog] { return dialog->fileRowCount() >= 0; }))
        return fail(QStringLiteral("the import dialog did not count the rows"));
    click(dialog->findChild<QPushButton*>(QStringLiteral("validateButton")));
    if (!waitUntil([dialog] { return dialog->dryRun().has_value() && !dialog->isBusy(); }, 30000))
        return fail(QStringLiteral("the dry run did not finish"));
    if (dialog->findChild<QTableWidget*>(QStringLiteral("dryRunErrorTable"))->rowCount() < 2)
        return fail(QStringLiteral("the dry run found no errors in the tour's CSV"));
    dialog->resize(860, 560);
    settle(300);
    shoot(dialog, QStringLiteral("import-csv-errors"));
    dialog->close();
    return true;
}

bool ScreenshotTour::waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void ScreenshotTour::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

bool ScreenshotTour::fail(const QString& what)
{
    QTextStream(stderr) << "screenshot tour: " << what << Qt::endl;
    return false;
}

void ScreenshotTour::shoot(QWidget* widget, const QString& step, QWidget* overlay, QWidget* anchor)
{
    QPixmap pixmap = widget->grab();
    if (overlay && anchor && overlay->isVisible()) {
        // A drop-down list is a window of its own: paint it where it drops down, below its anchor.
        const QPoint offset = anchor->mapTo(widget, QPoint(0, anchor->height()));
        QPainter painter(&pixmap);
        painter.drawPixmap(offset, overlay->grab());
    }
    const QString name = QStringLiteral("%1/%2-%3-%4.png")
                             .arg(m_directory)
                             .arg(++m_counter, 2, 10, QLatin1Char('0'))
                             .arg(step, m_languages.current());
    if (!pixmap.save(name))
        fail(QStringLiteral("cannot write %1").arg(name));
    else
        QTextStream(stdout) << name << Qt::endl;
}

void ScreenshotTour::typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &release);
    }
}

void ScreenshotTour::click(QWidget* button)
{
    if (auto* abstractButton = qobject_cast<QAbstractButton*>(button))
        abstractButton->click();
    QCoreApplication::processEvents();
}

} // namespace sb
