#pragma once

#include "domain/Entities.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace sb {

// "View Logs": every task of a provisioning job with its status, times, log and error, read-only and copyable.
class JobLogDialog : public QDialog
{
    Q_OBJECT

public:
    explicit JobLogDialog(const ProvisioningJob& job, QWidget* parent = nullptr);

    QString logText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    ProvisioningJob m_job;
    QLabel* m_headerLabel;
    QPlainTextEdit* m_text;
    QPushButton* m_copyButton;
    QPushButton* m_closeButton;
};

} // namespace sb
