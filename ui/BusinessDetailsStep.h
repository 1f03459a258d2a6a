#pragma once

#include "AssignDraft.h"
#include "domain/UserMessage.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;

namespace sb {

class Backend;

// Seed 000, "Provisioning for Business Customers": "Select Installation Site:", "Billing Contact:",
// "Technical Contact:" and the custom fields (PO number, cost centre...) the product or customer type asks for.
// The customer's sites, contacts and fields are read off the GUI thread; the rules that decide whether the order
// can go ahead are BusinessRules', and their sentences are shown under the form.
class BusinessDetailsStep : public QWidget
{
    Q_OBJECT

public:
    BusinessDetailsStep(Backend& backend, const Product& product, QWidget* parent = nullptr);

    void load(const Customer& customer); // reads this customer's sites, contacts and the order's fields
    qint64 customerId() const { return m_customer ? m_customer->id : 0; }
    bool isLoading() const { return m_loading; }
    bool isReady() const; // loaded, and BusinessRules has nothing against the details
    BusinessDetails details() const;
    void fillDraft(AssignDraft* draft) const; // the details and their names, for the review and the submit
    QStringList problemTexts() const;         // what the step shows under the form, in the current language

    QComboBox* siteCombo() const { return m_siteCombo; }
    QComboBox* billingCombo() const { return m_billingCombo; }
    QComboBox* technicalCombo() const { return m_technicalCombo; }
    QWidget* fieldEditor(const QString& key) const; // QLineEdit (text, number) or QDateEdit (date); null if not asked
    QLabel* fieldLabel(const QString& key) const;
    void focusFirst();

signals:
    void readyChanged(bool ready);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct FieldRow
    {
        CustomFieldDefinition definition;
        QLabel* label = nullptr;
        QWidget* editor = nullptr;
    };

    void retranslateUi();
    void showOptions(const QList<Site>& sites, const QList<Contact>& contacts,
                     const QList<CustomFieldDefinition>& fields);
    void clearFields();
    QWidget* createEditor(const CustomFieldDefinition& field);
    QString fieldValue(const FieldRow& row) const;
    void update(); // recomputes the problems and tells the dialog
    static qint64 chosenId(const QComboBox* combo);

    Backend& m_backend;
    Product m_product;
    std::optional<Customer> m_customer;
    QList<Site> m_sites;
    QList<Contact> m_contacts;
    QList<FieldRow> m_fields;
    std::optional<Error> m_loadError;
    QList<UserMessage> m_problems;
    quint64 m_sequence = 0;
    bool m_loading = false;
    bool m_loaded = false;

    QLabel* m_titleLabel;
    QLabel* m_hintLabel;
    QFormLayout* m_form;
    QLabel* m_siteLabel;
    QComboBox* m_siteCombo;
    QLabel* m_billingLabel;
    QComboBox* m_billingCombo;
    QLabel* m_technicalLabel;
    QComboBox* m_technicalCombo;
    QLabel* m_requiredNote;
    QLabel* m_statusLabel;
};

} // namespace sb
