#pragma once

#include "domain/UserMessage.h"
#include "workflows/SubscriptionWorkflow.h"

#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace sb {

class Backend;
class SubscriptionDetailsPanel;
class SubscriptionSearcher;
class SubscriptionTableModel;

// Subscriptions (seed 004, Manage Subscriptions): a search by subscription number or customer name with its
// results; the chosen subscription's data entry view with the Action Panel on its left, whose Subscription
// Service Related Actions offer Amend Bundle Services for the selected (or only) Flexible Bundle service.
class SubscriptionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SubscriptionsPage(Backend& backend, QWidget* parent = nullptr);

    void search(const QString& text);
    void showSubscription(qint64 subscriptionId);
    const std::optional<SubscriptionDetails>& details() const;
    SubscriptionDetailsPanel* detailsPanel() const { return m_detailsPanel; }
    bool isLoading() const { return m_loading > 0; }
    bool isSearching() const;
    // The Flexible Bundle service Amend Bundle Services would open, 0 when the action is not available.
    qint64 amendBundleServiceId() const { return m_amendBundleId; }
    // The signed-in user's role: amending bundles and cancelling scheduled actions need Permission::AmendBundle.
    void setAmendAllowed(bool allowed, const QString& refusal = {});

public slots:
    void refresh(); // reloads the shown subscription (after an amendment was submitted)

signals:
    void amendBundleRequested(qint64 bundleServiceId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void showResults(const QString& query, const QList<Subscription>& subscriptions);
    void showDetails(const SubscriptionDetails& details);
    void showError(const Error& error);
    void clearError();
    void updateResultsCaption();
    void updateAmendAction();
    void confirmCancel(qint64 actionId);
    void cancelAction(qint64 actionId);

    Backend& m_backend;
    SubscriptionSearcher* m_searcher;
    SubscriptionTableModel* m_resultsModel;
    QLabel* m_titleLabel;
    QLineEdit* m_searchEdit;
    QLabel* m_resultsCaption;
    QTableView* m_resultsTable;
    QLabel* m_errorLabel;
    QStackedWidget* m_detailStack;
    QLabel* m_placeholderLabel;
    QGroupBox* m_actionPanel;
    QLabel* m_serviceActionsCaption;
    QPushButton* m_amendButton;
    QLabel* m_amendHint;
    SubscriptionDetailsPanel* m_detailsPanel;

    QString m_query;
    bool m_searched = false;
    bool m_openFirstResult = false; // Enter in the search field: open the first result once it is there
    std::optional<Error> m_error;
    qint64 m_shownId = 0;
    quint64 m_detailSequence = 0;
    int m_loading = 0;
    bool m_amendAllowed = false;
    QString m_amendRefusal;
    qint64 m_amendBundleId = 0;
    bool m_cancelling = false;
};

} // namespace sb
