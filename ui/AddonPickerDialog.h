#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sb {

class Backend;

// Seed 000, workflow 3: "Clicks 'Add-ons' next to mobile service → Selects '5GB Data Boost'". Lists the catalog's
// add-ons that fit this service (its service type, the customer's type) with price, one-time or monthly, and
// description; Continue hands the chosen add-on on (the assign dialog in add-on mode follows).
class AddonPickerDialog : public QDialog
{
    Q_OBJECT

public:
    AddonPickerDialog(Backend& backend, const Customer& customer, const Service& service, QWidget* parent = nullptr);

    bool isLoading() const { return m_loading; }
    QList<Product> addons() const { return m_addons; }
    std::optional<Product> chosenAddon() const;
    bool chooseAddon(const QString& slug); // selects its row; false when it is not listed
    QTableWidget* table() const { return m_table; }

signals:
    void addonChosen(const sb::Product& addon);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void load();
    void showAddons(const QList<Product>& addons);
    void proceed();

    Backend& m_backend;
    Customer m_customer;
    Service m_service;
    QList<Product> m_addons;
    std::optional<Error> m_error;
    bool m_loading = true;

    QLabel* m_headerLabel;
    QLabel* m_hintLabel;
    QTableWidget* m_table;
    QLabel* m_statusLabel;
    QPushButton* m_cancelButton;
    QPushButton* m_continueButton;
};

} // namespace sb
