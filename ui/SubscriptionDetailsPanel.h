#pragma once

#include "workflows/SubscriptionWorkflow.h"

#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace sb {

// The data entry view of one subscription: its header (number, customer, life cycle state, payment type, wallet
// balance), its services as a tree (flexible bundles with their components, removed ones greyed), and tabs with
// the dated life cycle history of the selected service, the provisioning distributors and the scheduled actions.
// It only shows what it is given; the page loads the details and carries out a cancellation.
class SubscriptionDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Tab { HistoryTab, DistributorsTab, ActionsTab };
    static constexpr int ServiceIdRole = Qt::UserRole + 1;
    static constexpr int ActionIdRole = Qt::UserRole + 2;

    explicit SubscriptionDetailsPanel(QWidget* parent = nullptr);

    // Keeps the selected service and action when they are still there.
    void setDetails(const SubscriptionDetails& details);
    const std::optional<SubscriptionDetails>& details() const { return m_details; }
    qint64 selectedServiceId() const; // 0: none
    void selectService(qint64 serviceId);
    qint64 selectedActionId() const; // 0: none
    void selectAction(qint64 actionId);
    void showTab(Tab tab);
    // Cancelling needs the right to amend bundles; a refusal explains itself in the button's tooltip.
    void setCancelAllowed(bool allowed, const QString& refusal = {});
    void setBusy(bool busy); // a cancellation is running
    QTreeWidget* servicesTree() const { return m_servicesTree; }
    // The page's Action Panel, shown to the left of the services and tabs, below the header.
    void setActionPanel(QWidget* actionPanel);

signals:
    void selectedServiceChanged(qint64 serviceId);
    void cancelActionRequested(qint64 actionId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fill();
    void fillHeader();
    void fillServices();
    void fillHistory();
    void fillDistributors();
    void fillActions();
    void updateCancelButton();
    const SubscriptionService* service(qint64 serviceId) const;
    const ScheduledAction* action(qint64 actionId) const;
    QString serviceState(const SubscriptionService& service) const;

    QLabel* m_numberLabel;
    QLabel* m_customerCaption;
    QLabel* m_customerValue;
    QLabel* m_stateCaption;
    QLabel* m_stateValue;
    QLabel* m_paymentCaption;
    QLabel* m_paymentValue;
    QLabel* m_walletCaption;
    QLabel* m_walletValue;
    QLabel* m_servicesCaption;
    QTreeWidget* m_servicesTree;
    QTabWidget* m_tabs;
    QLabel* m_historyCaption;
    QTableWidget* m_historyTable;
    QTableWidget* m_distributorsTable;
    QTableWidget* m_actionsTable;
    QPushButton* m_cancelButton;
    QHBoxLayout* m_bodyLayout;

    std::optional<SubscriptionDetails> m_details;
    qint64 m_nowMs = 0; // when the details were shown: the moment their states are read at
    bool m_cancelAllowed = false;
    QString m_cancelRefusal;
    bool m_busy = false;
};

} // namespace sb
