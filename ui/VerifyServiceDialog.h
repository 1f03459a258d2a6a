#pragma once

#include "domain/UserMessage.h"
#include "workflows/ServiceVerifier.h"

#include <QDialog>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;
class QThreadPool;

namespace sb {

class Backend;

// "Verify Service": reads the service back from the network elements (on the thread pool, never the GUI thread)
// and lists every check — element, what, expected, found, result — with ok rows ticked in green, mismatches and
// unreachable elements highlighted and the sentence of what to do wrapped below the values.
class VerifyServiceDialog : public QDialog
{
    Q_OBJECT

public:
    using Verify = std::function<Result<VerifyReport>()>;

    enum Column { ElementColumn, CheckColumn, ExpectedColumn, FoundColumn, ResultColumn, AdviceColumn, ColumnCount };

    VerifyServiceDialog(qint64 serviceId, Verify verify, QThreadPool* pool, QWidget* parent = nullptr);
    // With the backend's database and element settings.
    static VerifyServiceDialog* create(Backend& backend, qint64 serviceId, QWidget* parent);

    void verifyNow();
    bool isRunning() const { return m_running; }
    const std::optional<Result<VerifyReport>>& result() const { return m_result; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillTable();

    qint64 m_serviceId;
    Verify m_verify;
    QThreadPool* m_pool;
    std::optional<Result<VerifyReport>> m_result;
    bool m_running = false;
    QLabel* m_summaryLabel;
    QTableWidget* m_table;
    QPushButton* m_againButton;
    QPushButton* m_closeButton;
};

} // namespace sb
