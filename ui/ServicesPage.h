#pragma once

#include "domain/UserMessage.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace sb {

class Backend;
class ServiceTableModel;

// The most recent services of all customers. Double-click (or Enter) opens the service on its customer's page.
class ServicesPage : public QWidget
{
    Q_OBJECT

public:
    explicit ServicesPage(Backend& backend, QWidget* parent = nullptr);

    void reload();
    ServiceTableModel* model() const { return m_model; }

signals:
    void serviceActivated(qint64 serviceId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void verifySelected();

    Backend& m_backend;
    QLabel* m_titleLabel;
    QLabel* m_errorLabel;
    QTableView* m_table;
    QPushButton* m_verifyButton; // Verify Service: the selected service read back from the elements
    ServiceTableModel* m_model;
    std::optional<Error> m_error;
    bool m_loading = false;
};

} // namespace sb
