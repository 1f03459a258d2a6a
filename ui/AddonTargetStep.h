#pragma once

#include "domain/Entities.h"
#include "domain/UserMessage.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;

namespace sb {

class Backend;

// Seed 000, "Adding Add-ons to Existing Service": the add-on goes onto one of the customer's existing services of
// its service type. Several: "Which service should receive this add-on?" with a combo; exactly one: it is chosen
// and shown as text; none: why, and what to do. The services are read off the GUI thread.
class AddonTargetStep : public QWidget
{
    Q_OBJECT

public:
    AddonTargetStep(Backend& backend, const Product& addon, QWidget* parent = nullptr);

    // "Mobile - +44 7700 900123 (ID: 789)"
    static QString serviceText(const Service& service);

    void load(const Customer& customer);
    qint64 customerId() const { return m_customer ? m_customer->id : 0; }
    bool isLoading() const { return m_loading; }
    bool isReady() const { return !m_loading && service().has_value(); }
    QList<Service> services() const { return m_services; }
    std::optional<Service> service() const; // the chosen one
    QComboBox* serviceCombo() const { return m_combo; }
    void focusDefault();

signals:
    void readyChanged(bool ready);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showServices(const QList<Service>& services);

    Backend& m_backend;
    Product m_addon;
    std::optional<Customer> m_customer;
    QList<Service> m_services;
    std::optional<Error> m_problem;
    quint64 m_sequence = 0;
    bool m_loading = false;

    QLabel* m_questionLabel;
    QLabel* m_existingCaption;
    QLabel* m_existingList;
    QComboBox* m_combo;
    QLabel* m_chosenLabel;
    QLabel* m_statusLabel;
};

} // namespace sb
