#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace sb {

// The small "Opening database…" window shown while the backend opens, migrates and seeds the database.
class StartupWindow : public QWidget
{
    Q_OBJECT

public:
    explicit StartupWindow(const QString& databaseUrl, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString m_databaseUrl;
    QLabel* m_titleLabel;
    QLabel* m_detailLabel;
    QProgressBar* m_progressBar;
};

} // namespace sb
