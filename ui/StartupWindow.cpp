#include "StartupWindow.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace sb {

StartupWindow::StartupWindow(const QString& databaseUrl, QWidget* parent)
    : QWidget(parent), m_databaseUrl(databaseUrl), m_titleLabel(new QLabel(this)), m_detailLabel(new QLabel(this)),
      m_progressBar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("startupWindow"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_titleLabel->setFont(titleFont);
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setForegroundRole(QPalette::PlaceholderText);
    m_progressBar->setRange(0, 0);
    m_progressBar->setTextVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_detailLabel);
    layout->addWidget(m_progressBar);
    setMinimumWidth(420);
    retranslateUi();
}

void StartupWindow::retranslateUi()
{
    setWindowTitle(tr("Switchboard"));
    m_titleLabel->setText(tr("Opening database…"));
    m_detailLabel->setText(m_databaseUrl.isEmpty() ? tr("Preparing the local database on this computer.")
                                                   : m_databaseUrl);
}

void StartupWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace sb
