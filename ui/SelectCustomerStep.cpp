#include "SelectCustomerStep.h"

#include "AsyncCall.h"
#include "CustomerSearchCombo.h"
#include "Formatting.h"
#include "workflows/AssignPlanWorkflow.h"
#include "workflows/Backend.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace sb {

SelectCustomerStep::SelectCustomerStep(Backend& backend, const Product& product, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_product(product), m_searchLabel(new QLabel(this)),
      m_combo(new CustomerSearchCombo(backend, this)), m_warningTitle(new QLabel(this)),
      m_warningLabel(new QLabel(this)), m_eligibilityLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("selectCustomerStep"));
    m_searchLabel->setBuddy(m_combo->lineEdit());
    m_eligibilityLabel->setObjectName(QStringLiteral("eligibilityLabel"));
    m_eligibilityLabel->setWordWrap(true);
    m_warningLabel->setWordWrap(true);
    QFont bold = m_warningTitle->font();
    bold.setBold(true);
    m_warningTitle->setFont(bold);

    auto* warning = new QFrame(this);
    warning->setObjectName(QStringLiteral("customerWarning"));
    warning->setFrameShape(QFrame::StyledPanel);
    warning->setStyleSheet(QStringLiteral("#customerWarning { background: #fff4e5; border: 1px solid #f0b86e;"
                                          " border-radius: 4px; } QLabel { color: #5c3b00; }"));
    auto* warningLayout = new QVBoxLayout(warning);
    warningLayout->addWidget(m_warningTitle);
    warningLayout->addWidget(m_warningLabel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_searchLabel);
    layout->addWidget(m_combo);
    layout->addWidget(m_eligibilityLabel);
    layout->addStretch(1);
    layout->addWidget(warning);

    connect(m_combo, &CustomerSearchCombo::customerChosen, this, &SelectCustomerStep::checkEligibility);
    connect(m_combo, &CustomerSearchCombo::customerCleared, this, [this] {
        ++m_sequence;
        m_checking = false;
        m_problem.reset();
        setEligible(false);
    });
    retranslateUi();
}

void SelectCustomerStep::retranslateUi()
{
    m_searchLabel->setText(tr("&Search Customers:"));
    m_warningTitle->setText(tr("Warning"));
    m_warningLabel->setText(tr("Ensure you've selected the correct customer before proceeding. Assigning a plan to "
                               "the wrong customer requires manual intervention to correct."));
    const std::optional<Customer> chosen = m_combo->customer();
    QString status;
    QString style;
    if (chosen && m_checking) {
        status = tr("Checking that %1 can take %2…").arg(chosen->name, m_product.name);
    } else if (chosen && m_eligible) {
        status = tr("✓ %1 (%2) can take %3.").arg(chosen->name, displayName(chosen->type), m_product.name);
        style = QStringLiteral("color: #1b7f3b;");
    } else if (chosen && m_problem) {
        status = Formatting::error(*m_problem);
        style = QStringLiteral("color: #b3261e;");
    } else {
        status = tr("Type a name, customer ID, email address or phone number, then pick the customer.");
    }
    m_eligibilityLabel->setText(status);
    m_eligibilityLabel->setStyleSheet(style);
}

void SelectCustomerStep::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

std::optional<Customer> SelectCustomerStep::customer() const
{
    return m_combo->customer();
}

void SelectCustomerStep::checkEligibility(const Customer& customer)
{
    const quint64 sequence = ++m_sequence;
    m_checking = true;
    m_problem.reset();
    setEligible(false);
    Database& db = m_backend.database();
    const qint64 productId = m_product.id;
    const qint64 customerId = customer.id;
    runAsync(
        this, m_backend.pool(),
        [&db, productId, customerId] { return AssignPlanWorkflow(db).checkEligibility(productId, customerId); },
        [this, sequence](const Status& status) {
            if (sequence != m_sequence)
                return;
            m_checking = false;
            if (!status.ok())
                m_problem = status.error;
            setEligible(status.ok());
        });
}

void SelectCustomerStep::setEligible(bool eligible)
{
    m_eligible = eligible;
    retranslateUi();
    emit readyChanged(eligible);
}

} // namespace sb
