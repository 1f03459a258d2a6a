#include "SubscriptionDetailsPanel.h"

#include "DetailLabels.h"
#include "Formatting.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {
namespace {

enum ServiceColumn {
    ServiceNameColumn,
    ProductTypeColumn,
    ProductFamilyColumn,
    ServiceStateColumn,
    ServiceColumnCount
};
enum HistoryColumn { HistoryStateColumn, HistoryFromColumn, HistoryToColumn, HistoryByColumn, HistoryColumnCount };
// The long lists last, where a narrow window scrolls them rather than the short columns.
enum DistributorColumn {
    DistributorKindColumn,
    DistributorSerialColumn,
    DistributorStatusColumn,
    DistributorItemsColumn,
    DistributorServicesColumn,
    DistributorColumnCount
};
enum ActionColumn {
    ActionBehaviorColumn,
    ActionDueColumn,
    ActionStatusColumn,
    ActionPerformedByColumn,
    ActionTypeColumn,
    ActionServiceColumn,
    ActionColumnCount
};

QTableWidget* table(QWidget* parent, const char* objectName, int columns)
{
    auto* widget = new QTableWidget(0, columns, parent);
    widget->setObjectName(QString::fromLatin1(objectName));
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setSelectionMode(QAbstractItemView::SingleSelection);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setAlternatingRowColors(true);
    widget->setWordWrap(false);
    widget->verticalHeader()->hide();
    // Every column as wide as its text (scroll sideways when the window is narrow); never cut a value. A
    // stretched last column would be elided instead of scrolled to.
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    widget->horizontalHeader()->setStretchLastSection(false);
    return widget;
}

QTableWidgetItem* cell(const QString& text, const QString& toolTip = {})
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(toolTip.isEmpty() ? text : toolTip);
    return item;
}

QColor statusColor(ScheduledActionStatus status)
{
    switch (status) {
    case ScheduledActionStatus::Scheduled:
        return QColor(0x1a, 0x5f, 0xb4);
    case ScheduledActionStatus::Completed:
        return QColor(0x1b, 0x7f, 0x3b);
    case ScheduledActionStatus::Failed:
        return QColor(0xb3, 0x26, 0x1e);
    case ScheduledActionStatus::Cancelled:
        break;
    }
    return {};
}

} // namespace

SubscriptionDetailsPanel::SubscriptionDetailsPanel(QWidget* parent)
    : QWidget(parent), m_numberLabel(new QLabel(this)), m_customerCaption(captionLabel(this)),
      m_customerValue(valueLabel(this, QStringLiteral("subscriptionCustomerValue"))), m_stateCaption(captionLabel(this)),
      m_stateValue(valueLabel(this, QStringLiteral("subscriptionStateValue"))), m_paymentCaption(captionLabel(this)),
      m_paymentValue(valueLabel(this, QStringLiteral("subscriptionPaymentValue"))), m_walletCaption(captionLabel(this)),
      m_walletValue(valueLabel(this, QStringLiteral("subscriptionWalletValue"))), m_servicesCaption(captionLabel(this)),
      m_servicesTree(new QTreeWidget(this)), m_tabs(new QTabWidget(this)), m_historyCaption(new QLabel(this)),
      m_historyTable(table(this, "lifecycleHistoryTable", HistoryColumnCount)),
      m_distributorsTable(table(this, "distributorsTable", DistributorColumnCount)),
      m_actionsTable(table(this, "scheduledActionsTable", ActionColumnCount)), m_cancelButton(new QPushButton(this)),
      m_bodyLayout(new QHBoxLayout)
{
    setObjectName(QStringLiteral("subscriptionDetailsPanel"));
    m_numberLabel->setObjectName(QStringLiteral("subscriptionNumberLabel"));
    QFont numberFont = m_numberLabel->font();
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.25);
    numberFont.setBold(true);
    m_numberLabel->setFont(numberFont);
    m_numberLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_servicesTree->setObjectName(QStringLiteral("subscriptionServicesTree"));
    m_servicesTree->setColumnCount(ServiceColumnCount);
    m_servicesTree->setRootIsDecorated(true);
    m_servicesTree->setUniformRowHeights(true);
    m_servicesTree->setAlternatingRowColors(true);
    m_servicesTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_servicesTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_servicesTree->header()->setStretchLastSection(false);
    m_historyCaption->setObjectName(QStringLiteral("lifecycleHistoryCaption"));
    m_cancelButton->setObjectName(QStringLiteral("cancelScheduledButton"));
    m_tabs->setObjectName(QStringLiteral("subscriptionDetailTabs"));

    auto* header = new QGridLayout;
    header->addWidget(m_customerCaption, 0, 0);
    header->addWidget(m_customerValue, 0, 1);
    header->addWidget(m_paymentCaption, 0, 2);
    header->addWidget(m_paymentValue, 0, 3);
    header->addWidget(m_stateCaption, 1, 0);
    header->addWidget(m_stateValue, 1, 1);
    header->addWidget(m_walletCaption, 1, 2);
    header->addWidget(m_walletValue, 1, 3);
    header->setColumnStretch(1, 1);
    header->setColumnStretch(3, 1);
    header->setHorizontalSpacing(12);

    auto* historyPage = new QWidget(m_tabs);
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->addWidget(m_historyCaption);
    historyLayout->addWidget(m_historyTable, 1);
    auto* actionsPage = new QWidget(m_tabs);
    auto* actionsLayout = new QVBoxLayout(actionsPage);
    actionsLayout->addWidget(m_actionsTable, 1);
    auto* actionButtons = new QHBoxLayout;
    actionButtons->addStretch(1);
    actionButtons->addWidget(m_cancelButton);
    actionsLayout->addLayout(actionButtons);
    m_tabs->addTab(historyPage, QString());
    m_tabs->addTab(m_distributorsTable, QString());
    m_tabs->addTab(actionsPage, QString());

    auto* servicesPane = new QWidget(this);
    auto* servicesLayout = new QVBoxLayout(servicesPane);
    servicesLayout->setContentsMargins(0, 0, 0, 0);
    servicesLayout->addWidget(m_servicesCaption);
    servicesLayout->addWidget(m_servicesTree, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(servicesPane);
    splitter->addWidget(m_tabs);
    splitter->setSizes({190, 190});

    m_bodyLayout->setContentsMargins(0, 0, 0, 0);
    m_bodyLayout->addWidget(splitter, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_numberLabel);
    layout->addLayout(header);
    layout->addLayout(m_bodyLayout, 1);

    connect(m_servicesTree, &QTreeWidget::currentItemChanged, this, [this] {
        fillHistory();
        emit selectedServiceChanged(selectedServiceId());
    });
    connect(m_actionsTable, &QTableWidget::currentCellChanged, this, [this] { updateCancelButton(); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedActionId())
            emit cancelActionRequested(id);
    });
    setTabOrder(m_servicesTree, m_tabs);
    setTabOrder(m_tabs, m_historyTable);
    setTabOrder(m_historyTable, m_distributorsTable);
    setTabOrder(m_distributorsTable, m_actionsTable);
    setTabOrder(m_actionsTable, m_cancelButton);
    retranslateUi();
}

void SubscriptionDetailsPanel::setActionPanel(QWidget* actionPanel)
{
    m_bodyLayout->insertWidget(0, actionPanel);
}

void SubscriptionDetailsPanel::retranslateUi()
{
    m_customerCaption->setText(tr("Customer:"));
    m_stateCaption->setText(tr("Life cycle state:"));
    m_paymentCaption->setText(tr("Payment type:"));
    m_walletCaption->setText(tr("Wallet balance:"));
    m_servicesCaption->setText(tr("Subscription Services"));
    m_servicesTree->setHeaderLabels({tr("Service"), tr("Product Type"), tr("Product Family"), tr("Life Cycle State")});
    m_servicesTree->setToolTip(tr("Select a service to see its life cycle history. Removed components are greyed."));
    m_historyTable->setHorizontalHeaderLabels({tr("State"), tr("From"), tr("Until"), tr("Changed By")});
    m_distributorsTable->setHorizontalHeaderLabels(
        {tr("Distributor"), tr("Serial Number"), tr("Status"), tr("Installed Items"), tr("Distributed Services")});
    m_actionsTable->setHorizontalHeaderLabels(
        {tr("Behavior Code"), tr("Due Time"), tr("Status"), tr("Performed By"), tr("Action Type"), tr("Service")});
    m_tabs->setTabText(HistoryTab, tr("History"));
    m_tabs->setTabToolTip(HistoryTab, tr("The dated life cycle states of the selected service"));
    m_tabs->setTabText(DistributorsTab, tr("Provisioning Distributors"));
    m_cancelButton->setText(tr("Cancel Scheduled Action"));
    fill();
}

void SubscriptionDetailsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SubscriptionDetailsPanel::setDetails(const SubscriptionDetails& details)
{
    const bool sameSubscription = m_details && m_details->subscription.id == details.subscription.id;
    const qint64 serviceId = sameSubscription ? selectedServiceId() : 0;
    const qint64 actionId = sameSubscription ? selectedActionId() : 0;
    m_details = details;
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    fill();
    if (serviceId)
        selectService(serviceId);
    if (actionId)
        selectAction(actionId);
}

void SubscriptionDetailsPanel::fill()
{
    const QSignalBlocker blocker(m_servicesTree);
    fillHeader();
    fillServices();
    fillHistory();
    fillDistributors();
    fillActions();
}

const SubscriptionService* SubscriptionDetailsPanel::service(qint64 serviceId) const
{
    if (!m_details)
        return nullptr;
    for (const SubscriptionService& s : m_details->services)
        if (s.id == serviceId)
            return &s;
    return nullptr;
}

const ScheduledAction* SubscriptionDetailsPanel::action(qint64 actionId) const
{
    if (!m_details)
        return nullptr;
    for (const ScheduledAction& a : m_details->actions)
        if (a.id == actionId)
            return &a;
    return nullptr;
}

QString SubscriptionDetailsPanel::serviceState(const SubscriptionService& service) const
{
    const StateAt at = service.stateAt(m_nowMs);
    if (at.known)
        return displayName(at.state);
    if (!service.isCurrent())
        return displayName(LifecycleState::Removed);
    return tr("Unknown");
}

void SubscriptionDetailsPanel::fillHeader()
{
    if (!m_details)
        return;
    const Subscription& subscription = m_details->subscription;
    m_numberLabel->setText(tr("Subscription %1").arg(subscription.number));
    Customer customer;
    customer.id = subscription.customerId;
    customer.name = subscription.customerName;
    m_customerValue->setText(Formatting::customer(customer));
    QString state = displayName(subscription.state);
    for (const StatePeriod& period : subscription.history)
        if (period.covers(m_nowMs) && period.state == subscription.state)
            state = tr("%1 since %2").arg(displayName(period.state), Formatting::dateTime(period.fromMs));
    m_stateValue->setText(state);
    m_paymentValue->setText(displayName(subscription.paymentType));
    const bool showWallet = subscription.paymentType == PaymentType::Prepaid;
    m_walletCaption->setVisible(showWallet);
    m_walletValue->setVisible(showWallet);
    if (m_details->hasWallet) {
        m_walletValue->setText(m_details->wallet.balance.format(QLocale()));
        QStringList ledger;
        for (const WalletEntry& entry : m_details->wallet.entries)
            ledger << tr("%1  %2  %3")
                          .arg(Formatting::dateTime(entry.createdMs), entry.amount.format(QLocale()), entry.reason);
        m_walletValue->setToolTip(ledger.join(QLatin1Char('\n')));
    } else {
        m_walletValue->setText(tr("No wallet"));
        m_walletValue->setToolTip({});
    }
}

void SubscriptionDetailsPanel::fillServices()
{
    const qint64 selected = selectedServiceId();
    m_servicesTree->clear();
    if (!m_details)
        return;
    const QBrush greyed = palette().brush(QPalette::Disabled, QPalette::Text);
    QHash<qint64, QTreeWidgetItem*> items;
    auto addItem = [&](const SubscriptionService& s, QTreeWidgetItem* parent) {
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_servicesTree);
        item->setData(ServiceNameColumn, ServiceIdRole, s.id);
        item->setText(ServiceNameColumn, s.name);
        item->setText(ProductTypeColumn, s.product.productType);
        item->setText(ProductFamilyColumn, s.product.productFamily);
        item->setText(ServiceStateColumn, serviceState(s));
        QStringList history;
        for (const StatePeriod& period : s.history)
            history << tr("%1: %2 – %3")
                           .arg(displayName(period.state), Formatting::dateTime(period.fromMs),
                                period.toMs ? Formatting::dateTime(period.toMs) : QString());
        const QString tip =
            s.product.isFlexibleBundle() ? tr("Flexible Bundle: %1").arg(s.product.name) : s.product.name;
        for (int column = 0; column < ServiceColumnCount; ++column)
            item->setToolTip(column, QStringList{tip, history.join(QLatin1Char('\n'))}.join(QLatin1Char('\n')));
        if (s.product.isFlexibleBundle()) {
            QFont bold = item->font(ServiceNameColumn);
            bold.setBold(true);
            item->setFont(ServiceNameColumn, bold);
        }
        if (!s.isCurrent())
            for (int column = 0; column < ServiceColumnCount; ++column)
                item->setForeground(column, greyed);
        items.insert(s.id, item);
    };
    for (const SubscriptionService& s : m_details->services)
        if (s.parentServiceId == 0)
            addItem(s, nullptr);
    // Current components first, then the removed ones, each in the order they were added.
    for (const bool current : {true, false})
        for (const SubscriptionService& s : m_details->services)
            if (s.parentServiceId != 0 && s.isCurrent() == current)
                addItem(s, items.value(s.parentServiceId, nullptr));
    m_servicesTree->expandAll();
    if (QTreeWidgetItem* item = items.value(selected, nullptr))
        m_servicesTree->setCurrentItem(item);
}

void SubscriptionDetailsPanel::fillHistory()
{
    m_historyTable->setRowCount(0);
    if (!m_details)
        return;
    const SubscriptionService* selected = service(selectedServiceId());
    const QList<StatePeriod>& history = selected ? selected->history : m_details->subscription.history;
    m_historyCaption->setText(selected ? tr("Life cycle history of the service %1").arg(selected->name)
                                       : tr("Life cycle history of the subscription %1 (select a service to see "
                                            "its own)")
                                             .arg(m_details->subscription.number));
    m_historyTable->setRowCount(int(history.size()));
    for (int row = 0; row < history.size(); ++row) {
        const StatePeriod& period = history.at(row);
        m_historyTable->setItem(row, HistoryStateColumn, cell(displayName(period.state)));
        m_historyTable->setItem(row, HistoryFromColumn, cell(Formatting::dateTime(period.fromMs)));
        m_historyTable->setItem(row, HistoryToColumn,
                                cell(period.toMs ? Formatting::dateTime(period.toMs) : tr("Open-ended")));
        m_historyTable->setItem(row, HistoryByColumn, cell(period.changedBy));
        if (period.covers(m_nowMs)) {
            QFont bold = m_historyTable->font();
            bold.setBold(true);
            for (int column = 0; column < HistoryColumnCount; ++column)
                m_historyTable->item(row, column)->setFont(bold);
        }
    }
}

void SubscriptionDetailsPanel::fillDistributors()
{
    m_distributorsTable->setRowCount(0);
    if (!m_details)
        return;
    const QBrush greyed = palette().brush(QPalette::Disabled, QPalette::Text);
    m_distributorsTable->setRowCount(int(m_details->distributors.size()));
    for (int row = 0; row < m_details->distributors.size(); ++row) {
        const Distributor& d = m_details->distributors.at(row);
        const QString kind = d.isSetTopBox()                        ? tr("Set-top box")
                             : d.kind == QLatin1String("smartcard") ? tr("Smartcard")
                                                                    : d.kind;
        QStringList services;
        for (const qint64 id : d.serviceIds)
            if (const SubscriptionService* s = service(id))
                services << s->name;
        m_distributorsTable->setItem(row, DistributorKindColumn, cell(kind));
        m_distributorsTable->setItem(row, DistributorSerialColumn, cell(d.serial));
        m_distributorsTable->setItem(row, DistributorServicesColumn,
                                     cell(services.join(QStringLiteral(", ")), services.join(QLatin1Char('\n'))));
        m_distributorsTable->setItem(row, DistributorItemsColumn, cell(d.installedItems.join(QStringLiteral(", "))));
        m_distributorsTable->setItem(
            row, DistributorStatusColumn,
            cell(d.removedMs ? tr("Removed %1").arg(Formatting::dateTime(d.removedMs)) : tr("In use")));
        if (d.removedMs)
            for (int column = 0; column < DistributorColumnCount; ++column)
                m_distributorsTable->item(row, column)->setForeground(greyed);
    }
}

void SubscriptionDetailsPanel::fillActions()
{
    const qint64 selected = selectedActionId();
    const QSignalBlocker blocker(m_actionsTable);
    m_actionsTable->setRowCount(0);
    int scheduled = 0;
    if (m_details) {
        m_actionsTable->setRowCount(int(m_details->actions.size()));
        for (int row = 0; row < m_details->actions.size(); ++row) {
            const ScheduledAction& a = m_details->actions.at(row);
            if (a.status == ScheduledActionStatus::Scheduled)
                ++scheduled;
            QStringList types;
            for (const QString& type : {a.actionType, a.subActionType})
                if (!type.isEmpty())
                    types << type;
            const SubscriptionService* s = service(a.serviceId);
            QStringList statusTip{displayName(a.status)};
            if (a.finishedMs)
                statusTip << tr("Finished %1").arg(Formatting::dateTime(a.finishedMs));
            for (const UserMessage& message : a.failureMessages())
                statusTip << message.text();
            auto* behavior = cell(a.behaviorCode, tr("Behavior code %1, business classification code %2")
                                                      .arg(a.behaviorCode, a.businessClassificationCode));
            behavior->setData(ActionIdRole, a.id);
            m_actionsTable->setItem(row, ActionBehaviorColumn, behavior);
            m_actionsTable->setItem(row, ActionTypeColumn, cell(types.join(QStringLiteral(" / "))));
            m_actionsTable->setItem(row, ActionServiceColumn, cell(s ? s->name : QString()));
            m_actionsTable->setItem(row, ActionDueColumn, cell(Formatting::dateTime(a.dueMs)));
            auto* status = cell(displayName(a.status), statusTip.join(QLatin1Char('\n')));
            if (const QColor color = statusColor(a.status); color.isValid())
                status->setForeground(color);
            m_actionsTable->setItem(row, ActionStatusColumn, status);
            m_actionsTable->setItem(
                row, ActionPerformedByColumn,
                cell(a.performedBy, tr("Performed by %1 on %2, requested by %3")
                                        .arg(a.performedBy, Formatting::dateTime(a.performedMs), a.requestedBy)));
        }
    }
    m_tabs->setTabText(ActionsTab, tr("Scheduled Actions (%n pending)", nullptr, scheduled));
    if (selected)
        selectAction(selected);
    updateCancelButton();
}

qint64 SubscriptionDetailsPanel::selectedServiceId() const
{
    const QTreeWidgetItem* item = m_servicesTree->currentItem();
    return item ? item->data(ServiceNameColumn, ServiceIdRole).toLongLong() : 0;
}

void SubscriptionDetailsPanel::selectService(qint64 serviceId)
{
    for (QTreeWidgetItemIterator it(m_servicesTree); *it; ++it)
        if ((*it)->data(ServiceNameColumn, ServiceIdRole).toLongLong() == serviceId) {
            m_servicesTree->setCurrentItem(*it);
            return;
        }
}

qint64 SubscriptionDetailsPanel::selectedActionId() const
{
    const int row = m_actionsTable->currentRow();
    const QTableWidgetItem* item = row >= 0 ? m_actionsTable->item(row, ActionBehaviorColumn) : nullptr;
    return item ? item->data(ActionIdRole).toLongLong() : 0;
}

void SubscriptionDetailsPanel::selectAction(qint64 actionId)
{
    for (int row = 0; row < m_actionsTable->rowCount(); ++row)
        if (m_actionsTable->item(row, ActionBehaviorColumn)->data(ActionIdRole).toLongLong() == actionId) {
            m_actionsTable->selectRow(row);
            return;
        }
}

void SubscriptionDetailsPanel::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void SubscriptionDetailsPanel::setCancelAllowed(bool allowed, const QString& refusal)
{
    m_cancelAllowed = allowed;
    m_cancelRefusal = refusal;
    updateCancelButton();
}

void SubscriptionDetailsPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateCancelButton();
}

void SubscriptionDetailsPanel::updateCancelButton()
{
    const ScheduledAction* selected = action(selectedActionId());
    const bool pending = selected && selected->status == ScheduledActionStatus::Scheduled;
    m_cancelButton->setEnabled(pending && m_cancelAllowed && !m_busy);
    if (!m_cancelAllowed)
        m_cancelButton->setToolTip(m_cancelRefusal);
    else if (!pending)
        m_cancelButton->setToolTip(tr("Select a scheduled action that has not run yet."));
    else
        m_cancelButton->setToolTip(tr("Cancel this action before it runs."));
}

} // namespace sb
