#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QListWidget;

namespace sb {

class Backend;
class CreateCustomerDialog;
class CustomerSearcher;

// An editable search line with a drop-down list of matching customers ("Search Customers: [John ▼]").
// Typing searches by name, ID, email or phone while the user types; Up/Down/Enter or a click picks one.
// When nothing matches, the list shows "Customer not found" with the seed's hints and a "Create customer…" row
// that opens Create Customer with the typed text filled in; the created customer is then chosen.
class CustomerSearchCombo : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerSearchCombo(Backend& backend, QWidget* parent = nullptr);

    QLineEdit* lineEdit() const { return m_edit; }
    QListWidget* resultsList() const { return m_popup; }
    std::optional<Customer> customer() const { return m_chosen; }
    void setCustomer(const Customer& customer); // shows it as chosen, without searching
    void clear();
    bool isSearching() const;
    // Selects the row-th matching customer (as a click would). Returns false when there is no such row.
    bool chooseRow(int row);
    // Create Customer, prefilled with what was typed (window-modal; returned for the caller to watch).
    CreateCustomerDialog* openCreateCustomer();

signals:
    void customerChosen(const sb::Customer& customer);
    void customerCleared();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onTextEdited(const QString& text);
    void showResults(const QString& query, const QList<Customer>& customers);
    void showError(const Error& error);
    void fillPopup();
    void showPopup();
    void moveSelection(int delta);
    bool handleKey(QKeyEvent* event);

    Backend& m_backend;
    CustomerSearcher* m_searcher;
    QLineEdit* m_edit;
    QListWidget* m_popup;
    QList<Customer> m_results;
    QString m_query;              // the query m_results answer
    std::optional<Error> m_error; // a failed search, shown in the list
    std::optional<Customer> m_chosen;
};

} // namespace sb
