#include "VerifyServiceDialog.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "workflows/Backend.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sb {

namespace {

const QColor OkColor(0x1b, 0x7f, 0x3b);
const QColor MismatchBackground(0xfd, 0xe7, 0xe7);
const QColor UnreachableBackground(0xff, 0xf3, 0xd6);

} // namespace

VerifyServiceDialog::VerifyServiceDialog(qint64 serviceId, Verify verify, QThreadPool* pool, QWidget* parent)
    : QDialog(parent), m_serviceId(serviceId), m_verify(std::move(verify)), m_pool(pool),
      m_summaryLabel(new QLabel(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_againButton(new QPushButton(this)), m_closeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("verifyServiceDialog"));
    m_summaryLabel->setObjectName(QStringLiteral("verifySummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("verifyTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CheckColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(AdviceColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(CheckColumn, 230); // long account ids wrap rather than squeeze the advice
    // Wrapped sentences need taller rows whenever the columns change width.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table, &QTableView::resizeRowsToContents);
    m_againButton->setObjectName(QStringLiteral("verifyAgainButton"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_againButton);
    buttons->addWidget(m_closeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_againButton, &QPushButton::clicked, this, &VerifyServiceDialog::verifyNow);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);
    resize(980, 420);
    retranslateUi();
    verifyNow();
}

VerifyServiceDialog* VerifyServiceDialog::create(Backend& backend, qint64 serviceId, QWidget* parent)
{
    Database& db = backend.database();
    const NetworkEndpoints endpoints = backend.endpoints();
    auto verify = [&db, endpoints, serviceId] { return ServiceVerifier(db, endpoints).verify(serviceId); };
    return new VerifyServiceDialog(serviceId, verify, backend.pool(), parent);
}

void VerifyServiceDialog::verifyNow()
{
    if (m_running)
        return;
    m_running = true;
    m_againButton->setEnabled(false);
    retranslateUi();
    runAsync(this, m_pool, m_verify, [this](const Result<VerifyReport>& result) {
        m_running = false;
        m_result = result;
        m_againButton->setEnabled(true);
        fillTable();
        retranslateUi();
    });
}

void VerifyServiceDialog::fillTable()
{
    m_table->setRowCount(0);
    if (!m_result || !m_result->ok())
        return;
    const QList<VerifyCheck>& checks = m_result->value().checks;
    m_table->setRowCount(int(checks.size()));
    for (int row = 0; row < checks.size(); ++row) {
        const VerifyCheck& check = checks.at(row);
        QString outcome;
        switch (check.outcome) {
        case VerifyCheck::Outcome::Ok:
            outcome = QStringLiteral("✔ ") + tr("OK");
            break;
        case VerifyCheck::Outcome::Mismatch:
            outcome = QStringLiteral("✘ ") + tr("Mismatch");
            break;
        case VerifyCheck::Outcome::Unreachable:
            outcome = QStringLiteral("⚠ ") + tr("Unreachable");
            break;
        }
        const QStringList texts{check.element,      check.subject.text(), check.expected.text(),
                                check.found.text(), outcome,              check.advice()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(texts.at(column));
            item->setData(Qt::UserRole, toCode(check.outcome));
            if (check.outcome == VerifyCheck::Outcome::Mismatch)
                item->setBackground(MismatchBackground);
            else if (check.outcome == VerifyCheck::Outcome::Unreachable)
                item->setBackground(UnreachableBackground);
            else if (column == ResultColumn)
                item->setForeground(OkColor);
            if (column == ResultColumn && !check.ok()) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            item->setToolTip(column == AdviceColumn ? texts.at(column) : QString());
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeRowsToContents();
}

void VerifyServiceDialog::retranslateUi()
{
    setWindowTitle(tr("Verify Service — Service %1").arg(m_serviceId));
    m_table->setHorizontalHeaderLabels(
        {tr("Element"), tr("Check"), tr("Expected"), tr("Found"), tr("Result"), tr("What to do")});
    m_againButton->setText(tr("Verify Again"));
    m_closeButton->setText(tr("Close"));
    if (m_running) {
        m_summaryLabel->setText(tr("Reading service %1 back from the network elements…").arg(m_serviceId));
        m_summaryLabel->setStyleSheet(QString());
        return;
    }
    if (!m_result)
        return;
    if (!m_result->ok()) {
        m_summaryLabel->setText(Formatting::error(m_result->error()));
        m_summaryLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
        return;
    }
    const VerifyReport& report = m_result->value();
    const int mismatches = report.count(VerifyCheck::Outcome::Mismatch);
    const int unreachable = report.count(VerifyCheck::Outcome::Unreachable);
    if (report.clean()) {
        m_summaryLabel->setText(tr("%1: all %n check(s) passed. The network elements match Switchboard.", nullptr,
                                   int(report.checks.size()))
                                    .arg(report.serviceName));
        m_summaryLabel->setStyleSheet(QStringLiteral("color: #1b7f3b; font-weight: bold;"));
    } else {
        m_summaryLabel->setText(tr("%1: %n mismatch(es)", nullptr, mismatches).arg(report.serviceName) +
                                QStringLiteral(", ") + tr("%n element(s) unreachable.", nullptr, unreachable) +
                                QLatin1Char(' ') + tr("See the highlighted rows for what to do."));
        m_summaryLabel->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    }
}

void VerifyServiceDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillTable(); // the rows' texts follow the language too
    }
    QDialog::changeEvent(event);
}

} // namespace sb
