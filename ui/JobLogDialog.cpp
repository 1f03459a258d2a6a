#include "JobLogDialog.h"

#include "Formatting.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {
namespace {

QString indented(const QString& text)
{
    QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    for (QString& line : lines)
        line.prepend(QStringLiteral("    "));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

JobLogDialog::JobLogDialog(const ProvisioningJob& job, QWidget* parent)
    : QDialog(parent), m_job(job), m_headerLabel(new QLabel(this)), m_text(new QPlainTextEdit(this)),
      m_copyButton(new QPushButton(this)), m_closeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("jobLogDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(900, 560);
    m_headerLabel->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("jobLogText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyButton->setObjectName(QStringLiteral("copyLogButton"));
    m_closeButton->setObjectName(QStringLiteral("closeLogButton"));
    m_closeButton->setDefault(true);
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headerLabel);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    retranslateUi();
}

QString JobLogDialog::logText() const
{
    return m_text->toPlainText();
}

void JobLogDialog::retranslateUi()
{
    setWindowTitle(tr("Provisioning Log — Provision ID %1").arg(m_job.id));
    m_headerLabel->setText(tr("Provision ID: %1 · %2 · attempt %3 · requested by %4 on %5")
                               .arg(m_job.id)
                               .arg(displayName(m_job.status))
                               .arg(m_job.attempt)
                               .arg(m_job.requestedBy, Formatting::dateTime(m_job.createdMs)));
    m_copyButton->setText(tr("&Copy All"));
    m_closeButton->setText(tr("Close"));

    QStringList blocks;
    for (const ProvisioningTask& task : m_job.tasks) {
        QStringList block;
        block << tr("%1 %2. %3 — %4")
                     .arg(Formatting::taskSymbol(task.status))
                     .arg(task.ordinal)
                     .arg(task.displayLabel(), displayName(task.status));
        block << tr("    Action: %1").arg(task.action);
        if (task.startedMs > 0)
            block << tr("    Started: %1   Finished: %2")
                         .arg(Formatting::time(task.startedMs),
                              task.finishedMs > 0 ? Formatting::time(task.finishedMs) : tr("—"));
        if (!task.log.trimmed().isEmpty())
            block << indented(task.log);
        if (!task.error.isEmpty())
            block << tr("    Error: %1").arg(UserMessage::fromJsonString(task.error).text());
        blocks << block.join(QLatin1Char('\n'));
    }
    if (!m_job.error.isEmpty())
        blocks << tr("Job error: %1").arg(UserMessage::fromJsonString(m_job.error).text());
    m_text->setPlainText(blocks.join(QStringLiteral("\n\n")));
}

void JobLogDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace sb
