#include "SubscriptionsPage.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "SubscriptionDetailsPanel.h"
#include "SubscriptionSearcher.h"
#include "SubscriptionTableModel.h"
#include "workflows/AmendBundleWorkflow.h"
#include "workflows/Backend.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {

SubscriptionsPage::SubscriptionsPage(Backend& backend, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_searcher(new SubscriptionSearcher(backend, this)),
      m_resultsModel(new SubscriptionTableModel(this)), m_titleLabel(new QLabel(this)),
      m_searchEdit(new QLineEdit(this)), m_resultsCaption(new QLabel(this)), m_resultsTable(new QTableView(this)),
      m_errorLabel(new QLabel(this)), m_detailStack(new QStackedWidget(this)), m_placeholderLabel(new QLabel(this)),
      m_actionPanel(new QGroupBox(this)), m_serviceActionsCaption(new QLabel(this)),
      m_amendButton(new QPushButton(this)), m_amendHint(new QLabel(this)),
      m_detailsPanel(new SubscriptionDetailsPanel(this))
{
    setObjectName(QStringLiteral("subscriptionsPage"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_searchEdit->setObjectName(QStringLiteral("subscriptionSearch"));
    m_searchEdit->setClearButtonEnabled(true);
    m_resultsCaption->setObjectName(QStringLiteral("subscriptionResultsCaption"));
    m_resultsCaption->setWordWrap(true);
    m_resultsTable->setObjectName(QStringLiteral("subscriptionResultsTable"));
    m_resultsTable->setModel(m_resultsModel);
    m_resultsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultsTable->setAlternatingRowColors(true);
    m_resultsTable->setWordWrap(false);
    m_resultsTable->verticalHeader()->hide();
    m_resultsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_resultsTable->horizontalHeader()->setStretchLastSection(true);
    m_errorLabel->setObjectName(QStringLiteral("subscriptionsErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);
    m_actionPanel->setObjectName(QStringLiteral("actionPanel"));
    m_serviceActionsCaption->setObjectName(QStringLiteral("serviceActionsCaption"));
    m_serviceActionsCaption->setWordWrap(true);
    QFont bold = m_serviceActionsCaption->font();
    bold.setBold(true);
    m_serviceActionsCaption->setFont(bold);
    m_amendButton->setObjectName(QStringLiteral("amendBundleButton"));
    m_amendHint->setObjectName(QStringLiteral("amendBundleHint"));
    m_amendHint->setWordWrap(true);
    m_amendHint->setForegroundRole(QPalette::PlaceholderText);

    auto* panelLayout = new QVBoxLayout(m_actionPanel);
    panelLayout->addWidget(m_serviceActionsCaption);
    panelLayout->addWidget(m_amendButton);
    panelLayout->addWidget(m_amendHint);
    panelLayout->addStretch(1);
    m_detailsPanel->setActionPanel(m_actionPanel);
    m_detailStack->addWidget(m_placeholderLabel);
    m_detailStack->addWidget(m_detailsPanel);

    auto* resultsPane = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(resultsPane);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_resultsCaption);
    resultsLayout->addWidget(m_resultsTable, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(resultsPane);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({110, 560});

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_titleLabel);
    titleRow->addSpacing(16);
    titleRow->addWidget(m_searchEdit, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(m_errorLabel);
    layout->addWidget(splitter, 1);

    connect(m_searchEdit, &QLineEdit::textEdited, m_searcher, &SubscriptionSearcher::setQuery);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        m_openFirstResult = true;
        m_searcher->searchNow(m_searchEdit->text());
    });
    connect(m_searcher, &SubscriptionSearcher::resultsReady, this, &SubscriptionsPage::showResults);
    connect(m_searcher, &SubscriptionSearcher::searchFailed, this, [this](const QString&, const Error& error) {
        m_openFirstResult = false;
        showError(error);
    });
    connect(m_resultsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showSubscription(current.data(SubscriptionTableModel::SubscriptionIdRole).toLongLong());
            });
    connect(m_resultsTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        showSubscription(index.data(SubscriptionTableModel::SubscriptionIdRole).toLongLong());
        m_detailsPanel->servicesTree()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_detailsPanel, &SubscriptionDetailsPanel::selectedServiceChanged, this,
            &SubscriptionsPage::updateAmendAction);
    connect(m_detailsPanel, &SubscriptionDetailsPanel::cancelActionRequested, this, &SubscriptionsPage::confirmCancel);
    connect(m_amendButton, &QPushButton::clicked, this, [this] {
        if (m_amendBundleId)
            emit amendBundleRequested(m_amendBundleId);
    });
    setTabOrder(m_searchEdit, m_resultsTable);
    setTabOrder(m_resultsTable, m_amendButton);
    setTabOrder(m_amendButton, m_detailsPanel->servicesTree());
    retranslateUi();
}

void SubscriptionsPage::retranslateUi()
{
    m_titleLabel->setText(tr("Subscriptions"));
    m_searchEdit->setPlaceholderText(tr("Search by subscription number or customer name"));
    m_searchEdit->setToolTip(tr("Press Enter to open the first subscription found."));
    m_placeholderLabel->setText(tr("Search for a subscription, then pick it from the list to see its services, "
                                   "provisioning distributors and scheduled actions."));
    m_actionPanel->setTitle(tr("Action Panel"));
    m_serviceActionsCaption->setText(tr("Subscription Service Related Actions"));
    m_amendButton->setText(tr("&Amend Bundle Services"));
    m_amendButton->setToolTip(tr("Change the components of a Flexible Bundle service, now or on a schedule."));
    m_errorLabel->setText(m_error ? Formatting::error(*m_error) : QString());
    m_resultsModel->retranslate();
    updateResultsCaption();
    updateAmendAction();
    // The panel wraps its texts; it is as wide as its button needs in the current language, and no wider.
    m_actionPanel->setFixedWidth(qMax(190, m_amendButton->sizeHint().width() + 24));
}

void SubscriptionsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SubscriptionsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_searched)
        search(m_searchEdit->text()); // the most recent subscriptions, before anything is typed
    else if (m_shownId)
        refresh(); // a scheduled action may have run while the page was hidden
}

bool SubscriptionsPage::isSearching() const
{
    return m_searcher->isBusy();
}

const std::optional<SubscriptionDetails>& SubscriptionsPage::details() const
{
    return m_detailsPanel->details();
}

void SubscriptionsPage::search(const QString& text)
{
    m_searched = true;
    m_searchEdit->setText(text);
    m_searcher->searchNow(text);
}

void SubscriptionsPage::showResults(const QString& query, const QList<Subscription>& subscriptions)
{
    m_searched = true;
    m_query = query;
    clearError();
    {
        const QSignalBlocker blocker(m_resultsTable->selectionModel());
        m_resultsModel->setSubscriptions(subscriptions);
        const int row = m_resultsModel->rowOf(m_shownId);
        if (row >= 0)
            m_resultsTable->selectRow(row);
    }
    updateResultsCaption();
    if (m_openFirstResult && !subscriptions.isEmpty()) {
        m_resultsTable->selectRow(0); // shows it
        m_detailsPanel->servicesTree()->setFocus(Qt::OtherFocusReason);
    }
    m_openFirstResult = false;
}

void SubscriptionsPage::updateResultsCaption()
{
    const int count = m_resultsModel->rowCount();
    if (count == 0 && !m_query.trimmed().isEmpty())
        m_resultsCaption->setText(tr("No subscription matches “%1”. Check the subscription number (for example "
                                     "SUB-100001) or search by the customer's name.")
                                      .arg(m_query.trimmed()));
    else if (m_query.trimmed().isEmpty())
        m_resultsCaption->setText(tr("Recent subscriptions (%n)", nullptr, count));
    else
        m_resultsCaption->setText(tr("Subscriptions found: %n", nullptr, count));
}

void SubscriptionsPage::showSubscription(qint64 subscriptionId)
{
    if (subscriptionId <= 0)
        return;
    const quint64 sequence = ++m_detailSequence;
    ++m_loading;
    Database& db = m_backend.database();
    runAsync(
        this, m_backend.pool(), [&db, subscriptionId] { return SubscriptionWorkflow(db).details(subscriptionId); },
        [this, sequence](const Result<SubscriptionDetails>& result) {
            --m_loading;
            if (sequence != m_detailSequence)
                return;
            if (result.ok())
                showDetails(result.value());
            else
                showError(result.error());
        });
}

void SubscriptionsPage::refresh()
{
    if (m_shownId)
        showSubscription(m_shownId);
}

void SubscriptionsPage::showDetails(const SubscriptionDetails& details)
{
    if (details.subscription.id != m_shownId) // a refresh keeps the message of what just failed
        clearError();
    m_shownId = details.subscription.id;
    m_detailsPanel->setDetails(details);
    m_resultsModel->updateSubscription(details.subscription);
    m_detailStack->setCurrentWidget(m_detailsPanel);
    updateAmendAction();
}

void SubscriptionsPage::setAmendAllowed(bool allowed, const QString& refusal)
{
    m_amendAllowed = allowed;
    m_amendRefusal = refusal;
    m_detailsPanel->setCancelAllowed(allowed, refusal);
    updateAmendAction();
}

void SubscriptionsPage::updateAmendAction()
{
    m_amendBundleId = 0;
    const std::optional<SubscriptionDetails>& details = m_detailsPanel->details();
    QString hint;
    if (!details) {
        hint = tr("Open a subscription first.");
    } else if (!isAmendable(details->subscription.state)) {
        hint = tr("Only subscriptions in Draft, Effective or Not Effective state can be amended; this one is %1.")
                   .arg(displayName(details->subscription.state));
    } else {
        const QList<SubscriptionService> bundles = details->flexibleBundles();
        const qint64 selectedId = m_detailsPanel->selectedServiceId();
        const SubscriptionService* chosen = nullptr;
        for (const SubscriptionService& bundle : bundles) {
            // A selected component stands for its bundle.
            const bool selected =
                bundle.id == selectedId ||
                std::any_of(details->services.cbegin(), details->services.cend(), [&](const SubscriptionService& s) {
                    return s.id == selectedId && s.parentServiceId == bundle.id;
                });
            if (selected)
                chosen = &bundle;
        }
        if (!chosen && bundles.size() == 1)
            chosen = &bundles.first();
        if (bundles.isEmpty())
            hint = tr("This subscription has no Flexible Bundle service.");
        else if (!chosen)
            hint = tr("Select the Flexible Bundle service to amend.");
        else if (!m_amendAllowed)
            hint = m_amendRefusal;
        else {
            m_amendBundleId = chosen->id;
            hint = tr("Amends %1.").arg(chosen->name);
        }
    }
    m_amendButton->setEnabled(m_amendBundleId != 0);
    m_amendHint->setText(hint);
}

void SubscriptionsPage::confirmCancel(qint64 actionId)
{
    const std::optional<SubscriptionDetails>& details = m_detailsPanel->details();
    if (!details || m_cancelling)
        return;
    QString summary;
    for (const ScheduledAction& action : details->actions)
        if (action.id == actionId)
            summary = tr("%1, due %2").arg(action.behaviorCode, Formatting::dateTime(action.dueMs));
    auto* box = new QMessageBox(QMessageBox::Question, tr("Cancel Scheduled Action"),
                                tr("Cancel the scheduled action %1 (%2)? It will not run, and nothing it would have "
                                   "changed is changed.")
                                    .arg(actionId)
                                    .arg(summary),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("cancelScheduledConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(tr("Cancel Action"), QMessageBox::YesRole);
    yes->setObjectName(QStringLiteral("confirmCancelButton"));
    QPushButton* no = box->addButton(tr("Keep Action"), QMessageBox::NoRole);
    no->setObjectName(QStringLiteral("keepActionButton"));
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    connect(box, &QMessageBox::finished, this, [this, box, yes, actionId] {
        if (box->clickedButton() == yes)
            cancelAction(actionId);
    });
    box->open();
}

void SubscriptionsPage::cancelAction(qint64 actionId)
{
    m_cancelling = true;
    m_detailsPanel->setBusy(true);
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    runAsync(
        this, m_backend.pool(),
        [&db, actionId, actor] { return AmendBundleWorkflow(db).cancelScheduled(actionId, actor); },
        [this](const Status& status) {
            m_cancelling = false;
            m_detailsPanel->setBusy(false);
            if (!status.ok())
                showError(status.error);
            refresh();
        });
}

void SubscriptionsPage::showError(const Error& error)
{
    m_error = error;
    m_errorLabel->setText(Formatting::error(error));
    m_errorLabel->show();
}

void SubscriptionsPage::clearError()
{
    m_error.reset();
    m_errorLabel->hide();
}

} // namespace sb
