#include "AddContactDialog.h"

#include "AsyncCall.h"
#include "Formatting.h"
#include "domain/CustomerRules.h"
#include "workflows/Backend.h"
#include "workflows/CustomerWorkflow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

AddContactDialog::AddContactDialog(Backend& backend, const Customer& customer, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_customer(customer), m_introLabel(new QLabel(this)),
      m_roleLabel(new QLabel(this)), m_roleCombo(new QComboBox(this)), m_nameLabel(new QLabel(this)),
      m_nameEdit(new QLineEdit(this)), m_emailLabel(new QLabel(this)), m_emailEdit(new QLineEdit(this)),
      m_phoneLabel(new QLabel(this)), m_phoneEdit(new QLineEdit(this)), m_problemsLabel(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)), m_addButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("addContactDialog"));
    m_introLabel->setWordWrap(true);
    m_roleCombo->setObjectName(QStringLiteral("contactRoleCombo"));
    m_roleCombo->addItem(QString(), CustomerRules::billingRole);
    m_roleCombo->addItem(QString(), CustomerRules::technicalRole);
    m_nameEdit->setObjectName(QStringLiteral("contactNameEdit"));
    m_nameEdit->setMinimumWidth(300);
    m_emailEdit->setObjectName(QStringLiteral("contactEmailEdit"));
    m_phoneEdit->setObjectName(QStringLiteral("contactPhoneEdit"));
    m_roleLabel->setBuddy(m_roleCombo);
    m_nameLabel->setBuddy(m_nameEdit);
    m_emailLabel->setBuddy(m_emailEdit);
    m_phoneLabel->setBuddy(m_phoneEdit);
    m_problemsLabel->setObjectName(QStringLiteral("addContactProblems"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problemsLabel->hide();
    m_addButton->setObjectName(QStringLiteral("addContactConfirmButton"));
    m_addButton->setDefault(true);
    m_buttons->addButton(m_addButton, QDialogButtonBox::AcceptRole);

    auto* form = new QFormLayout;
    form->addRow(m_roleLabel, m_roleCombo);
    form->addRow(m_nameLabel, m_nameEdit);
    form->addRow(m_emailLabel, m_emailEdit);
    form->addRow(m_phoneLabel, m_phoneEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addLayout(form);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, &AddContactDialog::submit);
    retranslateUi();
}

void AddContactDialog::retranslateUi()
{
    setWindowTitle(tr("Add Contact"));
    m_introLabel->setText(tr("A new contact of %1.").arg(Formatting::customer(m_customer)));
    m_roleLabel->setText(tr("&Role:"));
    m_roleCombo->setItemText(0, tr("Billing"));
    m_roleCombo->setItemText(1, tr("Technical"));
    m_nameLabel->setText(tr("&Name:"));
    m_emailLabel->setText(tr("&Email:"));
    m_emailEdit->setPlaceholderText(tr("name@example.com (optional)"));
    m_phoneLabel->setText(tr("&Phone:"));
    m_phoneEdit->setPlaceholderText(tr("Optional"));
    m_addButton->setText(tr("&Add"));
    m_problemsLabel->setText(problemText());
}

void AddContactDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QString AddContactDialog::problemText() const
{
    QStringList texts;
    for (const Error& problem : m_problems)
        texts << Formatting::error(problem);
    return texts.join(QLatin1Char('\n'));
}

void AddContactDialog::showProblems(const QList<Error>& problems)
{
    m_problems = problems;
    m_problemsLabel->setText(problemText());
    m_problemsLabel->setVisible(!problems.isEmpty());
}

void AddContactDialog::submit()
{
    if (m_submitting)
        return;
    const Contact contact{0, m_customer.id, m_roleCombo->currentData().toString(), m_nameEdit->text().trimmed(),
                          m_emailEdit->text().trimmed(), m_phoneEdit->text().trimmed()};
    QList<Error> problems;
    for (const UserMessage& problem : CustomerRules::contactProblems(contact))
        problems << Error{problem, {}};
    showProblems(problems);
    if (!problems.isEmpty())
        return;
    m_submitting = true;
    m_addButton->setEnabled(false);
    Database& db = m_backend.database();
    const Actor actor = m_backend.session();
    runAsync(
        this, m_backend.pool(), [&db, contact, actor] { return CustomerWorkflow(db).addContact(contact, actor); },
        [this](const Result<Contact>& result) {
            m_submitting = false;
            m_addButton->setEnabled(true);
            if (!result.ok()) {
                showProblems({result.error()});
                return;
            }
            m_added = result.value();
            emit contactAdded(*m_added);
            accept();
        });
}

} // namespace sb
